// The store's tables as Kysely sees them. Times are epoch milliseconds; user ids and conversation
// keys are only ever kept as salted hashes (see asker-hash.ts).

/** One question or claim someone asked, and what FactDesk answered. */
export interface AsksTable {
  id: string;
  asked_at: number;
  platform: string;
  conversation: string;
  asker: string;
  kind: "ask" | "check";
  text: string;
  /** The answer's status (answered, clarify, no_answer) or the check's verdict. */
  outcome: string;
  /** The fact ids the answer or verdict came from, as a JSON array. */
  fact_ids: string;
  confidence: number | null;
  engine_version: string;
}

/** One person's 👍 or 👎 on one answer; a second click replaces it. */
export interface VotesTable {
  ask_id: string;
  voter: string;
  vote: "up" | "down";
  reason: string | null;
  voted_at: number;
}

/** A Slack delivery (event id, or an interaction's id) being answered or answered already. */
export interface DeliveryClaimsTable {
  key: string;
  claimant: string;
  state: "claimed" | "settled";
  /** While claimed: after this, the claimant is presumed dead and a retry may take over. */
  lease_until: number;
  /** After this the row is forgotten. */
  expires_at: number;
}

/** Requests per person per fixed window, for the rate limit shared by every process. */
export interface RateCountsTable {
  subject: string;
  window_start: number;
  count: number;
}

/** Conversation context, as JSON, until it expires. */
export interface ConversationsTable {
  key: string;
  value: string;
  expires_at: number;
}

export interface StoreTables {
  asks: AsksTable;
  votes: VotesTable;
  delivery_claims: DeliveryClaimsTable;
  rate_counts: RateCountsTable;
  conversations: ConversationsTable;
}

