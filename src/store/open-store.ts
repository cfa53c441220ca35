// Opens the configured store: SQLite (a file, FACTDESK_DB, created on first start) or PostgreSQL
// (DATABASE_URL), runs the migrations, and composes the store. A store that can't be opened is an
// expected outcome: one line naming the variable, which main.ts prints before exiting 1.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import type { Logger } from "../logger.js";
import { saltedHasher } from "./asker-hash.js";
import { migrateToLatest } from "./migrations.js";
import { composeStore, type Store } from "./store.js";
import type { StoreTables } from "./tables.js";

export type StoreLocation = { engine: "sqlite"; file: string } | { engine: "postgres"; url: string };

export interface OpenStoreOptions {
  location: StoreLocation;
  /** FACTDESK_SALT. Without it (SQLite only), a random salt is kept in factdesk.salt beside the database. */
  salt?: string;
  engineVersion: string;
  retentionDays: number;
  logger: Logger;
  now?: () => number;
}

export type OpenedStore = { ok: true; store: Store } | { ok: false; error: string };

/** A slow database must not hold an answer for long: queries give up after this. */
const POSTGRES_QUERY_TIMEOUT_MS = 5000;
const POSTGRES_CONNECT_TIMEOUT_MS = 5000;
/** SQLite waits this long for another process's write lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 2000;

export async function openStore(options: OpenStoreOptions): Promise<OpenedStore> {
  const { location } = options;
  const variable = location.engine === "sqlite" ? "FACTDESK_DB" : "DATABASE_URL";
  const shown = location.engine === "sqlite" ? location.file : withoutPassword(location.url);
  let db: Kysely<StoreTables> | undefined;
  let salt: string;
  try {
    db = location.engine === "sqlite" ? await openSqlite(location.file) : await openPostgres(location.url, options.logger);
    await migrateToLatest(db as Kysely<unknown>);
    salt = options.salt ?? (location.engine === "sqlite" ? saltBeside(location.file) : missingSalt());
  } catch (error) {
    await db?.destroy().catch(() => undefined);
    return { ok: false, error: `${variable} ${shown} cannot be opened: ${messageOf(error)}` };
  }
  const { engineVersion, retentionDays, logger, now } = options;
  const store = composeStore({ engine: location.engine, location: shown, db, hash: saltedHasher(salt), engineVersion, retentionDays, logger, ...(now ? { now } : {}) });
  return { ok: true, store };
}

async function openSqlite(file: string): Promise<Kysely<StoreTables>> {
  const { default: Database } = await import("better-sqlite3");
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    // WAL lets readers and one writer work at once, and lets a second process share the file.
    if (file !== ":memory:") sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return new Kysely<StoreTables>({ dialect: new SqliteDialect({ database: sqlite }) });
}

async function openPostgres(url: string, logger: Logger): Promise<Kysely<StoreTables>> {
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS,
    query_timeout: POSTGRES_QUERY_TIMEOUT_MS,
    // Epoch milliseconds are bigint columns; they fit a JavaScript number exactly.
    types: { getTypeParser: (oid: number, format?: "text" | "binary") => (oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format as "text")) },
  });
  // An idle connection that drops (a restart of the server) must not crash the process.
  pool.on("error", (error) => logger.error({ err: error, component: "store" }, "PostgreSQL connection lost"));
  const client = await pool.connect().catch(async (error: unknown) => {
    await pool.end().catch(() => undefined);
    throw error;
  });
  client.release();
  return new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * One installation's own salt, made on first start: hashes stay stable across restarts, and the
 * salt is not in the database, so a copy of the database alone can't be matched to user ids.
 */
function saltBeside(file: string): string {
  if (file === ":memory:") return randomBytes(32).toString("hex");
  const saltFile = path.join(path.dirname(path.resolve(file)), "factdesk.salt");
  try {
    writeFileSync(saltFile, `${randomBytes(32).toString("hex")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const salt = readFileSync(saltFile, "utf8").trim();
  if (salt.length < 16) throw new Error(`${saltFile} holds no salt: delete it to make a new one, or set FACTDESK_SALT`);
  return salt;
}

function missingSalt(): never {
  throw new Error("FACTDESK_SALT is required with PostgreSQL");
}

/** postgres://user:secret@host/db shown as postgres://user@host/db: passwords never reach a log. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = "";
    return parsed.toString();
  } catch {
    return "(not a URL)";
  }
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0]);
  const message = error instanceof Error ? error.message || error.constructor.name : String(error);
  return message.split("\n")[0]!;
}
