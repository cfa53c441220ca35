// "Has this Slack delivery been answered?", shared by every process. A retried event (the same
// event_id) or a replayed interaction (the same trigger_id) is answered once. The first process
// to see it claims it with a lease; when it has answered it settles the claim, and a failed answer
// releases it so a retry is answered. A claimant that dies mid-answer leaves its lease to run out,
// after which Slack's next retry is answered by whichever process gets it. This is the contract
// the Slack listeners ask; without a store, src/bots/slack/event-claims.ts holds it per process.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { StoreTables } from "./tables.js";

export const CLAIM_POLICY = Object.freeze({
  /** Longer than any answer takes (Slack calls time out well within it), shorter than Slack's 1-minute retry. */
  leaseMs: 30_000,
  /** Slack retries three times within about five minutes; an hour covers late replays too. */
  rememberMs: 60 * 60_000,
});

export interface Claim {
  /** The delivery was answered: remember it, so repeats are dropped. */
  settle(): Promise<void>;
  /** The answer failed: forget the claim, so Slack's retry is answered. */
  release(): Promise<void>;
}

export interface DeliveryClaims {
  /** A claim when this process should answer the delivery; undefined when it is a duplicate. */
  claim(key: string): Claim | undefined | Promise<Claim | undefined>;
}

export function sqlDeliveryClaims(db: Kysely<StoreTables>, now: () => number, policy = CLAIM_POLICY): DeliveryClaims {
  return {
    async claim(key) {
      const time = now();
      const claimant = randomUUID();
      // One statement, so two processes can't both win: insert, or take over a claim whose lease
      // ran out or that has been forgotten; otherwise nothing is returned.
      const won = await db
        .insertInto("delivery_claims")
        .values({ key, claimant, state: "claimed", lease_until: time + policy.leaseMs, expires_at: time + policy.rememberMs })
        .onConflict((conflict) =>
          conflict
            .column("key")
            .doUpdateSet({ claimant, state: "claimed", lease_until: time + policy.leaseMs, expires_at: time + policy.rememberMs })
            .where((eb) =>
              eb.or([
                eb.and([eb("delivery_claims.state", "=", "claimed"), eb("delivery_claims.lease_until", "<=", time)]),
                eb("delivery_claims.expires_at", "<=", time),
              ]),
            ),
        )
        .returning("claimant")
        .executeTakeFirst();
      if (won?.claimant !== claimant) return undefined;
      return {
        settle: async () => {
          await db
            .updateTable("delivery_claims")
            .set({ state: "settled", expires_at: now() + policy.rememberMs })
            .where("key", "=", key)
            .where("claimant", "=", claimant)
            .execute();
        },
        release: async () => {
          await db.deleteFrom("delivery_claims").where("key", "=", key).where("claimant", "=", claimant).execute();
        },
      };
    },
  };
}
