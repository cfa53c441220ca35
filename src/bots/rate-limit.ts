// A per-user limit on questions: a sliding window of recent request times per user. Pure apart
// from the clock, which is injected so tests can move time.

export interface RateLimitPolicy {
  /** Requests a user may make within one window. */
  requests: number;
  windowMs: number;
}

/** Ten questions a minute is far above a reporter's pace and far below a runaway script's. */
export const USER_RATE_LIMIT: RateLimitPolicy = Object.freeze({ requests: 10, windowMs: 60_000 });

export interface RateLimiter {
  /** Records a request and says whether it is within the limit (the store's shared limiter answers asynchronously). */
  allow(userId: string): boolean | Promise<boolean>;
}

export function createRateLimiter(policy: RateLimitPolicy = USER_RATE_LIMIT, now: () => number = Date.now): { allow(userId: string): boolean } {
  const recent = new Map<string, number[]>();
  return {
    allow(userId) {
      const time = now();
      const times = (recent.get(userId) ?? []).filter((t) => time - t < policy.windowMs);
      if (times.length >= policy.requests) {
        recent.set(userId, times);
        return false;
      }
      times.push(time);
      recent.set(userId, times);
      // Forget users who went quiet, so the map stays the size of the active newsroom.
      if (recent.size > 10_000) for (const [id, ts] of recent) if (ts.every((t) => time - t >= policy.windowMs)) recent.delete(id);
      return true;
    },
  };
}

export const RATE_LIMITED_MESSAGE = "You're asking faster than I can keep up with. Please wait a minute and ask again.";
export const APOLOGY_MESSAGE = "Sorry, something went wrong on my side and I couldn't answer that. Please try again in a moment.";
