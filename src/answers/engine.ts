// The answer engine every front end shares: built once from the knowledge base, then
// ask(question) runs normalize -> understand -> retrieve -> decide -> compose.
import { wordTokens } from "../knowledge/text-folding.js";
import type { Entity, KnowledgeBase } from "../knowledge/types.js";
import { checkClaims } from "./check.js";
import { ENGINE_CONFIG } from "./config.js";
import { composeAnswer, describeEntity, noAnswer } from "./compose.js";
import { decide } from "./decide.js";
import type { EnglishWordCheck } from "./english-words.js";
import { buildFactIndex, type FactIndex } from "./fact-index.js";
import { buildLanguage, type Language } from "./language.js";
import { cleanChatText } from "./normalize.js";
import { rankFacts } from "./retrieve.js";
import type { AnswerResult, CheckResult } from "./types.js";
import { understand } from "./understand.js";

export interface Engine {
  ask(question: string): AnswerResult;
  check(claim: string): CheckResult;
  /** Every question the facts list, for autocomplete and help: the first of each fact leads. */
  knownQuestions(): readonly string[];
  /** Read-only, for the editors' review: the facts that score best for a question, and their scores (0-1), best first. Decides nothing. */
  nearestFacts(question: string, limit?: number): NearFact[];
  readonly knowledge: KnowledgeBase;
}

export interface NearFact {
  factId: string;
  score: number;
}

export interface EngineParts {
  knowledge: KnowledgeBase;
  /** The entity catalogue by id. */
  entities: ReadonlyMap<string, Entity>;
  language: Language;
  index: FactIndex;
}

export function createEngine(knowledge: KnowledgeBase, isEnglishWord: EnglishWordCheck): Engine {
  // Made in its own function, so the closures returned below do not keep its memory alive.
  const tokenize = rememberingTokenizer();
  const language = buildLanguage(knowledge, isEnglishWord, tokenize);
  const index = buildFactIndex(knowledge.facts, language, tokenize);
  const parts: EngineParts = { knowledge, entities: new Map(knowledge.entities.map((entity) => [entity.id, entity])), language, index };
  let knownQuestions: string[] | undefined; // listed when first asked for: only the bots' help and autocomplete need it
  return {
    knowledge,
    ask: (question) => answerQuestion(question, parts),
    check: (claim) => checkClaims(claim, parts),
    nearestFacts: (question, limit = 3) => nearestFacts(question, parts, limit),
    knownQuestions: () =>
      (knownQuestions ??= [...knowledge.facts.map((fact) => fact.questions[0]!), ...knowledge.facts.flatMap((fact) => fact.questions.slice(1))]),
  };
}

/**
 * Start-up tokenizes each distinct text once, for the vocabulary and again for the index. The
 * texts share a small vocabulary, so each word is kept as one string, however often it occurs.
 */
function rememberingTokenizer(): (text: string) => readonly string[] {
  const tokenized = new Map<string, readonly string[]>();
  const words = new Map<string, string>();
  return (text: string) => {
    let tokens = tokenized.get(text);
    if (!tokens) {
      const fresh = wordTokens(text);
      for (let i = 0; i < fresh.length; i++) {
        const word = words.get(fresh[i]!);
        if (word === undefined) words.set(fresh[i]!, fresh[i]!);
        else fresh[i] = word;
      }
      tokens = fresh;
      tokenized.set(text, tokens);
    }
    return tokens;
  };
}

/** The ranking ask decides on, every candidate kept: the same normalize -> understand -> retrieve steps. */
function nearestFacts(question: string, parts: EngineParts, limit: number): NearFact[] {
  const understood = understand(cleanChatText(question), parts.language, { correctTypos: true });
  if (understood.terms.length === 0) return [];
  return rankFacts(understood, parts.index, parts.language.places, { limit }).map((candidate) => ({
    factId: parts.index.facts[candidate.factIndex]!.fact.id,
    score: Math.round(candidate.score * 100) / 100,
  }));
}

export function answerQuestion(question: string, parts: EngineParts): AnswerResult {
  const text = cleanChatText(question);
  const understood = understand(text, parts.language, { correctTypos: true });
  if (understood.terms.length === 0) {
    return noAnswer(parts.knowledge, {
      lead: text ? "I couldn't tell what that asks." : "Ask me a question about this story.",
    });
  }
  // Candidates below the score worth suggesting never change the decision.
  const decision = decide(rankFacts(understood, parts.index, parts.language.places, { minScore: ENGINE_CONFIG.minScoreToSuggest }));
  // "Who is Bashar al-Assad?": a bare name no fact is about is answered from the entity catalogue.
  const [entityId] = understood.entities;
  if (decision.status === "no_answer" && entityId && understood.terms.length === 1 && ["who", "what"].includes(understood.type)) {
    return describeEntity(entityId, parts);
  }
  return composeAnswer(decision, parts.index, parts.knowledge, { elsewhere: understood.elsewhere });
}
