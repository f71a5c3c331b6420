/**
 * Reading rows that someone may have written outside the app (a script, a SQLite shell, a damaged
 * file): one bad value must cost only its own row, never the list that holds it.
 *
 * What Prisma does with such a value, found by writing rows with better-sqlite3 directly
 * (tests/db/readable-rows.test.ts): an integer beyond 2^53, text in a number column or bytes in a
 * text column make the whole query throw P2023; a stored date beyond what a JavaScript Date holds
 * throws a RangeError; a date that is not a date reads as an invalid Date; -5 or 10^12 in a chapter
 * read back as they are. So every list is read as it is (the fast path), its rows are checked with
 * the app's zod schema, and only when the read itself throws is it read again in a way that skips
 * the rows that cannot be read.
 */
import "server-only";
import type { z } from "zod";
import { Prisma } from "@/generated/prisma/client";

/** A row that exists but cannot be read back (see above); routes answer it with a 409, not a 500. */
export class UnreadableRowError extends Error {
  constructor(table: string, key: string) {
    super(`the ${table} row ${key} holds a value the app cannot read (see the server log); it was left as it is`);
    this.name = "UnreadableRowError";
  }
}

/** True when `error` is a stored value that Prisma cannot turn into its JavaScript type. */
export function isUnreadableValue(error: unknown): boolean {
  if (error instanceof UnreadableRowError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2023";
  return error instanceof RangeError && error.message.includes("Invalid time value");
}

function warnUnreadable(table: string, key: string, why: string): void {
  console.warn(`db: skipped a ${table} row that cannot be used (${key}): ${why.slice(0, 300)}`);
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  return issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message;
}

export interface CheckedRows<Row> {
  rows: Row[];
  /** Keys of the rows left out, each also logged with the table and the reason. */
  unreadable: string[];
}

/** The rows `schema` accepts, in order; each other row is logged (table, key, field) and left out. */
export function keepValidRows<Row>(
  table: string,
  rows: readonly Row[],
  schema: z.ZodType,
  keyOf: (row: Row) => string,
): CheckedRows<Row> {
  const kept: Row[] = [];
  const unreadable: string[] = [];
  for (const row of rows) {
    const checked = schema.safeParse(row);
    if (checked.success) {
      kept.push(row);
    } else {
      unreadable.push(keyOf(row));
      warnUnreadable(table, keyOf(row), describeIssue(checked.error));
    }
  }
  return { rows: kept, unreadable };
}

/** The last line of Prisma's message: the value and column at fault. */
function reasonOf(error: unknown): string {
  return error instanceof Error ? (error.message.split("\n").at(-1) ?? "") : "";
}

/**
 * Reads the rows with `ids` through `readByIds`, in the order of `ids`, leaving out the rows that
 * cannot be read: a chunk whose read throws is halved until each failing row stands alone. A few
 * bad rows among n cost a few times log n queries; a clean list costs one per chunk.
 */
export async function readByIdsSkippingUnreadable<Row extends { id: string }>(
  table: string,
  ids: readonly string[],
  readByIds: (ids: string[]) => Promise<Row[]>,
): Promise<CheckedRows<Row>> {
  const found = new Map<string, Row>();
  const unreadable: string[] = [];
  async function readChunk(chunk: string[]): Promise<void> {
    try {
      for (const row of await readByIds(chunk)) found.set(row.id, row);
    } catch (error) {
      if (!isUnreadableValue(error)) throw error;
      const [only] = chunk;
      if (chunk.length === 1 && only !== undefined) {
        unreadable.push(only);
        warnUnreadable(table, only, reasonOf(error));
        return;
      }
      const half = Math.ceil(chunk.length / 2);
      await readChunk(chunk.slice(0, half));
      await readChunk(chunk.slice(half));
    }
  }
  const CHUNK = 500; // SQLite's limit on bound parameters
  for (let start = 0; start < ids.length; start += CHUNK) await readChunk(ids.slice(start, start + CHUNK));
  return { rows: ids.flatMap((id) => found.get(id) ?? []), unreadable };
}

/**
 * Rows of a table keyed by a text `id`: `read` as it is; when it throws on a value that cannot be
 * read, the same rows' ids (`readIds`, always readable) and then the rows a chunk at a time. Either
 * way every row is checked with `schema`; the rows left out are logged and returned as `unreadable`.
 */
export async function readCheckedRows<Row extends { id: string }>(
  table: string,
  schema: z.ZodType,
  queries: {
    read: () => Promise<Row[]>;
    readIds: () => Promise<{ id: string }[]>;
    readByIds: (ids: string[]) => Promise<Row[]>;
  },
): Promise<CheckedRows<Row>> {
  let read: CheckedRows<Row>;
  try {
    read = { rows: await queries.read(), unreadable: [] };
  } catch (error) {
    if (!isUnreadableValue(error)) throw error;
    const ids = (await queries.readIds()).map((row) => row.id);
    read = await readByIdsSkippingUnreadable(table, ids, queries.readByIds);
  }
  const checked = keepValidRows(table, read.rows, schema, (row) => row.id);
  return { rows: checked.rows, unreadable: [...read.unreadable, ...checked.unreadable] };
}

/**
 * Runs `read`; when it throws on a value that cannot be read, runs `readAround` instead (the same
 * query made to skip such rows) and logs `what` for the table. Any other error is thrown as it is.
 */
export async function readOrReadAround<Result>(
  table: string,
  what: string,
  read: () => Promise<Result>,
  readAround: () => Promise<Result>,
): Promise<Result> {
  try {
    return await read();
  } catch (error) {
    if (!isUnreadableValue(error)) throw error;
    warnUnreadable(table, what, reasonOf(error));
    return readAround();
  }
}
