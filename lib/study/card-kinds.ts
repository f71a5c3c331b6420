/**
 * The kinds of recall card (see extract.ts). Their own module because the client's schemas need
 * the list, and extract.ts hashes with node:crypto: importing it from a client component put
 * the browser's copy of Node's crypto (450 KB) into every page with study mode.
 */
export const CARD_KINDS = ["term", "term-reverse", "highlight", "table", "card"] as const;
export type CardKind = (typeof CARD_KINDS)[number];
