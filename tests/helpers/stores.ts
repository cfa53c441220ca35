// Real databases for the store's tests: a SQLite file, PostgreSQL compiled to WebAssembly (PGlite)
// served over a local socket to the same `pg` driver production uses, and, when CI has started
// one (FACTDESK_TEST_DATABASE_URL), a real PostgreSQL server, with a fresh database per use.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openStore, type StoreLocation } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import type { Logger } from "../../src/logger.js";
import { captureLogs } from "./log-capture.js";

export const TEST_SALT = "a-test-salt-not-a-secret";

/** Set by .ci/run: a PostgreSQL server whose user may create databases. */
export const POSTGRES_SERVER_URL = process.env["FACTDESK_TEST_DATABASE_URL"] || undefined;

export interface TestDatabase {
  name: "SQLite" | "PGlite" | "PostgreSQL";
  /** Where a store (or a FactDesk process) opens it: the same database every time. */
  location: StoreLocation;
  /** The environment a FactDesk process needs to open it. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export type DatabaseMaker = () => Promise<TestDatabase>;

export const sqliteFile: DatabaseMaker = async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "factdesk-store-"));
  const file = path.join(dir, "nested", "factdesk.db");
  return { name: "SQLite", location: { engine: "sqlite", file }, env: { FACTDESK_DB: file }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
};

export const pglite: DatabaseMaker = async () => {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: 64 });
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  return {
    name: "PGlite",
    location: { engine: "postgres", url },
    env: { DATABASE_URL: url },
    drop: async () => {
      await server.stop();
      await db.close();
    },
  };
};

let databaseCounter = 0;

export const postgresServer: DatabaseMaker = async () => {
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: POSTGRES_SERVER_URL });
  await admin.connect();
  const name = `factdesk_test_${process.pid}_${Date.now().toString(36)}_${databaseCounter++}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_SERVER_URL!);
  url.pathname = `/${name}`;
  return {
    name: "PostgreSQL",
    location: { engine: "postgres", url: url.toString() },
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: POSTGRES_SERVER_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
};

/** Every engine the store runs on here: SQLite and PGlite always, a PostgreSQL server when CI has one. */
export const DATABASES: Array<[TestDatabase["name"], DatabaseMaker]> = [
  ["SQLite", sqliteFile],
  ["PGlite", pglite],
  ...(POSTGRES_SERVER_URL ? [["PostgreSQL", postgresServer] as [TestDatabase["name"], DatabaseMaker]] : []),
];

export interface OpenOptions {
  now?: () => number;
  logger?: Logger;
  retentionDays?: number;
  salt?: string;
}

export async function openTestStore(database: TestDatabase, options: OpenOptions = {}): Promise<Store> {
  const opened = await openStore({
    location: database.location,
    salt: options.salt ?? TEST_SALT,
    engineVersion: "test+0",
    retentionDays: options.retentionDays ?? 90,
    logger: options.logger ?? captureLogs("silent").logger,
    ...(options.now ? { now: options.now } : {}),
  });
  if (!opened.ok) throw new Error(opened.error);
  return opened.store;
}

/** An in-memory SQLite store, for adapter tests that need somewhere real to keep votes. */
export async function memoryStore(logger?: Logger): Promise<Store> {
  return openTestStore({ name: "SQLite", location: { engine: "sqlite", file: ":memory:" }, env: {}, drop: async () => undefined }, logger ? { logger } : {});
}
