// Retention: asks and votes older than FACTDESK_RETENTION_DAYS are deleted, and so is every
// claim, rate count and conversation past its expiry. Runs at start and then hourly.
import type { Kysely } from "kysely";
import type { StoreTables } from "./tables.js";

export const DEFAULT_RETENTION_DAYS = 90;
export const PURGE_EVERY_MS = 60 * 60_000;
/** Rate counts are read for the current and the previous window only; an hour covers any window we use. */
const RATE_COUNT_KEEP_MS = 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

export interface Purged {
  asks: number;
  votes: number;
  expired: number;
}

export async function purgeOld(db: Kysely<StoreTables>, now: number, retentionDays: number): Promise<Purged> {
  const cutoff = now - retentionDays * DAY_MS;
  const count = (results: ReadonlyArray<{ numDeletedRows: bigint }>) => results.reduce((sum, r) => sum + Number(r.numDeletedRows), 0);
  const votes = await db
    .deleteFrom("votes")
    .where((eb) => eb.or([eb("voted_at", "<", cutoff), eb("ask_id", "in", eb.selectFrom("asks").select("id").where("asked_at", "<", cutoff))]))
    .execute();
  const asks = await db.deleteFrom("asks").where("asked_at", "<", cutoff).execute();
  const expired = [
    await db.deleteFrom("delivery_claims").where("expires_at", "<=", now).execute(),
    await db.deleteFrom("rate_counts").where("window_start", "<", now - RATE_COUNT_KEEP_MS).execute(),
    await db.deleteFrom("conversations").where("expires_at", "<=", now).execute(),
  ];
  return { asks: count(asks), votes: count(votes), expired: expired.reduce((sum, r) => sum + count(r), 0) };
}
