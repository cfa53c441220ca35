// How a message in a conversation relates to the turn before it. It may stand on its own (a fresh
// question, answered as if nothing came before), lean on the last question ("and in Syria?",
// "why?", "who is he?"), correct it ("no, I meant the attacks"), pick one of a clarify's choices
// ("the troops", "2"), ask for the evidence ("source?", "quote it") or for more ("tell me more"),
// or follow up a fact check ("and in Iraq?" after "check the US has 900 troops in Syria").
// Pure: the message, what the conversation holds and the engine's language in; a reading out.
import { wordTokens } from "../knowledge/text-folding.js";
import { extractDates, extractOrdinal } from "./figures.js";
import type { AnswerStatus } from "./types.js";
import { understand, type Mention, type Understanding } from "./understand.js";
import type { Language } from "./words/language.js";

/** What a conversation keeps between turns: plain JSON, so a shared store can hold it. */
export interface ConversationContext {
  /** Which came last: a question or a fact check. */
  last: "ask" | "check";
  question?: LastQuestion;
  /**
   * The last question answered, when the last one wasn't: a refusal adds nothing to lean on, so
   * after "What was his name?" (not in the sources) "What was he doing?" still means the contractor.
   */
  answered?: LastQuestion;
  /** The last claim checked, as read (a follow-up claim is read into a whole one). */
  claim?: string;
  /** What contradicted it (check.ts contradictionKeys): a follow-up claim asks about what it changes, not that again. */
  contradicted?: string[];
}

export interface LastQuestion {
  /** The question as read: as typed, or how a follow-up was read. */
  text: string;
  understood: Understanding;
  status: AnswerStatus;
  /** The facts answered with, or a clarify's choices, in order. */
  factIds: string[];
  /** Every fact given so far in this conversation: "tell me more" gives another. */
  shown: string[];
  /** Who "he" or "she" is: the people the answer brought up, then those the question named. */
  people: string[];
  /** Who "they" are: groups, likewise. */
  groups: string[];
  /** What "it" is: the things and places the question named. */
  things: string[];
}

export type FollowUp =
  /** Stands on its own: answered as if nothing came before. */
  | { act: "fresh"; text: string }
  /**
   * Leans on the last question. `text` is the message (a correction's marker dropped); `fragment`:
   * no question of its own ("and in Syria?"); `correction`: it replaces part of the last question;
   * `referents`: the entities its pronouns stand for ("he" -> al-sudani).
   */
  | { act: "follow-up"; on: LastQuestion; text: string; fragment: boolean; correction: boolean; referents: string[] }
  /** A clarify's choice by its number or position ("2", "the second one"). */
  | { act: "choice"; factId: string }
  /** "source?", "quote it", "show me the passage": the last answer's evidence. */
  | { act: "evidence"; on: LastQuestion }
  /** "tell me more", "anything else?": another fact on the same subject. */
  | { act: "more"; on: LastQuestion }
  /** "and afterwards?", "what happened next?": what the sources say came after the last answer. */
  | { act: "next"; on: LastQuestion }
  /** A claim to check: one the message makes, or the last claim with what the message changes. */
  | { act: "claim"; claim: string; readAs?: string };

/** Words that ask for the evidence of the last answer. */
const EVIDENCE = new Set(["source", "sources", "sourced", "quote", "quotes", "quoted", "passage", "citation", "citations", "cite", "evidence", "proof", "wording", "verbatim", "link"]);
/** Words that ask for more of the same. */
const MORE = new Set(["more", "else", "detail", "details", "elaborate", "continue", "further", "expand", "info", "information", "context"]);
/** Words that ask what came next. */
const NEXT = new Set(["after", "afterwards", "afterward", "next", "later", "then", "followed", "subsequently"]);
/** Words of a request that say nothing of what is asked. */
const REQUEST = new Set(["tell", "show", "give", "share", "send", "me", "us", "please", "pls", "plz", "thanks", "exact", "full", "actual", "original", "go", "on", "can", "could", "you", "the", "a", "any", "anything", "some", "what", "is", "it", "that", "this", "there", "where", "say", "says", "said", "does", "do", "for", "of", "about"]);

const QUESTION_WORDS = new Set(["what", "whats", "who", "whos", "whom", "whose", "when", "where", "why", "how", "which"]);
const OPENING_VERBS = new Set(["is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "can", "could", "will", "would", "should", "isnt", "arent", "wasnt", "didnt", "hasnt", "havent"]);

/** What leads a follow-up without being part of it: "and", "what about", "same for". */
const FOLLOW_LEAD = /^\s*(?:(?:and|or|but|so|ok|okay|also|then|now)\b[\s,]*)*(?:(?:what|how)\s+about\b|same\s+(?:question\s+)?for\b|as\s+for\b|and\s+for\b)?[\s,:]*/i;
/** How a correction opens or ends: "no, ...", "sorry, I meant ...", "..., actually". */
const CORRECTION_LEAD = /^\s*(?:(?:no|nope|nah|sorry|oops|wait|hmm|actually|rather|correction|i\s+mean[t]?|meant)\b[\s,.!:;-]*)+/i;
const CORRECTION_END = /[\s,]*\b(?:i\s+mean[t]?|actually|instead|rather)\s*[.!?]*\s*$/i;
/** "not Syria, Iraq": the part before the comma is what is taken back. */
const NOT_THIS_BUT = /^\s*not\s+[^,]+,\s*(?:but\s+)?(?:in\s+)?/i;

const PERSONAL = /\b(he|him|his|she|her|hers)\b/i;
const PLURAL = /\b(they|them|their|theirs)\b/i;
const NEUTER = /\b(it|its)\b/i;

/** Does the fact use the term (in its questions, answer, quotes or values)? */
export type UsedBy = (term: string, factId: string) => boolean;

/** What the message does in the conversation, given what the conversation holds. */
export function readFollowUp(message: string, context: ConversationContext | undefined, language: Language, usedBy: UsedBy = () => false): FollowUp {
  const text = message.trim();
  if (!context) return { act: "fresh", text };
  const tokens = wordTokens(text);

  if (context.last === "check" && context.claim && !asksAQuestion(tokens)) return { act: "claim", ...followUpClaim(context.claim, text, language) };

  const corrected = withoutCorrection(text);
  const correction = corrected !== text && corrected.length > 0;
  // A correction corrects the last question; anything else leans on the last one answered.
  const last = context.question?.status === "no_answer" && !correction && context.answered ? context.answered : context.question;
  if (!last) return { act: "fresh", text };
  const request = tokens.filter((token) => !REQUEST.has(token) && !language.stopwords.has(token));
  if (last.status === "answered" && asksForEvidence(tokens, request, last, language, usedBy)) return { act: "evidence", on: last };
  if (last.status === "answered" && (request.length > 0 ? request.every((token) => MORE.has(token)) : tokens.includes("more") || tokens.includes("else"))) return { act: "more", on: last };

  // "and afterwards?", "what happened next?": words for what came after, and nothing else asked.
  const afterWords = tokens.filter((token) => NEXT.has(token));
  const asksOtherwise = tokens.some((token) => QUESTION_WORDS.has(token) && token !== "what" && token !== "whats");
  if (last.status === "answered" && afterWords.length > 0 && !asksOtherwise && tokens.every((token) => NEXT.has(token) || language.stopwords.has(token) || REQUEST.has(token))) return { act: "next", on: last };
  if (last.status === "clarify") {
    const picked = pickedChoice(tokens, last.factIds.length);
    if (picked !== undefined) return { act: "choice", factId: last.factIds[picked]! };
  }

  const own = correction ? corrected : text;
  const understood = understood_(own, language);
  const referents = referentsOf(own, understood, last);
  // A fragment that opens with "and", "what about" or names only what changes ("the houthis?",
  // "the second?") leans on the last question; one that says what it asks ("number of US troops in
  // Syria") stands on its own.
  const ownWords = understood.terms.filter((term) => !term.startsWith("@") && !term.startsWith("!") && extractOrdinal([term]) === undefined);
  const fragment = isFragment(own, understood, language) && (FOLLOW_LEAD.exec(own)![0].trim() !== "" || (ownWords.length === 0 && (understood.terms.length > 0 || asksSomething(own))) || correction || last.status === "clarify");
  // After a clarify, whatever the message says is read as a choice among its readings.
  if (fragment || correction || last.status === "clarify" || referents.length > 0 || leansOnLast(understood, own, language)) {
    return { act: "follow-up", on: last, text: own, fragment, correction, referents };
  }
  return { act: "fresh", text };
}

/**
 * "source?", "quote it", "according to whom?", "who made that claim?", "the exact quote about the
 * pressure": the evidence of the last answer. The words of the request are words for evidence or
 * for saying, besides words the last answer's facts use.
 */
function asksForEvidence(tokens: readonly string[], request: readonly string[], last: LastQuestion, language: Language, usedBy: UsedBy): boolean {
  if (request.length === 0) return tokens.includes("according");
  // Words for saying ask for the evidence only in "who said that?", "who made that claim?".
  const asksWho = tokens.some((token) => token === "who" || token === "whom");
  const evidence = request.filter((token) => EVIDENCE.has(token) || (asksWho && language.isSpeechVerb(token)));
  if (evidence.length === 0) return false;
  const rest = request.filter((token) => !evidence.includes(token));
  const answered = new Set(last.understood.terms);
  return rest.every((token) => answered.has(language.read(token).term) || last.factIds.some((factId) => usedBy(language.read(token).term, factId)));
}

/** A wh-word, or an opening verb with a question mark ("is that right?"): a question, not a claim. */
function asksAQuestion(tokens: readonly string[]): boolean {
  const lead = tokens.findIndex((token) => /[a-z0-9]/i.test(token) && !/^(and|so|but|ok|okay|then|also|now)$/.test(token));
  const first = tokens[lead];
  if (first === undefined) return false;
  if (first === "what" && tokens[lead + 1] === "about") return false; // "what about Iraq?" changes the claim
  return QUESTION_WORDS.has(first) || (OPENING_VERBS.has(first) && !PLURAL.test(first));
}

/** "2", "#2", "the second one", "option 1": a choice among `count` by its position. */
function pickedChoice(tokens: readonly string[], count: number): number | undefined {
  const content = tokens.filter((token) => !/^(the|one|option|number|no|choice|#|please|pls|that|i|mean|meant)$/.test(token));
  if (content.length !== 1) return undefined;
  const word = content[0]!;
  const position = /^\d$/.test(word) ? Number(word) : extractOrdinal([word]) === "last" ? count : (extractOrdinal([word]) as number | undefined);
  return position !== undefined && position >= 1 && position <= count ? position - 1 : undefined;
}

/** The message without the words that mark it as a correction ("no, I meant the attacks" -> "the attacks"). */
export function withoutCorrection(text: string): string {
  return text.replace(CORRECTION_LEAD, "").replace(CORRECTION_END, "").replace(NOT_THIS_BUT, "").trim();
}

const DETERMINERS = new Set(["the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "any", "some", "which", "what", "of"]);

/**
 * A fragment asks nothing of its own: no question word, no opening verb, no verb at all ("and in
 * Syria?", "the second?", "Attacks.", "in the hospital explosion"). It means the last question,
 * with what it names changed or added.
 */
export function isFragment(text: string, understood: Understanding, language: Language): boolean {
  const tokens = wordTokens(text.replace(FOLLOW_LEAD, ""));
  if (tokens.length === 0) return false;
  if (QUESTION_WORDS.has(tokens[0]!) || OPENING_VERBS.has(tokens[0]!)) return false;
  const named = new Set((understood.question?.mentions ?? []).flatMap((mention) => (understood.question?.tokens ?? []).slice(mention.start, mention.end)));
  // A word after a determiner is a noun ("the strikes").
  return !tokens.some((token, i) => !named.has(token) && !language.stopwords.has(token) && !DETERMINERS.has(tokens[i - 1] ?? "") && language.mostlyVerb(token));
}

/**
 * A question that points back ("why then?", "who made that claim?", "what was he doing?"), or
 * asks nothing of its own ("what was hit?", "how many were in Iraq?"), leans on the last one.
 */
function leansOnLast(understood: Understanding, text: string, language: Language): boolean {
  const own = understood.terms.filter((term) => !term.startsWith("@") && !term.startsWith("!"));
  if (pointsBack(wordTokens(text), language)) return true;
  if (understood.elsewhere.length > 0) return false;
  // "how many were in Iraq?": a count of nothing named.
  if (understood.type === "count" && own.length === 0) return true;
  if (understood.entities.length > 0) return false;
  // Nothing of its own: a bare question ("why?", "really?") leans on the last one; "thanks", "ok
  // great" ask nothing at all.
  return own.length === 0 && asksSomething(text);
}

/** Is the message put as a question: a question mark, or a question word ("why", "when")? "thanks", "ok great" are not. */
function asksSomething(text: string): boolean {
  return /\?\s*$/.test(text) || wordTokens(text).some((token) => QUESTION_WORDS.has(token));
}

/** Words a request to FactDesk opens with: "tell me", "check", "source", "and ...", "what about". */
const REQUEST_OPENINGS = new Set(["tell", "show", "give", "explain", "list", "check", "verify", "fact", "source", "sources", "quote", "more", "and", "same", "no", "not"]);
const CLAUSE_LEAD = new Set(["so", "ok", "okay", "then", "also", "now", "but", "well", "hmm", "please", "pls", "hey", "actually", "sorry", "wait"]);

/**
 * Is the message put to FactDesk as a question or request: a question mark, or a clause opening
 * with a question word ("how many were in Iraq"), a verb that asks ("did the US ..."), or a request
 * ("check ...", "source", "and in Syria", "no, the strikes")? "thanks, that's what I needed" is not:
 * in a thread, such talk is between people.
 */
export function putAsRequest(text: string): boolean {
  if (/\?\s*$/.test(text)) return true;
  return text.split(/[,;:.!]+/).some((clause) => {
    const first = wordTokens(clause).find((token) => !CLAUSE_LEAD.has(token));
    return first !== undefined && (QUESTION_WORDS.has(first) || OPENING_VERBS.has(first) || REQUEST_OPENINGS.has(first));
  });
}

/** Words that point back at what was said before. */
const POINTS_BACK = new Set(["that", "this", "then", "there", "it", "its", "they", "them", "their", "he", "him", "his", "she", "her", "those", "these", "else", "afterwards", "afterward", "same"]);
const BE = new Set(["is", "are", "was", "were", "be", "been"]);
const DEMONSTRATIVES = new Set(["this", "that", "these", "those"]);

/** Does a word point back: not "there" after "is" ("were there"), nor "that" after a verb of speech ("said that")? */
function pointsBack(tokens: readonly string[], language: Language): boolean {
  return tokens.some((token, i) => {
    if (!POINTS_BACK.has(token)) return false;
    const before = tokens[i - 1] ?? "";
    if (token === "there" && BE.has(before)) return false;
    if (token === "that" && (language.isSpeechVerb(before) || language.mostlyVerb(before))) return false;
    // "this story", "that day": a demonstrative before a noun names what it means; alone it points back.
    const after = tokens[i + 1];
    if (DEMONSTRATIVES.has(token) && after !== undefined && !language.stopwords.has(after) && language.partsOfSpeech(after).has("n")) return false;
    return true;
  });
}

/** The entities the message's pronouns stand for, when it doesn't name them itself. */
function referentsOf(text: string, understood: Understanding, last: LastQuestion): string[] {
  const named = new Set(understood.entities);
  const referents: string[] = [];
  const add = (candidates: readonly string[]) => {
    const first = candidates.find((entityId) => !named.has(entityId));
    if (first && !candidates.some((entityId) => named.has(entityId))) referents.push(first);
  };
  if (PERSONAL.test(text)) add(last.people);
  if (PLURAL.test(text)) add(last.groups);
  if (NEUTER.test(text) && !/\b(it|its)\s+(happen|start|begin|end|take)/i.test(text)) add(last.things);
  return referents;
}

// ---------------------------------------------------------------------------------------------
// Reading one text through another: "and in Syria?" said of "how many attacks since Oct. 17?"

/** The words before a place that make it where something is. */
const LOCATIVE_BEFORE = /\b(?:in|inside|at|near|into|across|throughout|from|to|on)\s+(?:the\s+|eastern\s+|western\s+|northern\s+|southern\s+)?$/i;

/** Does the text after a name open with the noun it qualifies ("US| forces on bases")? */
function qualifiesNoun(after: string, language: Language): boolean {
  const next = /^\s+([a-z][a-z'-]*)/i.exec(after)?.[1]?.toLowerCase();
  return next !== undefined && !language.stopwords.has(next) && !language.mostlyVerb(next) && language.partsOfSpeech(next).has("n");
}

/** A figure as one word: "40", "2,000", "forty" (not "one", which is mostly a pronoun: "the Syrian one"). */
const FIGURE = /^(?:\d[\d,.]*|zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)$/;

/** Texts a follow-up reads several times (the last question, the fragment), read once: the last 256, across turns (understanding is pure). */
const readTexts = new WeakMap<Language, Map<string, Understanding>>();
function understood_(text: string, language: Language): Understanding {
  let texts = readTexts.get(language);
  if (!texts) readTexts.set(language, (texts = new Map()));
  let read = texts.get(text);
  if (!read) {
    read = understand(text, language, { correctTypos: true });
    if (texts.size >= 256) texts.clear();
    texts.set(text, read);
  }
  return read;
}

/** A place in a text where something was named: a name, a date, an ordinal or a figure, [start, end) in characters. */
interface Piece {
  kind: "place" | "name" | "date" | "ordinal" | "figure";
  entityId?: string;
  start: number;
  end: number;
}

/**
 * The earlier text with what the later one names put in place of what it named of the same kind
 * (a place for a place, a name for a name, a date for a date, an ordinal for an ordinal); what has
 * no counterpart is added at the end. Undefined when the later text names nothing.
 */
export function readThrough(earlier: string, later: string, language: Language, isPlace: (entityId: string) => boolean): string | undefined {
  const laterText = later.replace(FOLLOW_LEAD, "").replace(/[?.!\s]+$/, "");
  const from = piecesOf(earlier, language, isPlace);
  const to = piecesOf(laterText, language, isPlace);
  if (to.length === 0) return undefined;
  const replacements: { start: number; end: number; text: string }[] = [];
  const appended: string[] = [];
  const used = new Set<Piece>();
  for (const piece of to) {
    const written = laterText.slice(piece.start, piece.end);
    let sameKind = from.filter((old) => old.kind === piece.kind && !used.has(old));
    // A place where something is ("in Iraq") gives way to a new place, else the last that stands
    // as a noun ("did the US strike Syria?"); one that qualifies a noun ("US forces") stays.
    if (piece.kind === "place") {
      const standing = sameKind.filter((old) => !qualifiesNoun(earlier.slice(old.end), language));
      const located = standing.filter((old) => LOCATIVE_BEFORE.test(earlier.slice(0, old.start)));
      sameKind = located.length > 0 ? located.slice(0, 1) : standing.slice(-1);
    }
    if (sameKind.length === 0) {
      // A figure replaces the earlier one ("and 40 in Syria?" said of a claim); with none there, it has no place.
      if (piece.kind === "figure") continue;
      // A place or a date comes with its preposition ("in Syria", "on Nov. 8"): keep what led it.
      // "tell me about Iraq" names a topic, not where: its place comes in as "in Iraq".
      const leads = piece.kind === "place" ? /\b(in|inside|at|near|from|across|throughout)\s+(?:the\s+)?$/i : /\b(in|on|at|since|from|before|after|by|during|for|of|about)\s+(?:the\s+)?$/i;
      const lead = leads.exec(laterText.slice(0, piece.start))?.[0] ?? (piece.kind === "place" ? "in " : piece.kind === "date" ? "on " : "");
      appended.push(`${lead}${written}`);
      continue;
    }
    // The first of its kind takes the new one's place; the others of its kind go, with the "and" before them.
    sameKind.forEach((old, i) => {
      used.add(old);
      replacements.push({ start: old.start, end: old.end, text: i === 0 ? written : "" });
    });
  }
  let result = earlier;
  for (const { start, end, text } of replacements.sort((a, b) => b.start - a.start)) {
    const before = text === "" ? result.slice(0, start).replace(/\s*(?:,|\band\b|\bor\b|&)\s*$/i, "") : result.slice(0, start);
    result = before + text + result.slice(end);
  }
  result = result.replace(/\s{2,}/g, " ").trim();
  if (appended.length > 0) {
    const end = /[?.!]+$/.exec(result)?.[0] ?? "";
    result = `${result.slice(0, result.length - end.length).trimEnd()} ${appended.join(" ")}${end}`;
  }
  return result;
}

/** Prepositions a fragment may open with ("in the hospital explosion"): it adds to the question. */
const PREPOSITION = /^(in|on|at|during|from|since|before|after|for|with|by|near|inside|outside|against|about|of|over|among|between)\b/i;
/** Words that open a count phrase ("the number of American troops"). */
const COUNT_PHRASE = /^(?:the\s+)?(?:number|count|total|tally)\s+of\s+|^how\s+many\s+/i;
/** Words that end a count's phrase in the earlier question ("how many American soldiers | are based in Syria"). */
const COUNTED_END = /\s+(?:is|are|r|was|were|have|has|had|do|does|did|in|on|at|from|since|during|by|for|against|to|there|near|inside|so)\b/i;

/**
 * A fragment read into the earlier question, as a whole question: what it names put in place of
 * what the earlier one named ("and in Syria?"), a count's new subject in place of the old one
 * ("the troops", "no, I meant the attacks", "and the tally of US soldiers there?"), people
 * in place of the earlier speaker ("and the critics?"), or a phrase added ("in the hospital
 * explosion"). Undefined when the fragment gives nothing to put in.
 */
export function readFragment(earlier: { text: string; understood: Understanding }, fragment: string, language: Language): string | undefined {
  const isPlace = (entityId: string) => language.places.has(entityId);
  const phrase = fragment
    .replace(FOLLOW_LEAD, "")
    .replace(/[?.!\s]+$/, "")
    .replace(/\s+(?:there|then|too|instead|as well|again)$/i, "")
    .trim();
  if (!phrase) return undefined;
  const understood = understood_(phrase, language);
  const own = understood.terms.filter((term) => !term.startsWith("@") && !term.startsWith("!"));
  const head = own[own.length - 1];
  const pieces = piecesOf(phrase, language, isPlace);
  // "in Syria", "on Nov. 8": a place or a date for the earlier one's; "in the hospital explosion": more said.
  if (PREPOSITION.test(phrase) && own.length > 0 && pieces.length === 0) {
    return appendTo(earlier.text, phrase);
  }
  // A count of something else: the fragment's phrase is what is counted now.
  const counted = phrase.replace(COUNT_PHRASE, "").replace(/^(?:the|a|an)\s+/i, "");
  if (earlier.understood.type === "count" && own.length > 0 && !PREPOSITION.test(phrase)) {
    const recounted = withCounted(earlier.text, counted);
    if (recounted) {
      // Its places and dates still replace the earlier ones ("the number of troops in Iraq").
      const placed = pieces.filter((piece) => piece.kind !== "name");
      return placed.length > 0 ? (readThrough(recounted, placed.map((piece) => phrase.slice(piece.start, piece.end)).join(" "), language, isPlace) ?? recounted) : recounted;
    }
  }
  // "and the critics?": people who speak in place of the earlier ones named.
  if (head && own.length <= 2 && understood.entities.length === 0 && language.namesPeople(head)) {
    const names = piecesOf(earlier.text, language, isPlace).filter((piece) => piece.kind === "name");
    if (names.length > 0) return replacePieces(earlier.text, names, phrase);
  }
  return readThrough(earlier.text, fragment, language, isPlace);
}

/**
 * "they" and "them" read as what the earlier count counted, and "there" as where it was: "why are
 * they there?" said of "how many American soldiers are based in Iraq?" is "why are the American soldiers in Iraq?".
 * Undefined when the earlier question counted nothing or the text has no such pronoun.
 */
export function readCountedPronouns(earlier: string, text: string, language: Language, isPlace: (entityId: string) => boolean): string | undefined {
  const opening = /\bhow\s+many\s+/i.exec(earlier);
  if (!opening || !/\b(they|them)\b/i.test(text)) return undefined;
  const after = earlier.slice(opening.index + opening[0].length);
  // "how many of the attacks hit Iraq": what is counted is "attacks", up to its verb; "how many times" counts no thing.
  const phrase = after.replace(/^of\s+(?:the\s+)?/i, "");
  const words = phrase.slice(0, COUNTED_END.exec(phrase)?.index ?? phrase.search(/[?.!]|$/)).trim().split(/\s+/);
  const verbAt = words.findIndex((word, k) => k > 0 && language.mostlyVerb(word.toLowerCase()));
  const counted = (verbAt > 0 ? words.slice(0, verbAt) : words).join(" ");
  if (!counted || /^times?\b/i.test(counted)) return undefined;
  let read = text.replace(/\b(they|them)\b/gi, `the ${counted}`);
  const place = piecesOf(earlier, language, isPlace).find((piece) => piece.kind === "place" && LOCATIVE_BEFORE.test(earlier.slice(0, piece.start)));
  const where = place ? /\b(?:in|inside|at|near|into|across|throughout|from|to|on)\s+(?:the\s+)?$/i.exec(earlier.slice(0, place.start))?.[0] : undefined;
  // "there" after a verb says where ("are they there?"); "are there" opens a question and stays.
  if (place && where) read = read.replace(/(?<!\b(?:is|are|was|were)\s)\bthere\b/i, `${where}${earlier.slice(place.start, place.end)}`);
  return read;
}

/** The earlier count question with another subject: "how many in Syria?" + "troops" -> "how many troops in Syria?". */
function withCounted(earlier: string, counted: string): string | undefined {
  const opening = /\bhow\s+many\b/i.exec(earlier);
  if (!opening) return undefined;
  const after = earlier.slice(opening.index + opening[0].length);
  const end = COUNTED_END.exec(after);
  const rest = end ? after.slice(end.index) : after.replace(/^[^?.!]*/, "");
  return `${earlier.slice(0, opening.index + opening[0].length)} ${counted}${rest}`.replace(/\s{2,}/g, " ");
}

/** The earlier text with a phrase added before its closing mark. */
function appendTo(earlier: string, phrase: string): string {
  const end = /[?.!]+\s*$/.exec(earlier)?.[0] ?? "";
  return `${earlier.slice(0, earlier.length - end.length).trimEnd()} ${phrase}${end.trim()}`;
}

/** The text with the first piece replaced by the phrase and the others dropped (with the "and" before them). */
function replacePieces(text: string, pieces: readonly Piece[], phrase: string): string {
  let result = text;
  [...pieces].sort((a, b) => b.start - a.start).forEach((piece, i, sorted) => {
    const first = i === sorted.length - 1;
    const before = first ? result.slice(0, piece.start) : result.slice(0, piece.start).replace(/\s*(?:,|\band\b|\bor\b|&)\s*$/i, "");
    result = before + (first ? phrase : "") + result.slice(piece.end);
  });
  return result.replace(/\s{2,}/g, " ").trim();
}

/** The names, dates and ordinals of a text, where they were written. */
function piecesOf(text: string, language: Language, isPlace: (entityId: string) => boolean): Piece[] {
  const pieces: Piece[] = extractDates(text).spans.map((span) => ({ kind: "date" as const, start: span.start, end: span.end }));
  const inDate = (start: number) => pieces.some((piece) => start >= piece.start && start < piece.end);
  const words = wordsWithOffsets(text);
  const understood = understood_(text, language);
  const reading = understood.question;
  for (const mention of reading?.mentions ?? []) {
    const at = findSequence(words, reading!.tokens.slice(mention.start, mention.end));
    if (!at || inDate(at.start)) continue;
    pieces.push({ kind: placeOf(mention, isPlace) ? "place" : "name", entityId: mention.entityId, ...at });
  }
  // Places the sources don't cover ("Jordan") are names too: "and Jordan?" after a claim about Syria.
  for (const place of understood.elsewhere) {
    const at = findSequence(words, wordTokens(place.replace(/^!/, "")));
    if (at && !inDate(at.start)) pieces.push({ kind: "place", ...at });
  }
  for (const word of words) {
    if (inDate(word.start)) continue;
    if (extractOrdinal([word.token]) !== undefined) pieces.push({ kind: "ordinal", start: word.start, end: word.end });
    else if (FIGURE.test(word.token)) pieces.push({ kind: "figure", start: word.start, end: word.end });
  }
  return pieces.sort((a, b) => a.start - b.start);
}

const placeOf = (mention: Mention, isPlace: (entityId: string) => boolean) => !mention.metonym && isPlace(mention.entityId);

interface Word {
  token: string;
  start: number;
  end: number;
}

/** The text's word tokens (as wordTokens folds them) with where each was written. */
function wordsWithOffsets(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(/\d{1,3}(?:,\d{3})+|(?:\p{L}\.){2,}|[\p{L}\p{N}#&'\u2019]+/gu)) {
    const start = match.index!;
    const folded = wordTokens(match[0]);
    for (const token of folded) words.push({ token, start, end: start + match[0].length });
  }
  return words;
}

/** Where a run of tokens occurs among the words, as characters. */
function findSequence(words: readonly Word[], tokens: readonly string[]): { start: number; end: number } | undefined {
  if (tokens.length === 0) return undefined;
  for (let i = 0; i + tokens.length <= words.length; i++) {
    if (tokens.every((token, j) => words[i + j]!.token === token)) return { start: words[i]!.start, end: words[i + tokens.length - 1]!.end };
  }
  return undefined;
}

/**
 * A follow-up to a fact check, as a whole claim. A fragment ("and in Syria?", "what about Iraq?")
 * or a clause that points back and says little else ("it happened in 2019", "and the second was on
 * Nov. 10") changes the last claim; a clause of its own ("and it led to calls for US troops to
 * leave") is checked as it stands, without its leading "and".
 */
function followUpClaim(earlier: string, text: string, language: Language): { claim: string; readAs?: string } {
  // "no, in Iraq", "I meant in Syria": a correction of the claim reads like any other follow-up of it.
  const own = withoutCorrection(text).replace(FOLLOW_LEAD, "").replace(/[?]+$/, "").trim();
  const understood = understand(own, language, { correctTypos: true });
  const content = understood.terms.filter((term) => !term.startsWith("@") && !term.startsWith("!"));
  const pointsBack = /^(it|that|this|they|he|she|the\s+\w+)\b/i.test(own);
  if (isFragment(own, understood, language) || (pointsBack && content.length <= 1)) {
    const claim = readThrough(earlier, own, language, (entityId) => language.places.has(entityId));
    if (claim) return { claim, readAs: claim };
  }
  return { claim: own };
}
