// Remembers the ids of recently handled Slack events, so a retried delivery (X-Slack-Retry-Num)
// of an event we already answered is not answered twice.

export interface RecentEvents {
  /** True the first time an id is seen; false for a repeat. */
  firstSighting(eventId: string): boolean;
}

/** Slack retries within minutes; a few thousand ids cover far more than that at newsroom volume. */
export function createRecentEvents(capacity = 5000): RecentEvents {
  const seen = new Set<string>();
  return {
    firstSighting(eventId) {
      if (seen.has(eventId)) return false;
      seen.add(eventId);
      if (seen.size > capacity) seen.delete(seen.values().next().value!);
      return true;
    },
  };
}
