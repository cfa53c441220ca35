// Every threshold and weight the engine uses, in one frozen place, each with the reason for its
// value. docs/DESIGN.md explains how they combine; tests/answers/evaluation.test.ts holds them to
// account.
export const ENGINE_CONFIG = Object.freeze({
  /** Longest question we read, in characters: long enough for any real question, short enough to stay instant. */
  maxQuestionChars: 500,
  /** An entity named in the question counts this much more than a plain word: names carry the meaning. */
  entityWeight: 1.5,
  /** A word found only in a fact's answer text, not its questions, is weaker evidence. */
  answerOnlyWeight: 0.8,
  /** Share of the score that does not depend on how closely one phrasing matches (the rest does). */
  phrasingBase: 0.6,
  /** Each entity the question names that the fact is not about multiplies the score by this. */
  entityMismatch: 0.45,
  /** The question's kind (how many, when, where, who, why) fits none of the fact's questions. */
  typeMismatch: 0.7,
  /**
   * A how-many, when, where or who question whose subject ("attacks" in "how many attacks") is not
   * what any of the fact's typed values measure: the fact may mention the word without answering it.
   */
  measureMismatch: 0.85,
  /** A "what" or yes/no question asked of a fact that only answers specific kinds. */
  looseTypeMismatch: 0.9,
  /** Below this score FactDesk says its sources don't cover the question. Tuned on the evaluation set. */
  minScoreToAnswer: 0.5,
  /** A runner-up this close to the best (as a share of it) makes the question ambiguous: clarify. */
  clarifyRatio: 0.9,
  /** Partial matches at least this good are offered as "you could ask" suggestions. */
  minScoreToSuggest: 0.2,
  /** How many related questions follow an answer, and how many candidates a clarification offers. */
  followUps: 3,
  clarifyChoices: 3,
});

/** Typo tolerance: the edit distance allowed for a word of a given length. */
export function allowedTypoDistance(length: number): number {
  if (length < 3) return 0; // too short to tell a typo from another word; shorthand covers "hw", "u"
  if (length < 5) return 1;
  return 2; // spelling.ts allows the second edit only where the word is clearly the same word
}
