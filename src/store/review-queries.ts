// What the editors' review reads: the questions FactDesk refused and the answers people voted 👎,
// with the reasons they gave.
import type { Kysely } from "kysely";
import type { StoreTables } from "./tables.js";

/** Outcomes that mean "my sources don't cover that": a refused question, an unverifiable claim. */
export const REFUSED_OUTCOMES = ["no_answer", "not_enough_info"] as const;

export interface ReviewedAsk {
  askId: string;
  askedAt: number;
  platform: string;
  kind: "ask" | "check";
  text: string;
  outcome: string;
  factIds: string[];
  confidence: number | null;
  downVotes: number;
  reasons: string[];
}

export interface ReviewQueries {
  /** Refused or 👎-voted asks since `since` (epoch ms), oldest first. */
  refusedOrDisliked(since: number): Promise<ReviewedAsk[]>;
}

export function sqlReviewQueries(db: Kysely<StoreTables>): ReviewQueries {
  return {
    async refusedOrDisliked(since) {
      const columns = ["id", "asked_at", "platform", "kind", "text", "outcome", "fact_ids", "confidence"] as const;
      const refused = await db.selectFrom("asks").select(columns).where("asked_at", ">=", since).where("outcome", "in", REFUSED_OUTCOMES).execute();
      const disliked = await db
        .selectFrom("asks")
        .innerJoin("votes", "votes.ask_id", "asks.id")
        .select(columns.map((column) => `asks.${column}` as const))
        .select("votes.reason")
        .where("asks.asked_at", ">=", since)
        .where("votes.vote", "=", "down")
        .execute();
      const byId = new Map<string, ReviewedAsk>();
      const add = (row: (typeof refused)[number]) => {
        let reviewed = byId.get(row.id);
        if (!reviewed) {
          reviewed = {
            askId: row.id,
            askedAt: Number(row.asked_at),
            platform: row.platform,
            kind: row.kind,
            text: row.text,
            outcome: row.outcome,
            factIds: JSON.parse(row.fact_ids) as string[],
            confidence: row.confidence === null ? null : Number(row.confidence),
            downVotes: 0,
            reasons: [],
          };
          byId.set(row.id, reviewed);
        }
        return reviewed;
      };
      for (const row of refused) add(row);
      for (const row of disliked) {
        const reviewed = add(row);
        reviewed.downVotes += 1;
        if (row.reason) reviewed.reasons.push(row.reason);
      }
      return [...byId.values()].sort((a, b) => a.askedAt - b.askedAt || a.askId.localeCompare(b.askId));
    },
  };
}
