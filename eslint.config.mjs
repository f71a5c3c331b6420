// ESLint: Next's rules (React, hooks, a11y, Core Web Vitals), typescript-eslint's type-checked rules, and the
// architecture written as rules, so a newcomer's wrong import fails `npm run lint` instead of code review.
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

/** Who may not import what: the layering of README.md's map of the code. */
const libMayNotImport = {
  patterns: [
    { group: ["@/app", "@/app/**"], message: "lib/ is below app/: move the shared code into lib/." },
    { group: ["@/components", "@/components/**"], message: "lib/ is below components/: pass data, not components." },
  ],
};

const componentsMayNotImport = {
  paths: [
    { name: "@/lib/db", message: "Components never touch the database: call a lib/ module or an API route." },
    { name: "node:fs", message: "Components never read files: lib/content owns content/." },
    { name: "node:fs/promises", message: "Components never read files: lib/content owns content/." },
    { name: "fs", message: "Components never read files: lib/content owns content/." },
    { name: "fs/promises", message: "Components never read files: lib/content owns content/." },
    { name: "playwright-core", message: "lib/pdf alone launches Chromium." },
  ],
  patterns: [
    { group: ["@/lib/db/**"], message: "Components never touch the database: call a lib/ module or an API route." },
    { group: ["@/generated", "@/generated/**"], message: "The generated Prisma client belongs to lib/db." },
  ],
};

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      ".cache/**",
      "generated/**",
      "data/**",
      "out/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "content/**",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypeScript,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-unused-expressions": "error",
    },
  },
  { files: ["**/*.mjs", "**/*.js"], ...tseslint.configs.disableTypeChecked },
  {
    // Tests read untyped JSON (Playwright's and fetch's `json()` are `any`) and check its shape with expect(): a
    // wrong shape fails the assertion, so the unsafe-any rules add casts without adding safety. Fakes of async
    // interfaces are async without awaiting.
    files: ["tests/**", "e2e/**"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/require-await": "off",
    },
  },
  { files: ["lib/**"], rules: { "no-restricted-imports": ["error", libMayNotImport] } },
  { files: ["components/**"], rules: { "no-restricted-imports": ["error", componentsMayNotImport] } },
);
