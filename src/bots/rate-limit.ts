// A per-user limit on questions: a sliding window of recent request times per user. Pure apart
// from the clock, which is injected so tests can move time. Upkeep costs the same at 50 users or
// 50,000: allowed requests also go into a queue in time order, and forgetting users who went
// quiet reads only the requests that have just left the window.

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

/** The per-process limiter: the default when no store is configured, and the store's fallback. */
export interface LocalRateLimiter extends RateLimiter {
  allow(userId: string): boolean;
  /** How many users it remembers: those who asked within the last window. */
  tracked(): number;
}

export function createRateLimiter(policy: RateLimitPolicy = USER_RATE_LIMIT, now: () => number = Date.now): LocalRateLimiter {
  // Each user's request times within the window (at most policy.requests of them).
  const recent = new Map<string, number[]>();
  // Every allowed request in time order; `head` is the first still to leave the window.
  const queue: Array<{ userId: string; time: number }> = [];
  let head = 0;
  return {
    allow(userId) {
      const time = now();
      for (; head < queue.length && time - queue[head]!.time >= policy.windowMs; head++) {
        const { userId: quiet, time: left } = queue[head]!;
        const times = recent.get(quiet);
        if (times && times[times.length - 1] === left) recent.delete(quiet); // their latest request just left the window
      }
      if (head > 1024 && head * 2 > queue.length) {
        queue.splice(0, head); // now and then, so the queue holds only the window's requests
        head = 0;
      }
      const times = (recent.get(userId) ?? []).filter((t) => time - t < policy.windowMs);
      if (times.length >= policy.requests) {
        recent.set(userId, times);
        return false;
      }
      times.push(time);
      recent.set(userId, times);
      queue.push({ userId, time });
      return true;
    },
    tracked: () => recent.size,
  };
}

export const RATE_LIMITED_MESSAGE = "You're asking faster than I can keep up with. Please wait a minute and ask again.";
export const APOLOGY_MESSAGE = "Sorry, something went wrong on my side and I couldn't answer that. Please try again in a moment.";
