// Step 2: plain text to what it asks. Expands shorthand, corrects typos, reads the kind of
// question, finds the entities and out-of-scope places it names, and reduces the rest to terms
// (stems, with synonyms folded) that the index can look up. Facts' own questions pass through the
// same step at start-up, without typo correction, so both sides meet in the same terms.
import { wordTokens } from "../knowledge/text-folding.js";
import type { Language, Span, SpanNode } from "./language.js";

export type QuestionType = "count" | "when" | "where" | "who" | "why" | "yesno" | "what";

export interface Understanding {
  type: QuestionType;
  /** Content terms, each once, in order; entities appear as "@entity-id". */
  terms: string[];
  entities: string[];
  /** Places named that the sources do not cover. */
  elsewhere: string[];
  corrections: { from: string; to: string }[];
  /** In a how-many question, what is counted: the first term that is not a name ("troop" in "how many US troops in Syria"). */
  counted?: string;
}

const ENTITY_PREFIX = "@";
export const entityTerm = (entityId: string) => `${ENTITY_PREFIX}${entityId}`;
export const isEntityTerm = (term: string) => term.startsWith(ENTITY_PREFIX);

// Each kind of question and the words that signal it; the earliest signal in the question wins,
// so "why ... when half the attacks were in Iraq" is a why-question.
const TYPE_SIGNALS: readonly [QuestionType, RegExp][] = [
  ["count", / how (many|much|often) | (number|count|tally|total|toll) /g],
  ["when", / when | (what|which) (date|day|time|month|year|week) | since when | how long /g],
  ["where", / where | (what|which) (base|bases|city|cities|country|countries|place|places|location|locations|town|towns|district|site|sites|area|areas) /g],
  ["who", / who | whom | whose | (what|which) (group|groups|militia|militias|faction|factions|person|people|official|officials|leader|leaders) /g],
  ["why", / why | how come | reasons? | for what /g],
];
/** The lexicon's word for "number" (count, tally, total): a count signal, never what is counted. */
const COUNT_WORD = "number";
const YES_NO_OPENERS = new Set(["is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "can", "could", "will", "would", "should"]);

export function questionType(tokens: readonly string[]): QuestionType {
  const padded = ` ${tokens.join(" ")} `;
  let best: { type: QuestionType; at: number } | undefined;
  for (const [type, signal] of TYPE_SIGNALS) {
    signal.lastIndex = 0;
    const match = signal.exec(padded);
    if (match && (!best || match.index < best.at)) best = { type, at: match.index };
  }
  if (best) return best.type;
  return YES_NO_OPENERS.has(tokens[0] ?? "") ? "yesno" : "what";
}

export interface UnderstandOptions {
  correctTypos: boolean;
  /** Tokenizes the text; start-up passes a remembering one, since facts repeat their texts. */
  tokenize?: (text: string) => readonly string[];
  /** A statement (an answer, a quote) rather than a question: its question type is not worked out. */
  statement?: boolean;
}

export function understand(text: string, language: Language, options: UnderstandOptions): Understanding {
  let prepared = text;
  const caseSensitive = language.caseSensitiveAliases;
  if (caseSensitive) prepared = prepared.replace(caseSensitive.pattern, (alias) => ` ${caseSensitive.names.get(alias)!} `);

  const corrections: { from: string; to: string }[] = [];
  const raws = (options.tokenize ?? wordTokens)(prepared);
  let readings = raws.map(language.read);
  // Start-up reads facts' own texts (no typo correction, rarely shorthand): their tokens are used as they are.
  let tokens: readonly string[] = raws;
  if (options.correctTypos || readings.some((reading) => reading.shorthand)) {
    const expanded: string[] = [];
    const add = (token: string) => {
      const corrected = options.correctTypos && !language.knows(token) && !language.stopwords.has(token) ? language.speller.correct(token) : undefined;
      if (corrected) corrections.push({ from: token, to: corrected });
      expanded.push(corrected ?? token);
    };
    raws.forEach((raw, i) => {
      const long = readings[i]!.shorthand;
      if (long) long.forEach(add);
      else add(raw);
    });
    tokens = expanded;
    readings = expanded.map(language.read);
  }

  const terms: string[] = [];
  const entities: string[] = [];
  const elsewhere: string[] = [];
  // Words from some alias that were not part of a name here, with the term each became (parallel arrays).
  const leftoverTokens: string[] = [];
  const leftoverTerms: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    const reading = readings[i]!;
    const span = reading.spans && longestSpan(tokens, i, reading.spans);
    if (span) {
      if (span.kind === "entity") entities.push(span.value);
      if (span.kind === "elsewhere") elsewhere.push(span.value);
      if (span.kind !== "filler") terms.push(span.kind === "entity" ? entityTerm(span.value) : span.value);
      i += span.length;
      continue;
    }
    i += 1;
    if (reading.stopword) continue;
    terms.push(reading.term);
    if (reading.aliasWord) {
      leftoverTokens.push(token);
      leftoverTerms.push(reading.term);
    }
  }
  // A word from the alias of an entity the question names is part of that name in another
  // spelling ("qassem suleimani"), not a separate thing asked about.
  if (entities.length > 0 && leftoverTokens.length > 0) {
    const namedWords = entities.map((entityId) => language.entityAliasWords.get(entityId)).filter((words) => words !== undefined);
    leftoverTokens.forEach((token, j) => {
      if (namedWords.some((words) => words.has(token))) terms.splice(terms.indexOf(leftoverTerms[j]!), 1);
    });
  }
  const type = options.statement ? "what" : questionType(tokens);
  const counted = type === "count" && !/ how (many times|often) /.test(` ${tokens.join(" ")} `) ? terms.find((term) => !isEntityTerm(term) && !term.startsWith("!") && term !== COUNT_WORD) : undefined;
  return {
    type,
    // In a how-many question "number" (count, tally) only says it is one.
    terms: distinct(terms).filter((term) => type !== "count" || term !== COUNT_WORD),
    entities: distinct(entities),
    elsewhere,
    corrections,
    ...(counted ? { counted } : {}),
  };
}

/** The longest alias, out-of-scope place, synonym phrase or filler phrase starting at token i, whose trie node is `start`. */
function longestSpan(tokens: readonly string[], i: number, start: SpanNode): Span | undefined {
  let node: SpanNode | undefined = start;
  let found: Span | undefined;
  for (let length = 1; node; length++) {
    if (node.span && (length > 1 || node.span.kind === "entity" || node.span.kind === "elsewhere")) found = node.span;
    node = i + length < tokens.length ? node.next.get(tokens[i + length]!) : undefined;
  }
  return found;
}

/** Each item once, in order: for a few items a scan beats a set. */
function distinct(items: readonly string[]): string[] {
  if (items.length > 12) return [...new Set(items)];
  const out: string[] = [];
  for (const item of items) if (!out.includes(item)) out.push(item);
  return out;
}
