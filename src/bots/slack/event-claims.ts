// De-duplication of what Slack delivers: an event retried (X-Slack-Retry-Num), or a command or
// click replayed, is carried out once. Listeners only ask claim(id); the in-memory claims here
// are per process, and a shared store can stand behind the same interface for several.

export interface EventClaims {
  /** True for the first claim of an id (act on it); false for a repeat (drop it). */
  claim(id: string): boolean | Promise<boolean>;
}

/**
 * Slack retries an event three times within about five minutes, and a signed request is accepted
 * for five minutes: a quarter of an hour outlasts both.
 */
export const CLAIM_TTL_MS = 15 * 60_000;
/** A bound on memory (a few MB): 15 minutes at over 100 deliveries a second. */
export const MAX_CLAIMS = 100_000;

export function createMemoryClaims(options: { ttlMs?: number; capacity?: number; now?: () => number } = {}): EventClaims {
  const { ttlMs = CLAIM_TTL_MS, capacity = MAX_CLAIMS, now = Date.now } = options;
  const claimed = new Set<string>();
  // The same ids in claim order, so upkeep reads only those that have expired (or overflow).
  const queue: Array<{ id: string; at: number }> = [];
  let head = 0;
  return {
    claim(id) {
      const time = now();
      for (; head < queue.length && (time - queue[head]!.at >= ttlMs || claimed.size >= capacity); head++) claimed.delete(queue[head]!.id);
      if (head > 1024 && head * 2 > queue.length) {
        queue.splice(0, head);
        head = 0;
      }
      if (claimed.has(id)) return false;
      claimed.add(id);
      queue.push({ id, at: time });
      return true;
    },
  };
}
