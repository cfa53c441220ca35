// Every threshold and weight the engine uses, in one frozen place, each with the reason for its
// value. docs/DESIGN.md explains how they combine; tests/answers/evaluation.test.ts holds them to
// account.
export const ENGINE_CONFIG = Object.freeze({
  /** Longest question we read, in characters: long enough for any real question, short enough to stay instant. */
  maxQuestionChars: 500,
  /** An entity named in the question counts this much more than a plain word: names carry the meaning. */
  entityWeight: 1.5,
  /**
   * A word no fact uses weighs this share of a typical word: an unfamiliar ordinary word ("stationed",
   * "actually") costs a little, in proportion to its share of the question. Names, places and
   * things the sources don't cover are the abstention rules' business, not the score's.
   */
  unknownTermWeight: 0.5,
  /** A word found only in a fact's answer text (or what its values measure), not its questions, is weaker evidence. */
  answerOnlyWeight: 0.8,
  /** A word found only in the passage a fact quotes: the source's own wording, weaker again. */
  quoteOnlyWeight: 0.6,
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
  /** A who-question asked of a fact whose people and groups all fill other roles (it names the source, not the attackers). */
  roleMismatch: 0.6,
  /** A how-many question asked of a fact whose counts are all of something else, or somewhere else. */
  wrongCount: 0.6,
  /** A "what" or yes/no question asked of a fact that only answers specific kinds. */
  looseTypeMismatch: 0.9,
  /**
   * A name this share of the facts are about (Iraq, Syria, the US) says little about which fact is
   * meant: a fact not about it only scores less. A rarer name the best fact is not about means another question.
   */
  storyWideShare: 0.35,
  /**
   * A yes/no question whose best fact leaves this share of its words (the ones the knowledge base
   * uses) unsaid asks about something else: "Were the Nov. 12 strikes carried out by drones?"
   */
  yesNoUncovered: 0.3,
  /** A related word this strong (a synonym, a related form) stands for a counted word; a broader word does not. */
  closeRelation: 0.75,
  /** A related word at least this strong, and not broader, covers a thing asked about ("hospital" for "medical facility"). */
  coveringRelation: 0.45,
  /** Below this score FactDesk says its sources don't cover the question. Tuned on the evaluation set. */
  minScoreToAnswer: 0.45,
  /**
   * ... but a best candidate at least clearMargin times the runner-up is answered from this lower
   * score: one fact far ahead of the rest is the one meant. Fitted with the threshold above.
   */
  minScoreIfClear: 0.35,
  clearMargin: 2,
  /** A runner-up this close to the best (as a share of it) makes the question ambiguous: clarify. */
  clarifyRatio: 0.95,
  /** ... but only a question of at most this many words of its own (names aside) says too little to tell. */
  clarifyAtMostWords: 1,
  /** A later question of the same message stays with the earlier one's fact while it scores this share of the best. */
  stayWithRatio: 0.75,
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
  /** A claim is supported only if one fact states this share of its words (by weight), beyond the slots that matched. */
  coverageToSupport: 0.85,
  /** ... or this share, when the fact's figure, date or action already matched the claim's. */
  coverageWithSlot: 0.7,
  /** A word most facts use (the story's backdrop: "attack", "strike") weighs this much of its weight in coverage. */
  backdropWeight: 0.3,
  /** "About 900" means 810 to 990. */
  aboutTolerance: 0.1,
  /** "Nearly half" means 42.5% to 50%. */
  nearlyTolerance: 0.15,
});

/**
 * How much a word reached through WordNet counts against the word itself (1): always less than an
 * exact or story-lexicon match, less again the further the relation and the rarer the sense.
 */
export const WORDNET_CONFIG = Object.freeze({
  /** The same word in another form: its dictionary form or an irregular one ("choose" -> "chosen", "chosen" -> "choose"). */
  inflection: 0.95,
  /** Another word of the same sense ("tally" -> "count"). */
  synonym: 0.9,
  /** A derivationally related form ("retaliation" -> "retaliate"), or the noun an adjective pertains to. */
  derived: 0.8,
  /** A similar adjective or a verb of the same group. */
  similar: 0.7,
  /** One level broader ("bombard" -> "attack"): it often still means what was asked. */
  broader: 0.6,
  /** One level narrower: a narrower word only sometimes means the broader one. */
  narrower: 0.5,
  /** The quality an adjective is the value of ("effective" -> "effectiveness"). */
  attribute: 0.6,
  /** A word's senses in WordNet's frequency order: the first counts most, the fourth on not at all. */
  senseWeights: [1, 0.85, 0.7] as readonly number[],
  sensesRead: 3,
  /** A sense beyond the first that WordNet's tagged corpus never saw is a rare reading. */
  rareSense: 0.6,
  /** Words with more senses than this ("get", "set", "run") are read only in their commonest senses, at a discount. */
  polysemousFrom: 12,
  sensesOfPolysemous: 2,
  polysemous: 0.75,
});
