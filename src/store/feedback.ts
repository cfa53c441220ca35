// 👍 and 👎 on answers, tied to the ask id the buttons carry: one vote per person per answer (a
// second click replaces the first), with an optional reason for a 👎.
import type { Kysely } from "kysely";
import type { Hasher } from "./asker-hash.js";
import type { StoreTables } from "./tables.js";

export type VoteChoice = "up" | "down";

export interface VoteTally {
  up: number;
  down: number;
}

export interface Voter {
  askId: string;
  platform: string;
  /** Raw here; only its salted hash is written. */
  userId: string;
}

export interface Feedback {
  /** Records (or changes) this person's vote and returns the answer's tally after it. */
  vote(voter: Voter, choice: VoteChoice): Promise<VoteTally>;
  /** Records a 👎 with the reason the person gave (none, when blank); the tally after it. */
  explain(voter: Voter, reason: string): Promise<VoteTally>;
}

/** Reasons are free text from a modal; this is more than any reason anyone types. */
export const MAX_REASON_CHARS = 1000;

export function sqlFeedback(db: Kysely<StoreTables>, hash: Hasher, now: () => number): Feedback {
  const tallyOf = async (askId: string): Promise<VoteTally> => {
    const counts = await db
      .selectFrom("votes")
      .select(["vote", (eb) => eb.fn.countAll<number | string>().as("n")])
      .where("ask_id", "=", askId)
      .groupBy("vote")
      .execute();
    const tally: VoteTally = { up: 0, down: 0 };
    for (const { vote, n } of counts) tally[vote] = Number(n);
    return tally;
  };
  return {
    async vote(voter, choice) {
      const row = { ask_id: voter.askId, voter: hash(voter.platform, voter.userId), vote: choice, reason: null, voted_at: now() };
      await db
        .insertInto("votes")
        .values(row)
        .onConflict((conflict) => conflict.columns(["ask_id", "voter"]).doUpdateSet({ vote: choice, reason: null, voted_at: row.voted_at }))
        .execute();
      return tallyOf(voter.askId);
    },
    async explain(voter, reason) {
      const text = reason.trim().slice(0, MAX_REASON_CHARS) || null;
      const row = { ask_id: voter.askId, voter: hash(voter.platform, voter.userId), vote: "down" as const, reason: text, voted_at: now() };
      await db
        .insertInto("votes")
        .values(row)
        .onConflict((conflict) => conflict.columns(["ask_id", "voter"]).doUpdateSet({ vote: "down", reason: text, voted_at: row.voted_at }))
        .execute();
      return tallyOf(voter.askId);
    },
  };
}
