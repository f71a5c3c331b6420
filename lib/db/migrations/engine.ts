/**
 * Migrations without the Prisma CLI's native schema engine (it cannot be downloaded here).
 *
 * Prisma's schema engine also ships as WebAssembly (@prisma/schema-engine-wasm, pinned to the
 * engine commit of our prisma CLI). It talks to SQLite through a JS driver adapter: we give it
 * the better-sqlite3 adapter for the real database (and `:memory:` as shadow database), so it
 * does exactly what `prisma migrate deploy / dev --create-only / diff` do, and keeps the same
 * `_prisma_migrations` table (the Prisma CLI can take over any time).
 *
 * What the engine needs from its caller (found the hard way):
 * - Replaying migrations into the shadow database goes through the adapter's `executeRaw`,
 *   which better-sqlite3 runs as one prepared statement, so a script with several statements
 *   fails (P3006). `ScriptAwareAdapter` retries such SQL with `executeScript` (sqlite `exec`).
 * - On a brand-new database `applyMigrations` / `devDiagnostic` fail with P1014 because
 *   `_prisma_migrations` does not exist yet; applying an empty list first creates the table.
 * - The wasm `createMigration` has no access to the shadow database factory: it only works when
 *   `devDiagnostic` has just replayed the same migrations (its result is cached), as in the CLI's
 *   `migrate dev` flow.
 * - The diff/drift check needs migration_lock.toml to know the provider; we pass its content
 *   (or `provider = "sqlite"` when the file is absent).
 * No plain-SQL fallback runner was needed: the engine does all three commands.
 *
 * This module loads the engine and connects it to SQLite; deploy.ts, dev.ts and diff.ts are the
 * three commands, folders.ts what they read from disk.
 */
import "server-only";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import {
  DriverAdapterError,
  bindMigrationAwareSqlAdapterFactory,
  isDriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
  type IsolationLevel,
  type ConnectionInfo,
} from "@prisma/driver-adapter-utils";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { AdapterWrapper } from "../adapter-wrapper";
import { MigrationError } from "./errors";

interface PanicRegistry {
  message: string;
  set_message(message: string): void;
}

let glueReady: Promise<void> | undefined;

/** Instantiates the engine's wasm once per process (Node 20 cannot `import` a .wasm file). */
function loadEngineGlue(): Promise<void> {
  glueReady ??= (async () => {
    const registry: PanicRegistry = {
      message: "",
      set_message(message: string) {
        this.message = message;
      },
    };
    (globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry }).PRISMA_WASM_PANIC_REGISTRY ??=
      registry;
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmBytes = fs.readFileSync(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(wasmBytes, {
      "./schema_engine_bg.js": engineGlue as unknown as WebAssembly.ModuleImports,
    });
    engineGlue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return glueReady;
}

function isMultiStatementError(error: unknown): boolean {
  return error instanceof Error && /more than one statement/i.test(error.message);
}

/**
 * The better-sqlite3 adapter (7.10.0) reports SQLITE_BUSY as `SocketTimeout`, a kind this
 * engine build cannot deserialize ("unknown variant `SocketTimeout`"); report it as the SQLite
 * error it is, so the engine's message says "database is locked".
 */
function mapBusyError(error: unknown): unknown {
  if (isDriverAdapterError(error) && error.cause.kind === "SocketTimeout") {
    return new DriverAdapterError({
      kind: "sqlite",
      extendedCode: 5,
      message: "database is locked (another process is using it)",
    });
  }
  return error;
}

async function mappingBusy<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw mapBusyError(error);
  }
}

/**
 * Delegates to the better-sqlite3 adapter, but runs an argument-less multi-statement SQL string
 * (a migration script replayed into the shadow database) with `executeScript`.
 */
class ScriptAwareAdapter extends AdapterWrapper<SqlDriverAdapter> implements SqlDriverAdapter {
  executeRaw(query: SqlQuery): Promise<number> {
    return this.orAsScript(query, () => this.inner.executeRaw(query), 0);
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.orAsScript(query, () => this.inner.queryRaw(query), { columnNames: [], columnTypes: [], rows: [] });
  }

  /** `run`, or, when better-sqlite3 refuses argument-less SQL for holding several statements, the SQL as a script. */
  private async orAsScript<T>(query: SqlQuery, run: () => Promise<T>, scriptResult: T): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (query.args.length > 0 || !isMultiStatementError(error)) throw mapBusyError(error);
      await this.executeScript(query.sql);
      return scriptResult;
    }
  }

  executeScript(script: string): Promise<void> {
    return mappingBusy(() => this.inner.executeScript(script));
  }

  startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return this.inner.startTransaction(isolationLevel);
  }

  getConnectionInfo(): ConnectionInfo {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}

/** The adapter factory given to the engine; remembers every connection so we can close them. */
class EngineAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  private readonly inner: PrismaBetterSqlite3;
  private readonly open: SqlDriverAdapter[] = [];

  /** `databasePath`: the file to migrate, or `:memory:`. The shadow database is `:memory:`. */
  constructor(databasePath: string) {
    this.inner = new PrismaBetterSqlite3({ url: databasePath, timeout: 5000 }, { shadowDatabaseUrl: ":memory:" });
    this.adapterName = this.inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return this.track(await this.inner.connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.track(await this.inner.connectToShadowDb());
  }

  private track(adapter: SqlDriverAdapter): SqlDriverAdapter {
    const wrapped = new ScriptAwareAdapter(adapter);
    this.open.push(wrapped);
    return wrapped;
  }

  async closeAll(): Promise<void> {
    for (const adapter of this.open.splice(0)) {
      try {
        await adapter.dispose();
      } catch {
        // already closed
      }
    }
  }
}

interface EngineErrorRegistry {
  consumeError(id: number): { error: unknown } | undefined;
}

/** Turns an engine rejection into a MigrationError, restoring driver errors it only knows by id. */
function engineError(error: unknown, registry: EngineErrorRegistry): MigrationError {
  let message = error instanceof Error ? error.message : String(error);
  message = message.replace(/External error id#(\d+)/g, (whole, id: string) => {
    const record = registry.consumeError(Number(id));
    if (!record) return whole;
    const inner = record.error;
    if (inner instanceof Error) return inner.message;
    if (typeof inner === "object" && inner !== null) return JSON.stringify(inner);
    return String(inner);
  });
  // Keep the message, drop the engine's Rust span trace ("   0: sql_schema_connector::…").
  message = message.replace(/\n\s+0: [\s\S]*$/, "").trim();
  const code: unknown = typeof error === "object" && error !== null ? Reflect.get(error, "code") : undefined;
  if (code === "P1008" || /database is locked|SocketTimeout|SQLITE_BUSY/i.test(message)) {
    message +=
      "\nAnother process holds the database (is `npm run dev` or `npm start` running?). " +
      "Stop it and run the command again.";
  }
  return new MigrationError(typeof code === "string" ? `${code}: ${message}` : message);
}

/**
 * Runs `work` with a schema engine connected to `databasePath` (`:memory:` for none), then frees
 * the engine and closes every connection it opened (the engine holds the file with
 * `locking_mode=EXCLUSIVE` while connected).
 */
export async function withEngine<T>(
  databasePath: string,
  schema: { path: string; content: string } | undefined,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadEngineGlue();
  const factory = new EngineAdapterFactory(databasePath);
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const debug = process.env.DEBUG_SCHEMA_ENGINE
    ? (log: string) => process.stderr.write(`[schema-engine] ${log}\n`)
    : () => {};
  let engine: SchemaEngine | undefined;
  try {
    engine = await engineGlue.SchemaEngine.new(
      { datamodels: schema ? [[schema.path, schema.content]] : undefined },
      debug,
      bound,
    );
    return await work(engine);
  } catch (error) {
    if (error instanceof MigrationError) throw error;
    throw engineError(error, bound.errorRegistry);
  } finally {
    engine?.free();
    await factory.closeAll();
  }
}
