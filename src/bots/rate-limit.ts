// A per-user limit on questions: a sliding window of recent request times per user. Pure apart
// from the clock, which is injected so tests can move time. Upkeep costs the same at 50 users or
// 50,000: users are kept in the order they last asked, so forgetting the quiet ones stops at the
// first who asked within the window.

export interface RateLimitPolicy {
  /** Requests a user may make within one window. */
  requests: number;
  windowMs: number;
}

/** Ten questions a minute is far above a reporter's pace and far below a runaway script's. */
export const USER_RATE_LIMIT: RateLimitPolicy = Object.freeze({ requests: 10, windowMs: 60_000 });

export interface RateLimiter {
  /** Records a request and says whether it is within the limit. */
  allow(userId: string): boolean;
  /** How many users it remembers: those who asked within the last window. */
  tracked(): number;
}

export function createRateLimiter(policy: RateLimitPolicy = USER_RATE_LIMIT, now: () => number = Date.now): RateLimiter {
  // Each user's request times (at most policy.requests of them), users in the order they last asked.
  const recent = new Map<string, number[]>();
  return {
    allow(userId) {
      const time = now();
      for (const [id, times] of recent) {
        if (time - times[times.length - 1]! < policy.windowMs) break;
        recent.delete(id);
      }
      const times = (recent.get(userId) ?? []).filter((t) => time - t < policy.windowMs);
      recent.delete(userId); // set again below, at the end: the most recent asker
      if (times.length >= policy.requests) {
        recent.set(userId, times);
        return false;
      }
      times.push(time);
      recent.set(userId, times);
      return true;
    },
    tracked: () => recent.size,
  };
}

export const RATE_LIMITED_MESSAGE = "You're asking faster than I can keep up with. Please wait a minute and ask again.";
export const APOLOGY_MESSAGE = "Sorry, something went wrong on my side and I couldn't answer that. Please try again in a moment.";
