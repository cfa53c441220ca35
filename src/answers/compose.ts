// Step 5: decisions to the AnswerResult every front end renders. Only facts' own answer text and
// verbatim citations go out; nothing here invents a sentence about the story.
import type { Citation, KnowledgeBase } from "../knowledge/types.js";
import { ABSTENTION_RULES, type Decision } from "./abstain.js";
import { apDate } from "./ap-date.js";
import { ENGINE_CONFIG } from "./config.js";
import type { EngineParts, QuestionWork } from "./engine.js";
import { entityTerm } from "./understand.js";
import type { AnswerResult, CitationView } from "./types.js";

export function citationView(citation: Citation, knowledge: KnowledgeBase): CitationView {
  const source = knowledge.sources.get(citation.source)!; // validated at load
  return {
    sourceId: source.id,
    publisher: source.publisher,
    title: source.title,
    published: source.published,
    ...(source.url ? { url: source.url } : {}),
    quote: citation.quote,
  };
}

const round = (score: number) => Math.round(score * 100) / 100;

/** One answer for every question a message asks: answered only when each of them is. */
export function composeAnswers(work: readonly QuestionWork[], parts: EngineParts): AnswerResult {
  const { knowledge, index } = parts;
  // A message with no words ("👍", "???") asks nothing: never an empty answer.
  if (work.length === 0) return noAnswer(knowledge, { asksNothing: true });
  const firstQuestion = (factIndex: number) => index.facts[factIndex]!.fact.questions[0]!;
  const unanswered = work.find((entry) => entry.decision.status === "no_answer" && !entry.describes);
  if (unanswered) {
    const decision = unanswered.decision as Extract<Decision, { status: "no_answer" }>;
    const answeredElsewhere = work.filter((entry) => entry.decision.status === "answered").map((entry) => firstQuestion((entry.decision as Extract<Decision, { status: "answered" }>).best.factIndex));
    return noAnswer(knowledge, {
      lead: leadFor(decision, parts, work.length > 1 ? unanswered.text : undefined),
      asksNothing: decision.rule === "nothing-asked" && work.length === 1,
      suggestions: [...new Set([...answeredElsewhere, ...decision.near.map((candidate) => firstQuestion(candidate.factIndex))])].slice(0, ENGINE_CONFIG.followUps),
      confidence: round(decision.near[0]?.score ?? 0),
    });
  }
  const unclear = work.find((entry) => entry.decision.status === "clarify");
  if (unclear) {
    const { options } = unclear.decision as Extract<Decision, { status: "clarify" }>;
    return {
      status: "clarify",
      answer: work.length > 1 ? `I can answer "${unclear.text}" a few ways. Which did you mean?` : "I can answer that a few ways. Which did you mean?",
      citations: [],
      factIds: options.map((option) => index.facts[option.factIndex]!.fact.id),
      confidence: round(options[0]!.score),
      asOf: null,
      suggestions: options.map((option) => firstQuestion(option.factIndex)),
    };
  }
  // Every question answered: each fact once, in the order asked.
  const answers: AnswerResult[] = [];
  const seen = new Set<string>();
  for (const entry of work) {
    const result = entry.describes ? describeEntity(entry.describes, parts) : factAnswer((entry.decision as Extract<Decision, { status: "answered" }>).best, parts);
    // A fact's own "Yes." answers its own questions; this one gets a yes or a no only when the check settles it.
    const bare = result.answer.replace(/^(Yes|No)[.:,]\s*(\p{L})/u, (_, _lead: string, first: string) => first.toUpperCase());
    result.answer = entry.yesNo ? `${entry.yesNo === "yes" ? "Yes." : "No."} ${bare}` : bare;
    const key = result.factIds.join(",") || result.answer;
    if (seen.has(key)) continue;
    seen.add(key);
    answers.push(result);
  }
  if (answers.length === 1) return answers[0]!;
  const citations = new Map<string, CitationView>();
  for (const answer of answers) for (const citation of answer.citations) citations.set(`${citation.sourceId}|${citation.quote}`, citation);
  return {
    status: "answered",
    answer: answers.map((answer) => answer.answer).join(" "),
    citations: [...citations.values()],
    factIds: answers.flatMap((answer) => answer.factIds),
    confidence: Math.min(...answers.map((answer) => answer.confidence)),
    asOf: answers.map((answer) => answer.asOf).filter((asOf): asOf is string => asOf !== null).sort().at(-1) ?? null,
    suggestions: [...new Set(answers.flatMap((answer) => answer.suggestions))].slice(0, ENGINE_CONFIG.followUps),
  };
}

export function factAnswer(best: { factIndex: number; score: number }, parts: EngineParts): AnswerResult {
  const { index, knowledge } = parts;
  const { fact } = index.facts[best.factIndex]!;
  return {
    status: "answered",
    answer: fact.answer,
    citations: fact.citations.map((citation) => citationView(citation, knowledge)),
    factIds: [fact.id],
    confidence: round(best.score),
    asOf: fact.asOf,
    suggestions: index.related(best.factIndex).map((factIndex) => index.facts[factIndex]!.fact.questions[0]!),
  };
}

/** What a refusal says first: the rule that made it, in the words a reader needs. */
function leadFor(decision: Extract<Decision, { status: "no_answer" }>, parts: EngineParts, part: string | undefined): string {
  const scope = "they cover attacks on US forces in Iraq and Syria and the US response";
  const thePart = part ? ` ("${part}")` : "";
  switch (decision.rule) {
    case "nothing-asked":
      return NOTHING_ASKED;
    case "out-of-scope-place":
      return `My sources don't cover ${titleCase(decision.detail)}: ${scope}.`;
    case "unknown-name":
      return `My sources don't mention ${titleCase(decision.detail)}${thePart}.`;
    case "after-the-sources":
      return `My sources are as of ${apDate(parts.decisions.coveredUntil)}; they don't cover ${decision.detail}${thePart}.`;
    default:
      return part ? `My sources don't cover part of that: "${part}".` : "My sources don't cover that.";
  }
}

const titleCase = (text: string) => text.replace(/\b\p{L}/gu, (c) => c.toUpperCase()).replace(/, /g, " or ");

/** Why a rule refused, for --explain. */
export const ruleReason = (rule: keyof typeof ABSTENTION_RULES) => ABSTENTION_RULES[rule];

/**
 * A refusal: its lead, then the closest questions, or what the sources cover. A message that asks
 * nothing ("hi", "thanks", "👍") gets one line and an example instead of the list of everything covered.
 */
export function noAnswer(knowledge: KnowledgeBase, options: { suggestions?: string[]; confidence?: number; lead?: string; asksNothing?: boolean }): AnswerResult {
  const { asksNothing = false } = options;
  const lead = options.lead ?? (asksNothing ? NOTHING_ASKED : "My sources don't cover that.");
  const close = !asksNothing && options.suggestions?.length ? options.suggestions : undefined;
  const suggestions = close ?? topicSamples(knowledge);
  const intro = close ? "Closest questions I can answer:" : asksNothing ? `Ask me about this story, for example: "${suggestions[0]}", or say "help".` : `I can answer questions about: ${topicList(knowledge)}. For example:`;
  return {
    status: "no_answer",
    answer: `${lead} ${intro}`,
    citations: [],
    factIds: [],
    confidence: options.confidence ?? 0,
    asOf: null,
    suggestions,
    ...(asksNothing ? { asksNothing: true as const } : {}),
  };
}

const NOTHING_ASKED = "I couldn't tell what that asks.";

function topicList(knowledge: KnowledgeBase): string {
  return knowledge.topics.map((topic) => topic.title).join("; ");
}

/** One question from each of the first few topics: a sampler of what FactDesk knows. */
export function topicSamples(knowledge: KnowledgeBase): string[] {
  let samples = samplesByKnowledge.get(knowledge);
  if (!samples) {
    const firstFacts = new Set(knowledge.topics.slice(0, 3).map((topic) => topic.factIds[0]));
    const byId = new Map(knowledge.facts.filter((fact) => firstFacts.has(fact.id)).map((fact) => [fact.id, fact]));
    samples = knowledge.topics
      .slice(0, 3)
      .map((topic) => byId.get(topic.factIds[0]!)?.questions[0])
      .filter((question): question is string => Boolean(question));
    samplesByKnowledge.set(knowledge, samples);
  }
  return [...samples];
}

/** Computed once per knowledge base: with 100,000 facts, finding them per answer would cost milliseconds. */
const samplesByKnowledge = new WeakMap<KnowledgeBase, readonly string[]>();

/** An entity's catalogue description, cited, with the facts about it as follow-ups. */
export function describeEntity(entityId: string, parts: EngineParts): AnswerResult {
  const { knowledge, index } = parts;
  const entity = parts.entities.get(entityId)!;
  const about = Array.from(index.postings.get(entityTerm(entityId)) ?? []);
  const asOf = knowledge.sources.get(entity.citations[0]!.source)!.published;
  return {
    status: "answered",
    answer: `${entity.name}: ${entity.description}`,
    citations: entity.citations.map((citation) => citationView(citation, knowledge)),
    factIds: [],
    confidence: 1,
    asOf,
    suggestions: about.slice(0, 3).map((factIndex) => index.facts[factIndex]!.fact.questions[0]!),
  };
}
