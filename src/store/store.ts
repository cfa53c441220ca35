// The store: what FactDesk keeps in its database (SQLite or PostgreSQL, through Kysely), behind
// small interfaces the front ends and the review use. open-store.ts opens one; this composes it.
import type { Kysely } from "kysely";
import type { Logger } from "../logger.js";
import { sqlAskLog, type AskLog } from "./ask-log.js";
import type { Hasher } from "./asker-hash.js";
import { sqlConversationStore, type ConversationStore } from "./conversation-store.js";
import { sqlDeliveryClaims, type DeliveryClaims } from "./delivery-claims.js";
import { sqlFeedback, type Feedback } from "./feedback.js";
import { PURGE_EVERY_MS, purgeOld, type Purged } from "./retention.js";
import { sqlReviewQueries, type ReviewQueries } from "./review-queries.js";
import { sqlRateLimiter, type RatePolicy, type SharedRateLimiter } from "./shared-rate-limit.js";
import type { StoreTables } from "./tables.js";

export type StoreEngine = "sqlite" | "postgres";

export interface Store {
  readonly engine: StoreEngine;
  /** Where it is, for logs: a file, or the PostgreSQL URL without its password. */
  readonly location: string;
  readonly asks: AskLog;
  readonly feedback: Feedback;
  readonly claims: DeliveryClaims;
  readonly review: ReviewQueries;
  rateLimiter(platform: string, policy: RatePolicy): SharedRateLimiter;
  conversations<T>(options?: { ttlMs?: number }): ConversationStore<T>;
  /** Deletes what retention says is too old; also runs hourly while the store is open. */
  purge(): Promise<Purged>;
  close(): Promise<void>;
}

export interface StoreParts {
  engine: StoreEngine;
  location: string;
  db: Kysely<StoreTables>;
  hash: Hasher;
  engineVersion: string;
  retentionDays: number;
  logger: Logger;
  now?: () => number;
}

export function composeStore({ engine, location, db, hash, engineVersion, retentionDays, logger, now = Date.now }: StoreParts): Store {
  const storeLogger = logger.child({ component: "store" });
  const asks = sqlAskLog(db, hash, engineVersion, storeLogger);
  const purge = () => purgeOld(db, now(), retentionDays);
  const purgeTimer = setInterval(() => {
    purge().then(
      (purged) => storeLogger.info({ purged }, "retention: old records deleted"),
      (error: unknown) => storeLogger.error({ err: error }, "retention: could not delete old records"),
    );
  }, PURGE_EVERY_MS).unref();
  return {
    engine,
    location,
    asks,
    feedback: sqlFeedback(db, hash, now),
    claims: sqlDeliveryClaims(db, now),
    review: sqlReviewQueries(db),
    rateLimiter: (platform, policy) => sqlRateLimiter(db, hash, platform, policy, now),
    conversations: <T>(options: { ttlMs?: number } = {}) => sqlConversationStore<T>(db, hash, { ...options, now }),
    purge,
    async close() {
      clearInterval(purgeTimer);
      await asks.close();
      await db.destroy();
    },
  };
}
