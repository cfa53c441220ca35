// The score is defined once (score.ts); retrieve.ts computes it fast. On random questions made from
// the facts' own vocabulary, the fast ranker's best candidates are the reference ranker's, in the
// same order, with the same scores: typed or read through understand, one word or many, with
// names, places the sources don't cover and what a count counts, narrowed or read whole.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENGINE_CONFIG } from "../../src/answers/config.js";
import { buildFactIndex } from "../../src/answers/fact-index.js";
import { QUESTION_TYPES } from "../../src/answers/question-forms.js";
import { rankFacts, type Candidate, type RankOptions } from "../../src/answers/retrieve.js";
import { rankByDefinition, type AskedQuestion } from "../../src/answers/score.js";
import { understand } from "../../src/answers/understand.js";
import { buildLanguage } from "../../src/answers/words/language.js";
import { wordTokens } from "../../src/knowledge/text-folding.js";
import { realKnowledge, resources } from "../helpers/engine.js";

const knowledge = realKnowledge();
const language = buildLanguage(knowledge, resources());
const index = buildFactIndex(knowledge.facts, language);
const places = language.places;

// The vocabulary questions are made of: the facts' own terms (names included), the words of their
// questions and answers as typed, and a few words no fact uses.
const terms = [...index.idf.keys()].sort();
const entityTerms = terms.filter((term) => term.startsWith("@"));
const words = [...new Set(knowledge.facts.flatMap((fact) => [...fact.questions, fact.answer].flatMap((text) => wordTokens(text))))].sort();
const OPENERS = ["", "how many", "when did", "where did", "who", "why did", "how did", "did", "was", "what is"];
const STRANGERS = ["stationed", "pullout", "garrisons", "premier", "tally", "weather", "embassy", "qzxv"];
const OUT_OF_SCOPE = ["!jordan", "!kuwait", "!qatar"];

/** A question as ranking reads it, drawn directly: any type, any terms, maybe a counted term and an out-of-scope place. */
const askedQuestion: fc.Arbitrary<AskedQuestion> = fc
  .record({
    type: fc.constantFrom(...QUESTION_TYPES),
    picked: fc.uniqueArray(fc.constantFrom(...terms, ...STRANGERS), { minLength: 1, maxLength: 6 }),
    names: fc.uniqueArray(fc.constantFrom(...entityTerms), { maxLength: 2 }),
    elsewhere: fc.subarray(OUT_OF_SCOPE, { maxLength: 1 }),
    counts: fc.boolean(),
  })
  .map(({ type, picked, names, elsewhere, counts }) => {
    const all = [...new Set([...picked, ...names, ...elsewhere])];
    const plain = all.filter((term) => !term.startsWith("@") && !term.startsWith("!"));
    return {
      type,
      terms: all,
      entities: all.filter((term) => term.startsWith("@")).map((term) => term.slice(1)),
      elsewhere: all.filter((term) => term.startsWith("!")),
      counted: counts && type === "count" ? plain[0] : undefined,
    };
  });

/** A question as a user might type it: an opener and words of the facts, read the way the engine reads questions (WordNet expansions included). */
const typedQuestion: fc.Arbitrary<AskedQuestion> = fc
  .tuple(fc.constantFrom(...OPENERS), fc.array(fc.constantFrom(...words, ...STRANGERS), { minLength: 1, maxLength: 7 }))
  .map(([opener, picked]) => {
    const understood = understand(`${opener} ${picked.join(" ")}?`, language, { correctTypos: true });
    return { ...understood, expansions: understood.question?.asked.map((asked) => asked.expansions) };
  });

/**
 * The fast ranking must be the reference's best candidates: the same facts in the same order, with
 * the same scores and recall. Facts whose scores differ by rounding alone may trade places.
 */
function expectSameRanking(question: AskedQuestion, options: RankOptions = {}): number {
  const fast = rankFacts(question, index, places, options);
  const minRecall = options.minRecall ?? 0;
  const minScore = options.minScore ?? 0;
  const reference = rankByDefinition(question, index, places, index.facts.length)
    .filter((candidate) => candidate.recall >= minRecall - 1e-12 && candidate.score >= minScore - 1e-12)
    .slice(0, options.limit ?? ENGINE_CONFIG.candidatesKept);
  const label = JSON.stringify(question.terms);
  expect(fast.length, label).toBe(reference.length);
  fast.forEach((candidate: Candidate, i) => {
    const expected = reference[i]!;
    expect(candidate.score, `${label} #${i}`).toBeCloseTo(expected.score, 9);
    expect(candidate.recall, `${label} #${i}`).toBeCloseTo(expected.recall, 9);
    if (candidate.factIndex !== expected.factIndex) {
      // Only a tie (to rounding) may swap two facts.
      const theirs = reference.find((r) => r.factIndex === candidate.factIndex);
      expect(theirs, `${label}: fact ${candidate.factIndex} is not among the reference's best`).toBeDefined();
      expect(Math.abs(theirs!.score - expected.score), label).toBeLessThan(1e-9);
    }
  });
  return fast.length;
}

/** Runs the property, and makes sure most questions ranked something: a comparison of empty lists proves nothing. */
function assertOnMostlyRankedQuestions(arbitrary: fc.Arbitrary<[AskedQuestion, RankOptions]>) {
  let ranked = 0;
  const numRuns = 300;
  fc.assert(fc.property(arbitrary, ([question, options]) => void (ranked += expectSameRanking(question, options) > 0 ? 1 : 0)), { numRuns });
  expect(ranked).toBeGreaterThan(numRuns / 2);
}

describe("the fast ranker against the score's definition", () => {
  const noOptions = fc.constant<RankOptions>({});

  it("keeps the reference ranker's best candidates for questions drawn from the facts' terms", () => {
    assertOnMostlyRankedQuestions(fc.tuple(askedQuestion, noOptions));
  });

  it("keeps them for questions typed from the facts' words and read as the engine reads them", () => {
    assertOnMostlyRankedQuestions(fc.tuple(typedQuestion, noOptions));
  });

  it("keeps them with the engine's and the fact check's cut-offs, narrowed to rare words or read whole", () => {
    const options = fc.constantFrom<RankOptions>(
      { minScore: ENGINE_CONFIG.minScoreToSuggest },
      { minRecall: 0.3 },
      { narrowFrom: 0 },
      { narrowFrom: 0, minScore: ENGINE_CONFIG.minScoreToSuggest },
      { limit: 3 },
    );
    assertOnMostlyRankedQuestions(fc.tuple(fc.oneof(askedQuestion, typedQuestion), options));
  });
});
