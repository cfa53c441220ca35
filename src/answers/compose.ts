// Step 5: a decision to the AnswerResult every front end renders. Only facts' own answer text and
// verbatim citations go out; nothing here invents a sentence about the story.
import type { Citation, KnowledgeBase } from "../knowledge/types.js";
import type { Decision } from "./decide.js";
import type { EngineParts } from "./engine.js";
import type { FactIndex } from "./fact-index.js";
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

export function composeAnswer(
  decision: Decision,
  index: FactIndex,
  knowledge: KnowledgeBase,
  context: { elsewhere: readonly string[] },
): AnswerResult {
  const firstQuestion = (factIndex: number) => index.facts[factIndex]!.fact.questions[0]!;
  if (decision.status === "answered") {
    const { fact } = index.facts[decision.best.factIndex]!;
    return {
      status: "answered",
      answer: fact.answer,
      citations: fact.citations.map((citation) => citationView(citation, knowledge)),
      factIds: [fact.id],
      confidence: round(decision.best.score),
      asOf: fact.asOf,
      suggestions: index.related(decision.best.factIndex).map(firstQuestion),
    };
  }
  if (decision.status === "clarify") {
    return {
      status: "clarify",
      answer: "I can answer that a few ways. Which did you mean?",
      citations: [],
      factIds: decision.options.map((option) => index.facts[option.factIndex]!.fact.id),
      confidence: round(decision.options[0]!.score),
      asOf: null,
      suggestions: decision.options.map((option) => firstQuestion(option.factIndex)),
    };
  }
  return noAnswer(knowledge, {
    elsewhere: context.elsewhere,
    suggestions: decision.near.map((candidate) => firstQuestion(candidate.factIndex)),
    confidence: round(decision.near[0]?.score ?? 0),
  });
}

export function noAnswer(
  knowledge: KnowledgeBase,
  options: { elsewhere?: readonly string[]; suggestions?: string[]; confidence?: number; lead?: string },
): AnswerResult {
  const places = (options.elsewhere ?? []).map((key) => key.replace(/^!/, "").replace(/\b\p{L}/gu, (c) => c.toUpperCase()));
  const lead =
    options.lead ??
    (places.length > 0
      ? `My sources don't cover ${places.join(" or ")}: they cover attacks on US forces in Iraq and Syria and the US response.`
      : "My sources don't cover that.");
  const suggestions = options.suggestions?.length ? options.suggestions : topicSamples(knowledge);
  const intro = options.suggestions?.length ? "Closest questions I can answer:" : `I can answer questions about: ${topicList(knowledge)}. For example:`;
  return {
    status: "no_answer",
    answer: `${lead} ${intro}`,
    citations: [],
    factIds: [],
    confidence: options.confidence ?? 0,
    asOf: null,
    suggestions,
  };
}

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
