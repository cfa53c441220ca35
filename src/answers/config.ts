// Every threshold and weight the engine uses, in one frozen place, each with the reason for its
// value. docs/DESIGN.md explains how they combine; tests/answers/evaluation.test.ts holds them to
// account.
export const ENGINE_CONFIG = Object.freeze({
  /** Longest question we read, in characters: long enough for any real question, short enough to stay instant. */
  maxQuestionChars: 500,
  /** An entity named in the question counts this much more than a plain word: names carry the meaning. */
  entityWeight: 1.5,
  /**
   * A word no fact uses weighs this much more than the rarest word facts use: a missed word the
   * story uses elsewhere may be a detail, a word it never uses means the question is about something else.
   */
  unknownTermWeight: 1.5,
  /** A word found only in a fact's answer text, not its questions, is weaker evidence. */
  answerOnlyWeight: 0.8,
  /** Share of the score that does not depend on how closely one phrasing matches (the rest does). */
  phrasingBase: 0.4,
  /** Each entity the question names that the fact is not about multiplies the score by this. */
  entityMismatch: 0.45,
  /** The question's kind (how many, when, where, who, why) fits none of the fact's questions. */
  typeMismatch: 0.6,
  /**
   * A how-many, when, where or who question whose subject ("attacks" in "how many attacks") is not
   * what any of the fact's typed values measure: the fact may mention the word without answering it.
   */
  measureMismatch: 0.85,
  /** A how-many question asked of a fact whose counts are all of something else, or somewhere else. */
  wrongCount: 0.6,
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
  /** Retrieval keeps only the best few candidates: decide and the fact check never look further. */
  candidatesKept: 20,
});

/** Typo tolerance: the edit distance allowed for a word of a given length. */
export function allowedTypoDistance(length: number): number {
  if (length < 3) return 0; // too short to tell a typo from another word; shorthand covers "hw", "u"
  if (length < 5) return 1;
  return 2; // spelling.ts allows the second edit only where the word is clearly the same word
}

/**
 * When retrieval reads only the facts that use a question's rarest words (src/answers/narrowing.ts).
 * These change how fast an answer comes, never which: a narrowed result is kept only when it is
 * proved to be the same.
 */
export const RETRIEVAL_CONFIG = Object.freeze({
  /** Below this many entries in the question's words' fact lists, reading them all is as quick. */
  narrowFrom: 20_000,
  /** The rare words must leave the others at most this share of the question's weight. */
  outsideRecall: 0.5,
  /** ... and be used by at most this share of the facts, or narrowing saves little. */
  narrowToShare: 0.25,
});

/** Fact-check thresholds; the tolerance rules are in docs/DESIGN.md. */
export const CHECK_CONFIG = Object.freeze({
  /** A fact must use at least this share of the claim's words to be compared with it at all. */
  minRecall: 0.3,
  /** Facts scoring below this share of the best match are about something else and are not compared. */
  relativeScore: 0.6,
  /** How many of the best-matching facts a claim is compared with. */
  factsConsidered: 10,
  /** A claim with no figure, date, place or identity to compare is supported only if one fact covers this share of its words. */
  coverageToSupport: 0.85,
  /** "About 900" means 810 to 990. */
  aboutTolerance: 0.1,
  /** "Nearly half" means 42.5% to 50%. */
  nearlyTolerance: 0.15,
});
