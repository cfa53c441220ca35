// De-duplication of what Slack delivers: an event retried (X-Slack-Retry-Num), or a command or
// click replayed, is carried out once. Listeners only ask claim(id) and settle or release what
// they get (the contract is src/store/delivery-claims.ts, whose claims the store shares across
// processes); the in-memory claims here are per process, the default when no store is configured.
import { CLAIM_POLICY, type Claim, type DeliveryClaims } from "../../store/delivery-claims.js";

/** A bound on memory (a few MB): an hour of claims at over 25 deliveries a second. */
export const MAX_CLAIMS = 100_000;

export interface MemoryClaimsOptions {
  policy?: typeof CLAIM_POLICY;
  capacity?: number;
  now?: () => number;
}

export function createMemoryClaims(options: MemoryClaimsOptions = {}): DeliveryClaims {
  const { policy = CLAIM_POLICY, capacity = MAX_CLAIMS, now = Date.now } = options;
  // Claims in the order they were made (a new claim on an id moves it to the end), so upkeep reads
  // only those that have expired, or that overflow the capacity, oldest first.
  const claims = new Map<string, { claimant: symbol; settled: boolean; leaseUntil: number; expiresAt: number }>();
  return {
    claim(id): Claim | undefined {
      const time = now();
      for (const [oldId, old] of claims) {
        if (old.expiresAt > time) break;
        claims.delete(oldId);
      }
      const held = claims.get(id);
      if (held && time < held.expiresAt && (held.settled || time < held.leaseUntil)) return undefined;
      claims.delete(id);
      for (const oldId of claims.keys()) {
        if (claims.size < capacity) break;
        claims.delete(oldId);
      }
      const claimant = Symbol(id);
      claims.set(id, { claimant, settled: false, leaseUntil: time + policy.leaseMs, expiresAt: time + policy.rememberMs });
      return {
        settle: async () => {
          const current = claims.get(id);
          if (current?.claimant === claimant) Object.assign(current, { settled: true, expiresAt: now() + policy.rememberMs });
        },
        release: async () => {
          if (claims.get(id)?.claimant === claimant) claims.delete(id);
        },
      };
    },
  };
}
