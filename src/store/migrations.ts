// The store's schema, as versioned migrations that run on start (Kysely's Migrator records which
// have run). The same definitions serve SQLite and PostgreSQL: only types both understand are used
// (SQLite reads "bigint" as INTEGER and "double precision" as REAL). Never edit a migration that
// has shipped; add the next one.
import { Migrator, type Kysely, type Migration, type MigrationProvider } from "kysely";

const MIGRATIONS: Record<string, Migration> = {
  "001-asks-votes-claims-rates-conversations": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("asks")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("asked_at", "bigint", (c) => c.notNull())
        .addColumn("platform", "text", (c) => c.notNull())
        .addColumn("conversation", "text", (c) => c.notNull())
        .addColumn("asker", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("outcome", "text", (c) => c.notNull())
        .addColumn("fact_ids", "text", (c) => c.notNull())
        .addColumn("confidence", "double precision")
        .addColumn("engine_version", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("asks_by_time").on("asks").column("asked_at").execute();

      await db.schema
        .createTable("votes")
        .addColumn("ask_id", "text", (c) => c.notNull())
        .addColumn("voter", "text", (c) => c.notNull())
        .addColumn("vote", "text", (c) => c.notNull())
        .addColumn("reason", "text")
        .addColumn("voted_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("votes_one_per_voter", ["ask_id", "voter"])
        .execute();
      await db.schema.createIndex("votes_by_time").on("votes").column("voted_at").execute();

      await db.schema
        .createTable("delivery_claims")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("claimant", "text", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("lease_until", "bigint", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("delivery_claims_by_expiry").on("delivery_claims").column("expires_at").execute();

      await db.schema
        .createTable("rate_counts")
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("window_start", "bigint", (c) => c.notNull())
        .addColumn("count", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("rate_counts_per_window", ["subject", "window_start"])
        .execute();
      await db.schema.createIndex("rate_counts_by_window").on("rate_counts").column("window_start").execute();

      await db.schema
        .createTable("conversations")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("conversations_by_expiry").on("conversations").column("expires_at").execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider, migrationTableName: "factdesk_migrations", migrationLockTableName: "factdesk_migration_lock" }).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName;
    throw new Error(`${failed ? `migration ${failed} failed: ` : ""}${error instanceof Error ? error.message : String(error)}`);
  }
}

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).at(-1)!;
