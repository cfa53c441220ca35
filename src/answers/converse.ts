// One turn of a conversation: the message read against what the conversation holds (follow-up.ts),
// answered or checked, and what the conversation holds next. A message that stands on its own is
// answered exactly as `ask` would answer it; a follow-up says how it was read ("Reading this as:
// how many attacks in Syria?"). Pure: the context goes in and comes out as plain data, so any
// store (a TTL map, a database) can keep it between turns.
import type { Entity } from "../knowledge/types.js";
import { factUses } from "./abstain.js";
import { apDate } from "./ap-date.js";
import { checkClaims, contradictionKeys, workThroughClaims } from "./check/check.js";
import { citationView, composeAnswers, factAnswer, noAnswer } from "./compose.js";
import { ENGINE_CONFIG } from "./config.js";
import { asksNothing, workThrough, type EngineParts, type FollowingOn, type QuestionWork } from "./engine.js";
import { explainWork } from "./explain.js";
import { readCountedPronouns, readFollowUp, readFragment, type ConversationContext, type FollowUp, type LastQuestion } from "./follow-up.js";
import { cleanChatText } from "./normalize.js";
import { rankFacts } from "./retrieve.js";
import type { AnswerResult, CheckResult } from "./types.js";
import { understand } from "./understand.js";

export type { ConversationContext } from "./follow-up.js";

type EntityKind = Entity["kind"];

export type ConversationReply = { kind: "answer"; question: string; result: AnswerResult } | { kind: "check"; claim: string; result: CheckResult };

export interface ConversationTurn {
  reply: ConversationReply;
  /** What the conversation holds after this turn. */
  context: ConversationContext;
}

/** "check ...", "fact-check: ...", "verify ...": the message asks for a fact check of the rest. */
const CHECK = /^\s*(?:fact[- ]?check|check|verify)\s*(?:that\b)?\s*:?\s+([\s\S]+)$/i;

/** The claim a message asks to check, if it asks for a check. */
export function explicitClaim(text: string): string | undefined {
  return CHECK.exec(text)?.[1]?.replace(/^that\s+/i, "").trim() || undefined;
}

/**
 * Answers or checks a message in its conversation. `claim` says the message is a claim whatever it
 * looks like (a /factcheck command); otherwise "check ..." asks for a check and anything else is
 * read as a question or, after a check, possibly a follow-up claim.
 */
export function converse(message: string, context: ConversationContext | undefined, parts: EngineParts, options: { claim?: boolean } = {}): ConversationTurn {
  const text = cleanChatText(message);
  // "👍", "thanks, got it": nothing to read, and nothing to change in the conversation.
  if (!options.claim && asksNothing(text, parts)) {
    return { reply: { kind: "answer", question: text, result: noAnswer(parts.knowledge, { asksNothing: true }) }, context: context ?? { last: "ask" } };
  }
  const claim = options.claim ? text : explicitClaim(text);
  if (claim) return checkTurn(claim, undefined, context, parts);
  const followUp = readFollowUp(text, context, parts.language, usedBy(parts));
  const last = context?.question;
  switch (followUp.act) {
    case "claim":
      return checkTurn(followUp.claim, followUp.readAs, context, parts);
    case "evidence":
      return evidenceTurn(text, followUp.on, parts);
    case "more":
      return moreTurn(text, followUp.on, parts);
    case "next":
      return nextTurn(text, followUp.on, context, parts);
    case "choice": {
      const factIndex = parts.index.facts.findIndex((entry) => entry.fact.id === followUp.factId);
      const result = factAnswer({ factIndex, score: 1 }, parts);
      const question = parts.index.facts[factIndex]!.fact.questions[0]!;
      return answered(text, withReading(result, question), lastQuestion(question, [work(question, parts)], result, last, parts), context);
    }
    case "fresh": {
      const turn = askTurn(text, text, undefined, context, parts);
      // A question that says too little to answer on its own (refused for a low score, or
      // ambiguous) may be answered in the light of the last one ("What was hit?" after "Where did
      // the US strike on Nov. 12?"); a question refused by a rule (a place the sources don't
      // cover) stays refused.
      const on = context?.question?.status === "answered" ? context.question : context?.answered;
      const status = turn.reply.kind === "answer" ? turn.reply.result.status : "answered";
      if (!on || status === "answered" || (status === "no_answer" && !refusedForLowScore(text, parts))) return turn;
      const followingOn = followingOnOf({ act: "follow-up", on, text, fragment: false, correction: false, referents: [] }, parts);
      const leaning = askTurn(text, text, followingOn, context, parts, on);
      return leaning.reply.kind === "answer" && leaning.reply.result.status === "answered" ? leaning : turn;
    }
    case "follow-up":
      return askTurn(text, followUp.text, followingOnOf(followUp, parts), context, parts, followUp.on);
  }
}

/** Was every question of the text refused only because no fact matched it well enough (no rule against it)? */
function refusedForLowScore(text: string, parts: EngineParts): boolean {
  return workThrough(text, parts).every((entry) => entry.decision.status !== "no_answer" || entry.decision.rule === "low-score");
}

/** Does the fact of this id use the term? */
function usedBy(parts: EngineParts) {
  return (term: string, factId: string) => {
    const factIndex = parts.index.facts.findIndex((entry) => entry.fact.id === factId);
    return factIndex >= 0 && factUses(parts.index, term, factIndex);
  };
}

function askTurn(message: string, text: string, followingOn: FollowingOn | undefined, context: ConversationContext | undefined, parts: EngineParts, on?: LastQuestion): ConversationTurn {
  const last = on ?? context?.question;
  // A follow-up that reads as a whole question ("and in Syria?" -> "how many attacks in Syria?",
  // "who is he?" -> "who is Ali Khamenei?") is answered as that question, so the reply's reading is
  // exactly what was answered; one that doesn't is understood with what it leaves out carried over.
  const reading = followingOn && last ? readingOf(text, last, followingOn, parts) : undefined;
  const work = reading?.exact ? workThrough(reading.text, parts) : workThrough(text, parts, followingOn);
  const result = composeAnswers(work, parts);
  const carried = reading && (reading.exact || work[0]?.carried);
  const shown = carried ? withReading(result, reading.text, reading.exact) : result;
  return answered(message, shown, lastQuestion(reading?.exact ? reading.text : text, work, result, last, parts), context);
}

function followingOnOf(followUp: Extract<FollowUp, { act: "follow-up" }>, parts: EngineParts): FollowingOn {
  const { on } = followUp;
  const answeredWith = on.status === "answered" ? parts.index.facts.findIndex((entry) => entry.fact.id === on.factIds[0]) : -1;
  return { earlier: on.understood, fragment: followUp.fragment, correction: followUp.correction, referents: followUp.referents, ...(answeredWith >= 0 ? { answeredWith } : {}) };
}

/** An answer's turn: the question remembered, and the last answered one kept behind a refusal. */
function answered(message: string, result: AnswerResult, question: LastQuestion, context: ConversationContext | undefined): ConversationTurn {
  const before = context?.question?.status === "answered" ? context.question : context?.answered;
  const answeredBefore = question.status === "no_answer" && before ? { answered: before } : {};
  return { reply: { kind: "answer", question: message, result }, context: { last: "ask", question, ...answeredBefore } };
}

/** What the conversation remembers of a question: how it was read and understood, and what answered it. */
function lastQuestion(text: string, work: readonly QuestionWork[], result: AnswerResult, before: LastQuestion | undefined, parts: EngineParts): LastQuestion {
  const understood = work[work.length - 1]!.understood;
  const kindOf = (entityId: string): EntityKind | undefined => parts.entities.get(entityId)?.kind;
  const named = understood.entities;
  const answerEntities = result.status === "answered" ? result.factIds.flatMap((factId) => parts.knowledge.facts.find((fact) => fact.id === factId)?.entities ?? []) : [];
  const brought = answerEntities.filter((entityId) => !named.includes(entityId));
  const ofKind = (ids: readonly string[], kinds: readonly EntityKind[]) => ids.filter((entityId) => kinds.includes(kindOf(entityId)!));
  // Who "he" is: after "who did ...?" the person the answer brought up; otherwise the one the question named.
  // ("who is Blinken?" asks about the one it names: he is Blinken.)
  const asksForSomeone = understood.type === "who" && !/^\s*(?:so\s+|and\s+)?who(?:'s|s|\s+is|\s+was|\s+are|\s+were)\b/i.test(text);
  const people = asksForSomeone ? [...ofKind(brought, ["person"]), ...ofKind(named, ["person"])] : [...ofKind(named, ["person"]), ...ofKind(brought, ["person"])];
  return {
    text,
    understood,
    status: result.status,
    factIds: result.factIds,
    shown: [...new Set([...(before?.shown ?? []), ...(result.status === "answered" ? result.factIds : [])])],
    people: [...new Set(people)],
    // Who "they" are likewise: the group the answer brought up only when the question asked for
    // someone ("who is behind the attacks?"); after "how many attacks?", the Pentagon that counted them is not.
    groups: [...new Set([...ofKind(named, ["group"]), ...(understood.type === "who" ? ofKind(brought, ["group"]) : [])])],
    things: [...new Set([...ofKind(named, ["group", "base", "place"]).filter((entityId) => !parts.decisions.language.places.has(entityId) || kindOf(entityId) === "base"), ...ofKind(named, ["place"])])],
  };
}

/** The work of one question on its own (a clarify's choice is remembered as its fact's question). */
function work(question: string, parts: EngineParts): QuestionWork {
  return workThrough(question, parts)[0]!;
}

/**
 * How a follow-up was read, for the reply to say: the last question with the follow-up's names,
 * dates or ordinals put in ("and in Syria?" -> "how many attacks in Syria?"), its pronouns named
 * ("who is he?" -> "who is Ali Khamenei?"), or, where neither applies, the question it follows.
 */
function readingOf(text: string, last: LastQuestion, followingOn: FollowingOn, parts: EngineParts): { text: string; exact: boolean } {
  const { language } = parts;
  const { referents, fragment } = followingOn;
  if (referents.length > 0 && !fragment) {
    const names = referents.map((entityId) => parts.entities.get(entityId)?.name ?? entityId);
    const named = text
      .replace(/\b(his|her|its|their)\b/gi, () => `${names[0]}'s`)
      .replace(/\b(he|him|she|it|they|them)\b/gi, () => names[0]!);
    if (named !== text) return { text: named, exact: true };
  }
  // "who is behind them?" after "how many attacks ...?": they are what the last question counted.
  const counted = referents.length === 0 && !fragment ? readCountedPronouns(last.text, text, language, (entityId) => language.places.has(entityId)) : undefined;
  if (counted) return { text: counted, exact: true };
  const through = fragment ? readFragment(last, text, language) : undefined;
  if (through) return { text: through, exact: true };
  // "why?", "how many?": the last question asked with this one's question word.
  const swapped = withQuestionWord(last.text, text);
  if (swapped) return { text: swapped, exact: true };
  return { text: last.text, exact: false };
}

/** A question word and the verb after it ("when did", "how many times has"): what a bare follow-up's question word replaces. */
const WH_AND_VERB = /^\s*(?:how\s+many\s+times|how\s+(?:many|much|long|often)|what|which|who|whom|whose|when|where|why|how)(?=\s+(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b)/i;
const OPENING = /^\s*(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b/i;

/** "why?" said of "did the US strike inside Iraq?": "why did the US strike inside Iraq?". */
function withQuestionWord(earlier: string, text: string): string | undefined {
  const bare = /^\s*(?:and\s+|so\s+|but\s+)?((?:(?:by|according\s+to|for|from|to|with|since|until|till)\s+)?(?:how\s+many\s+times|how\s+(?:many|much|long|often)|what|which|who|whom|whose|when|where|why|how))(?:\s+(?:then|exactly))?\s*[?.!]*\s*$/i.exec(text);
  if (!bare) return undefined;
  const word = bare[1]!.toLowerCase();
  if (WH_AND_VERB.test(earlier)) return earlier.replace(WH_AND_VERB, word);
  if (OPENING.test(earlier)) return `${word} ${earlier.trim().replace(/^\p{Lu}/u, (c) => c.toLowerCase())}`;
  return undefined;
}

/** The reply says how it read the message first. */
function withReading(result: AnswerResult, reading: string, exact = true): AnswerResult {
  const readAs = reading.replace(/\s+/g, " ").trim();
  const note = exact ? `(Reading this as: ${readAs})` : `(Reading this as a follow-up to: ${readAs})`;
  return { ...result, answer: `${note}\n${result.answer}`, readAs };
}

/** "source?", "quote it": the last answer's passages, verbatim, with where and when. */
function evidenceTurn(message: string, last: LastQuestion, parts: EngineParts): ConversationTurn {
  const facts = last.factIds.map((factId) => parts.knowledge.facts.find((fact) => fact.id === factId)).filter((fact) => fact !== undefined);
  const citations = facts.flatMap((fact) => fact.citations.map((citation) => citationView(citation, parts.knowledge)));
  const asOf = facts.map((fact) => fact.asOf).sort().at(-1) ?? null;
  const result: AnswerResult = {
    status: "answered",
    answer: `In the source's words: ${citations.map((citation) => `"${citation.quote}" (${citation.publisher}, ${apDate(citation.published)})`).join(" ")}`,
    citations,
    factIds: last.factIds,
    confidence: 1,
    asOf,
    suggestions: [],
  };
  return { reply: { kind: "answer", question: message, result }, context: { last: "ask", question: last } };
}

/** "tell me more": the next fact on the same question, or one related to the last answer, not yet given. */
function moreTurn(message: string, last: LastQuestion, parts: EngineParts): ConversationTurn {
  const { index } = parts;
  const shown = new Set(last.shown);
  const fresh = (factIndex: number) => !shown.has(index.facts[factIndex]!.fact.id);
  const ranked = rankFacts(last.understood, index, parts.language.places, { minScore: ENGINE_CONFIG.minScoreToSuggest });
  const lastFact = index.facts.findIndex((entry) => entry.fact.id === last.factIds[0]);
  const next = ranked.find((candidate) => fresh(candidate.factIndex) && candidate.score >= ENGINE_CONFIG.minScoreToAnswer)?.factIndex ?? (lastFact >= 0 ? index.related(lastFact).find(fresh) : undefined);
  if (next === undefined) {
    const result = noAnswer(parts.knowledge, { lead: "That's all my sources say about it." });
    return { reply: { kind: "answer", question: message, result }, context: { last: "ask", question: last } };
  }
  const result = factAnswer({ factIndex: next, score: 1 }, parts);
  return { reply: { kind: "answer", question: message, result }, context: { last: "ask", question: { ...last, factIds: result.factIds, shown: [...last.shown, ...result.factIds] } } };
}

/**
 * "and afterwards?": a fact whose action the sources place after the last answer's ("traveled to
 * Tehran", after "meeting with Blinken"). Without one, the message is a follow-up like any other.
 */
function nextTurn(message: string, last: LastQuestion, context: ConversationContext | undefined, parts: EngineParts): ConversationTurn {
  const { index, language } = parts;
  const lastFacts = last.factIds.map((factId) => index.facts.findIndex((entry) => entry.fact.id === factId)).filter((factIndex) => factIndex >= 0);
  let best: { factIndex: number; share: number } | undefined;
  index.facts.forEach((entry, factIndex) => {
    if (lastFacts.includes(factIndex)) return;
    for (const value of entry.fact.values) {
      if (value.kind !== "action" || !value.after) continue;
      const terms = understand(value.after, language, { correctTypos: false, statement: true }).terms;
      if (terms.length === 0) continue;
      const share = terms.filter((term) => lastFacts.some((lastFact) => factUses(index, term, lastFact))).length / terms.length;
      if (share >= 0.5 && (!best || share > best.share)) best = { factIndex, share };
    }
  });
  if (!best) return askTurn(message, message, followingOnOf({ act: "follow-up", on: last, text: message, fragment: false, correction: false, referents: [] }, parts), context, parts, last);
  const result = factAnswer({ factIndex: best.factIndex, score: 1 }, parts);
  const question = index.facts[best.factIndex]!.fact.questions[0]!;
  return answered(message, withReading(result, `what came after: ${last.text}`), lastQuestion(question, [work(question, parts)], result, last, parts), context);
}

function checkTurn(claim: string, readAs: string | undefined, context: ConversationContext | undefined, parts: EngineParts): ConversationTurn {
  // A follow-up that changes nothing of the claim ("what about Syria?" read as it already was) is the same claim again.
  const options = readAs && readAs !== context?.claim ? { alreadyContradicted: context?.contradicted ?? [] } : {};
  const checked = checkClaims(claim, parts, options);
  const result: CheckResult = readAs ? { ...checked, explanation: `(Reading this as: ${readAs})\n${checked.explanation}`, readAs } : checked;
  const contradicted = [...new Set([...(options.alreadyContradicted ?? []), ...contradictionKeys(workThroughClaims(claim, parts))])];
  // A question after a check asks about what the claim was about ("so how many of them hit Iraq?").
  const understood = understand(claim, parts.language, { correctTypos: true });
  const question: LastQuestion = {
    text: claim,
    understood,
    status: "answered",
    factIds: checked.factIds,
    shown: context?.question?.shown ?? [],
    people: [],
    groups: [],
    things: [],
  };
  return { reply: { kind: "check", claim, result }, context: { last: "check", claim, question, contradicted } };
}

/** How a message was read in its conversation, and the work behind its answer, for an editor to read. */
export function explainTurn(message: string, context: ConversationContext | undefined, parts: EngineParts): string {
  const text = cleanChatText(message);
  const followUp = explicitClaim(text) ? ({ act: "claim" } as const) : readFollowUp(text, context, parts.language, usedBy(parts));
  const lines = [`read as: ${JSON.stringify(followUp)}`];
  if (followUp.act === "fresh") lines.push(explainWork(workThrough(followUp.text, parts), parts));
  if (followUp.act === "follow-up") {
    const followingOn = followingOnOf(followUp, parts);
    const reading = readingOf(followUp.text, followUp.on, followingOn, parts);
    lines.push(`reading: ${reading.exact ? "answered as" : "a follow-up to"} "${reading.text}"`);
    lines.push(explainWork(reading.exact ? workThrough(reading.text, parts) : workThrough(followUp.text, parts, followingOn), parts));
  }
  return lines.join("\n");
}
