// The per-person rate limit kept in the store, so it holds across every process. Counts are kept
// per fixed window; a request is allowed while the sliding-window estimate (this window's count
// plus the share of the previous window's that still overlaps the last `windowMs`) stays within
// the policy. Each check is one atomic increment and one read, so no two processes can both take
// the last slot. Refused requests count too: someone hammering the bot stays limited.
import type { Kysely } from "kysely";
import type { Hasher } from "./asker-hash.js";
import type { StoreTables } from "./tables.js";

export interface RatePolicy {
  requests: number;
  windowMs: number;
}

export interface SharedRateLimiter {
  allow(userId: string): Promise<boolean>;
}

export function sqlRateLimiter(db: Kysely<StoreTables>, hash: Hasher, platform: string, policy: RatePolicy, now: () => number): SharedRateLimiter {
  return {
    async allow(userId) {
      const time = now();
      const windowStart = Math.floor(time / policy.windowMs) * policy.windowMs;
      const subject = hash(platform, userId);
      const [current, previous] = await Promise.all([
        db
          .insertInto("rate_counts")
          .values({ subject, window_start: windowStart, count: 1 })
          .onConflict((conflict) => conflict.columns(["subject", "window_start"]).doUpdateSet((eb) => ({ count: eb("rate_counts.count", "+", 1) })))
          .returning("count")
          .executeTakeFirstOrThrow(),
        db.selectFrom("rate_counts").select("count").where("subject", "=", subject).where("window_start", "=", windowStart - policy.windowMs).executeTakeFirst(),
      ]);
      const overlap = 1 - (time - windowStart) / policy.windowMs;
      return (previous?.count ?? 0) * overlap + current.count <= policy.requests;
    },
  };
}

/** The shared count gets this long before a request is judged by this process's own count instead. */
export const SHARED_LIMIT_TIMEOUT_MS = 250;

/**
 * The shared limit, falling back to a per-process one when the store is slow or down: a database
 * problem must neither hold an answer nor let it through unlimited. The fallback's problems are
 * logged once a minute at most.
 */
export function withLocalFallback(
  shared: SharedRateLimiter,
  local: { allow(userId: string): boolean | Promise<boolean> },
  logger: { warn(object: object, message: string): void },
  timeoutMs = SHARED_LIMIT_TIMEOUT_MS,
): SharedRateLimiter {
  let lastWarning = 0;
  return {
    async allow(userId) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer from the store within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        return await Promise.race([shared.allow(userId), late]);
      } catch (error) {
        if (Date.now() - lastWarning > 60_000) {
          lastWarning = Date.now();
          logger.warn({ err: error }, "shared rate limit unavailable: counting in this process");
        }
        return local.allow(userId);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
