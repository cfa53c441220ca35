// The answer engine every front end shares: built once from the knowledge base, then
// ask(question) runs normalize -> understand -> retrieve -> decide -> compose, for each question a
// message asks.
import { wordTokens } from "../knowledge/text-folding.js";
import type { Entity, KnowledgeBase } from "../knowledge/types.js";
import { decide, factUses, type Decision, type DecisionContext } from "./abstain.js";
import { carryOver, refersBack } from "./carry-over.js";
import { checkClaims, workThroughClaims } from "./check/check.js";
import { explainClaims } from "./check/explain.js";
import { splitQuestions } from "./compound.js";
import { ENGINE_CONFIG } from "./config.js";
import { converse, explainTurn, explicitClaim, type ConversationContext, type ConversationTurn } from "./converse.js";
import { putAsRequest } from "./follow-up.js";
import { composeAnswers, describeEntity, noAnswer } from "./compose.js";
import { explainWork } from "./explain.js";
import { buildFactIndex, type FactIndex, type IndexedFact } from "./fact-index.js";
import { cleanChatText } from "./normalize.js";
import { rankFacts, type Candidate } from "./retrieve.js";
import type { AnswerResult, CheckResult } from "./types.js";
import { understand, type Understanding } from "./understand.js";
import { buildLanguage, type Language, type LanguageResources } from "./words/language.js";

export interface Engine {
  ask(question: string): AnswerResult;
  /** What the engine understood of a question, its candidates with every factor, and the decision with the rule that made it, for an editor to read. */
  explain(question: string): string;
  check(claim: string): CheckResult;
  /**
   * A message in a conversation: a question or a claim read against what the conversation holds
   * (a follow-up leans on the last question or claim), answered, with what to hold for the next turn.
   */
  converse(message: string, context?: ConversationContext, options?: { claim?: boolean }): ConversationTurn;
  /** How converse reads the message in its conversation, and the work behind the answer. */
  explainTurn(message: string, context?: ConversationContext): string;
  /** Is the message put to FactDesk as a question or a request, not talk between people ("thanks, that's what I needed")? */
  isPutAsRequest(message: string): boolean;
  /** The claims as split, their slots, the facts compared and the rule that decided each verdict. */
  explainCheck(claim: string): string;
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
  decisions: DecisionContext;
  /** What the story is about, as a question of its commonest term ("attack"): what "this" means with nothing before it. */
  storyTopic: Understanding;
}

/** One question of a message, worked through: what was understood, what ranked, what was decided. */
export interface QuestionWork {
  text: string;
  understood: Understanding;
  /** Whether the question leaned on the one before it in the message, and took words from it. */
  carried: boolean;
  ranked: Candidate[];
  decision: Decision;
  /** A bare name no fact is about ("Who is Bashar al-Assad?"), answered from the catalogue. */
  describes?: string;
  /** A yes/no question the fact check settles with the fact it is answered with: the answer leads with it. */
  yesNo?: "yes" | "no";
}

export function createEngine(knowledge: KnowledgeBase, resources: LanguageResources): Engine {
  return engineOf(buildEngineParts(knowledge, resources));
}

/** The engine over parts already built (start-up checks the lexicon against their language first). */
export function engineOf(parts: EngineParts): Engine {
  const { knowledge } = parts;
  let knownQuestions: string[] | undefined; // listed when first asked for: only the bots' help and autocomplete need it
  return {
    knowledge,
    ask: (question) => answerQuestion(question, parts),
    explain: (question) => explainWork(workThrough(cleanChatText(question), parts), parts),
    check: (claim) => checkClaims(claim, parts),
    converse: (message, context, options) => converse(message, context, parts, options),
    explainTurn: (message, context) => explainTurn(message, context, parts),
    isPutAsRequest: (message) => {
      const text = cleanChatText(message);
      return !asksNothing(text, parts) && (putAsRequest(text) || explicitClaim(text) !== undefined);
    },
    explainCheck: (claim) => explainClaims(workThroughClaims(claim, parts), parts),
    nearestFacts: (question, limit = 3) => nearestFacts(question, parts, limit),
    knownQuestions: () =>
      (knownQuestions ??= [...knowledge.facts.map((fact) => fact.questions[0]!), ...knowledge.facts.flatMap((fact) => fact.questions.slice(1))]),
  };
}

/** Everything built once at start: the language, the index, the decision's context. */
export function buildEngineParts(knowledge: KnowledgeBase, resources: LanguageResources): EngineParts {
  // Made in its own function, so the closures createEngine returns do not keep its memory alive.
  const tokenize = rememberingTokenizer();
  const language = buildLanguage(knowledge, resources, tokenize);
  const index = buildFactIndex(knowledge.facts, language, tokenize);
  const coveredUntil = knowledge.facts.reduce((latest, fact) => (fact.asOf > latest ? fact.asOf : latest), "0000-00-00");
  const { minScoreToAnswer, clarifyRatio, minScoreIfClear, clearMargin } = ENGINE_CONFIG;
  const thresholds = { minScoreToAnswer, clarifyRatio, minScoreIfClear, clearMargin };
  return {
    knowledge,
    entities: new Map(knowledge.entities.map((entity) => [entity.id, entity])),
    language,
    index,
    decisions: { index, language, coveredUntil, storyYear: Number(coveredUntil.slice(0, 4)), thresholds },
    storyTopic: storyTopicOf(index),
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

/** The candidates ask ranks for the (first) question a message asks, best first, with their scores (0-1); nothing is decided from them. */
function nearestFacts(question: string, parts: EngineParts, limit: number): NearFact[] {
  const [first] = workThrough(cleanChatText(question), parts);
  return (first?.ranked ?? []).slice(0, limit).map((candidate) => ({
    factId: parts.index.facts[candidate.factIndex]!.fact.id,
    score: Math.round(candidate.score * 100) / 100,
  }));
}

export function answerQuestion(question: string, parts: EngineParts): AnswerResult {
  const text = cleanChatText(question);
  if (asksNothing(text, parts)) return noAnswer(parts.knowledge, { asksNothing: true });
  return composeAnswers(workThrough(text, parts), parts);
}

/** A message with no words ("👍", "???") or only thanks, greetings and assent ("thanks, got it") asks nothing. */
export function asksNothing(text: string, parts: EngineParts): boolean {
  return splitQuestions(text).length === 0 || parts.language.saysOnlyPleasantries(text);
}

/** A conversation's last question, which a follow-up leans on (see follow-up.ts). */
export interface FollowingOn {
  earlier: Understanding;
  /** The fact the earlier question was answered with, if it was. */
  answeredWith?: number;
  /** What the follow-up is (readFollowUp's reading): a fragment, a correction, and the entities its pronouns stand for. */
  fragment: boolean;
  correction: boolean;
  referents: readonly string[];
}

/**
 * Each question the text asks, understood (a later one leaning on the one before, the first on a
 * conversation's last question when it follows on from it), ranked and decided.
 */
export function workThrough(text: string, parts: EngineParts, followingOn?: FollowingOn): QuestionWork[] {
  const { language, index } = parts;
  const work: QuestionWork[] = [];
  const isPlace = (entityId: string) => language.places.has(entityId);
  for (const asked of splitQuestions(text)) {
    let own = understand(asked, language, { correctTypos: true });
    let carry: { understood: Understanding; carried: boolean };
    if (work.length === 0 && followingOn) {
      own = withEntities(own, followingOn.referents);
      // With its pronouns read, a follow-up may ask all it needs ("who is he?" -> "who is Ali Khamenei?").
      const standsAlone = followingOn.referents.length > 0 && !followingOn.fragment && !followingOn.correction;
      carry = standsAlone
        ? { understood: own, carried: false }
        : carryOver(followingOn.earlier, own, asked, isPlace, { leans: true, fragment: followingOn.fragment, correction: followingOn.correction, namesPeople: language.namesPeople });
    } else {
      // A first question that points at "this" and names nothing ("What set this off?") is about the story itself.
      const earlier = work[work.length - 1]?.understood ?? (refersBack(asked, (word) => language.partsOfSpeech(word).has("n")) ? parts.storyTopic : undefined);
      carry = earlier ? carryOver(earlier, own, asked, isPlace, { sameMessage: work.length > 0 }) : { understood: own, carried: false };
    }
    const { understood, carried } = carry;
    // Candidates below the score worth suggesting never change the decision.
    const ranked = rankFacts(understood, index, language.places, { minScore: ENGINE_CONFIG.minScoreToSuggest });
    // Stay with the earlier question's fact only if it speaks of this one's own words ("how many
    // were killed" after "When did Hamas attack Israel?"), not of new ones ("and what do critics say?").
    const before = work[work.length - 1]?.decision;
    const beforeFact = before?.status === "answered" ? before.best.factIndex : work.length === 0 && carried ? followingOn?.answeredWith : undefined;
    const ownWords = own.terms.filter((term) => !term.startsWith("@") && !term.startsWith("!"));
    const stays = beforeFact !== undefined && ownWords.every((term) => factUses(index, term, beforeFact));
    const decision = decide(understood, ranked, parts.decisions, stays ? { preferFact: beforeFact } : {});
    const entry: QuestionWork = { text: asked, understood, carried, ranked, decision };
    // "Who is Bashar al-Assad?": a bare name no fact is about is answered from the entity catalogue.
    const [entityId] = understood.entities;
    if (decision.status === "no_answer" && entityId && understood.terms.length === 1 && ["who", "what"].includes(understood.type) && understood.elsewhere.length === 0) {
      entry.describes = entityId;
    }
    if (decision.status === "answered" && understood.type === "yesno") {
      const settled = yesNoOf(asked, decision, parts);
      if (settled) {
        entry.yesNo = settled.answer;
        // The fact that settles it is the one to answer with, when it passed the decision too.
        if (settled.factIndex !== decision.best.factIndex) entry.decision = { ...decision, best: settled.candidate };
      }
    }
    work.push(entry);
  }
  return work;
}

/**
 * "Has the US struck inside Iraq?" read as the claim "the US struck inside Iraq" and checked: yes
 * when every claim is supported, no when one is contradicted, each time by the very fact the
 * question is answered with; otherwise the answer gives the fact without a yes or a no.
 */
function yesNoOf(question: string, decision: Extract<Decision, { status: "answered" }>, parts: EngineParts): { answer: "yes" | "no"; factIndex: number; candidate: Candidate } | undefined {
  const claims = workThroughClaims(declarativeOf(question), parts);
  if (claims.length === 0) return undefined;
  // The facts the answer may come from: the best, or another that passed the decision as well.
  const passing = [decision.best, ...decision.passing.filter((candidate) => candidate.factIndex !== decision.best.factIndex)];
  const candidateOf = (entry: IndexedFact | undefined) => passing.find((candidate) => parts.index.facts[candidate.factIndex] === entry);
  const contradiction = claims.find((claim) => claim.verdict === "contradicted" && candidateOf(claim.deciding?.fact));
  if (contradiction) {
    const candidate = candidateOf(contradiction.deciding!.fact)!;
    return { answer: "no", factIndex: candidate.factIndex, candidate };
  }
  if (!claims.every((claim) => claim.verdict === "supported")) return undefined;
  // "Yes" only on a slot the claim states (a figure, a date, who did what), or on two of its words a fact states.
  const firm = (claim: (typeof claims)[number]) => claim.deciding && (claim.deciding.rule !== "coverage" || claim.reading.contentTerms.filter((term) => !parts.language.isLightWord(term)).length >= 2);
  // The best fact answers when it bears the claims out as well as the one that decided them.
  const best = parts.index.facts[decision.best.factIndex];
  const bearsOut = (entry: IndexedFact | undefined) => claims.every((claim) => claim.deciding?.fact === entry || claim.findings.some((finding) => finding.fact === entry && finding.outcome === "match"));
  // ... and keeps its answer, with no lead, when another fact it ranks well below decided them.
  const decidingCandidate = candidateOf(claims[0]!.deciding?.fact);
  if (!bearsOut(best) && decidingCandidate && decidingCandidate.score < decision.best.score * ENGINE_CONFIG.stayWithRatio) return undefined;
  const deciding = bearsOut(best) ? best : claims[0]!.deciding?.fact;
  const candidate = candidateOf(deciding);
  if (!candidate || !claims.every(firm) || !claims.every((claim) => claim.deciding?.fact === deciding || claim.findings.some((finding) => finding.fact === deciding && finding.outcome === "match"))) return undefined;
  return { answer: "yes", factIndex: candidate.factIndex, candidate };
}

/** The question with entities its pronouns stood for added, as if it had named them. */
function withEntities(understood: Understanding, entityIds: readonly string[]): Understanding {
  const added = entityIds.filter((entityId) => !understood.entities.includes(entityId));
  if (added.length === 0) return understood;
  const terms = added.map((entityId) => `@${entityId}`);
  const asked = terms.map((term) => ({ word: term, term, known: true, expansions: [], specific: true }));
  return {
    ...understood,
    terms: [...understood.terms, ...terms],
    entities: [...understood.entities, ...added],
    ...(understood.question ? { question: { ...understood.question, asked: [...understood.question.asked, ...asked] } } : {}),
  };
}

/**
 * The statement a yes/no question asks about: its tag ("or not", "yet") dropped, and its opening
 * verb dropped ("did", "does") or put back before the participle it goes with ("Were any troops
 * killed?" -> "any troops were killed", so the troops are the ones killed).
 */
export function declarativeOf(question: string): string {
  const plain = question
    .replace(/[?!.\s]+$/, "")
    .replace(/\s+(or not|or nah|or no|yet|right|correct|true)$/i, "")
    .replace(/^\s*(?:(?:so|and|but|hey|ok|okay|wait|quick q|factdesk)[\s,:-]+)*/i, "");
  const opening = /^(is|are|was|were|has|have|had|do|does|did|can|could|will|would|should)(n'?t)?\s+/i.exec(plain);
  if (!opening) return plain;
  const rest = plain.slice(opening[0].length);
  const verb = opening[1]!.toLowerCase();
  if (!/^(is|are|was|were|has|have|had)$/.test(verb)) return rest;
  // The participle: the first word after the subject that reads as one ("killed", "hit", "struck", "been").
  const participle = /\s(\w+(?:ed|en)|been|hit|hurt|struck|built|sent|held|made|led|met|fought|put|set|cut)\b/i.exec(rest);
  if (!participle) return rest;
  const at = participle.index!;
  return `${rest.slice(0, at)} ${verb}${opening[2] ?? ""}${rest.slice(at)}`;
}

export { describeEntity };

/** The term most facts use (not a name): the story's own topic. */
function storyTopicOf(index: FactIndex): Understanding {
  // What people ask about most: the term of the most facts' own questions.
  let topic = "";
  let most = 0;
  for (const [term, list] of index.phrasingPostings) {
    if (term.startsWith("@") || list.length <= most) continue;
    topic = term;
    most = list.length;
  }
  return { type: "what", terms: topic ? [topic] : [], entities: [], elsewhere: [], corrections: [], speakers: [] };
}
