// What the engine returns to every front end: plain data, serializable as JSON.

export interface CitationView {
  sourceId: string;
  publisher: string;
  title: string;
  published: string;
  url?: string;
  /** A passage that occurs verbatim in the source. */
  quote: string;
}

export type AnswerStatus = "answered" | "clarify" | "no_answer";

export interface AnswerResult {
  status: AnswerStatus;
  answer: string;
  citations: CitationView[];
  factIds: string[];
  /** 0-1: how well the best fact matched the question. */
  confidence: number;
  /** The date the answer's facts are current as of (YYYY-MM-DD), or null when nothing was answered. */
  asOf: string | null;
  /** Questions to ask next: follow-ups after an answer, the choices of a clarification, or what it can answer instead. */
  suggestions: string[];
  /** In a conversation, how a follow-up was read ("how many attacks in Syria?"); the answer says it first. */
  readAs?: string;
  /** The message asked nothing ("thanks", "ok", "👍"): a conversation may let it pass unanswered. */
  asksNothing?: true;
}

export type Verdict = "supported" | "contradicted" | "not_enough_info";

export interface ClaimVerdict {
  claim: string;
  verdict: Verdict;
  explanation: string;
  citations: CitationView[];
  factIds: string[];
}

export interface CheckResult extends Omit<ClaimVerdict, "claim"> {
  /** In a conversation, the whole claim a follow-up was read as ("there were 32 attacks in Syria"). */
  readAs?: string;
  /** One verdict per claim when the text holds several; the overall verdict above combines them. */
  claims: ClaimVerdict[];
}
