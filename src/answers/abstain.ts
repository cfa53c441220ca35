// Step 4: answer, ask which one was meant, or say the sources don't cover it. Every "my sources
// don't cover that" rule lives here, each named with its reason (as Rasa's FallbackClassifier
// holds the whole fallback decision): first the rules about the question alone, then the rules a
// candidate fact must pass, then the score thresholds. The decision says which rule made it.
import { ENGINE_CONFIG } from "./config.js";
import type { FactIndex, IndexedFact, Measure } from "./fact-index.js";
import { earliestDay, extractDates, extractNumbers, isMonthWord, sameDate, type ClaimDate } from "./figures.js";
import type { Candidate } from "./retrieve.js";
import { entityTerm, isEntityTerm, type AskedTerm, type QuestionReading, type Understanding } from "./understand.js";
import type { Language } from "./words/language.js";

export const ABSTENTION_RULES = Object.freeze({
  "nothing-asked": "the message has no word to look up",
  "out-of-scope-place": "it names a place the sources don't cover",
  "unknown-name": "it names someone or something the sources never mention",
  "after-the-sources": "it asks about a time after the sources' as-of date",
  "entity-not-covered": "the best fact is not about a person, group or place the question names",
  "thing-not-covered": "the best fact doesn't mention a thing the question asks about",
  "count-not-covered": "the best fact counts something else, or nothing",
  "date-not-covered": "the best fact is not about the date the question names",
  "figure-not-covered": "the best fact doesn't give the figure the question names",
  "focus-not-covered": "the best fact doesn't speak of what the question asks for",
  "event-not-covered": "the best fact gives the date, place or person of another event",
  "ordinal-not-covered": "the best fact is not about the first, second ... or latest one the question asks for",
  "speaker-not-covered": "the sources don't quote the one the question says spoke",
  "statement-not-covered": "the best fact doesn't speak to a word of what the yes/no question states",
  "low-score": "no fact matches the question well enough",
} as const);

export type AbstentionRule = keyof typeof ABSTENTION_RULES;

export type Decision =
  | { status: "answered"; best: Candidate; rejected: Rejection[]; passing: Candidate[] }
  | { status: "clarify"; options: Candidate[]; rejected: Rejection[] }
  | { status: "no_answer"; near: Candidate[]; rule: AbstentionRule; detail: string; rejected: Rejection[] };

/** A candidate a rule turned down, and why: for --explain and for the next candidate's chance. */
export interface Rejection {
  candidate: Candidate;
  rule: AbstentionRule;
  detail: string;
}

export interface DecisionContext {
  index: FactIndex;
  language: Language;
  /** The last day the sources cover (their latest as-of date, YYYY-MM-DD), and the story's year. */
  coveredUntil: string;
  storyYear: number;
  /** The decision's two thresholds (ENGINE_CONFIG's, fitted by scripts/fit-thresholds.ts). */
  thresholds: { minScoreToAnswer: number; clarifyRatio: number; minScoreIfClear: number; clearMargin: number };
}

/** Units of time: a "how long" question is answered by a count of one of these. */
const DURATION = /\b(days?|weeks?|months?|years?|hours?|minutes?)\b/;
const ORDINAL_WORDS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

export interface DecideOptions {
  /** A fact to stay with if it answers this question too (the fact the earlier question was answered with). */
  preferFact?: number;
}

export function decide(question: Understanding, ranked: readonly Candidate[], context: DecisionContext, options: DecideOptions = {}): Decision {
  const near = () => ranked.filter((candidate) => candidate.score >= ENGINE_CONFIG.minScoreToSuggest).slice(0, ENGINE_CONFIG.followUps);
  const refuse = (rule: AbstentionRule, detail: string, rejected: Rejection[] = []): Decision => ({ status: "no_answer", near: near(), rule, detail, rejected });
  const reading = question.question;
  if (question.terms.length === 0) return refuse("nothing-asked", "no content word");
  if (question.elsewhere.length > 0) return refuse("out-of-scope-place", question.elsewhere.map((place) => place.replace(/^!/, "")).join(", "));
  if (reading && reading.unknownNames.length > 0) return refuse("unknown-name", reading.unknownNames.join(", "));
  const late = reading?.dates.find((date) => date.relation !== "before" && earliestDay(date, context.storyYear) > context.coveredUntil);
  if (late) return refuse("after-the-sources", describeDate(late));

  const rejected: Rejection[] = [];
  const passing: Candidate[] = [];
  const lowest = Math.min(context.thresholds.minScoreIfClear, context.thresholds.minScoreToAnswer);
  for (const candidate of ranked) {
    if (candidate.score < lowest) break;
    const failure = reading ? firstFailure(question, candidate, context) : undefined;
    if (failure) rejected.push({ candidate, ...failure });
    else passing.push(candidate);
  }
  // A candidate far ahead of the rest that the rules let through is answered from a lower score
  // than one among equals; the candidates the rules turned down don't count against it.
  const runnerUp = passing[1]?.score ?? ranked.find((candidate) => candidate.score < lowest)?.score ?? 0;
  const clear = passing[0] !== undefined && passing[0].score >= runnerUp * context.thresholds.clearMargin;
  const floor = clear ? lowest : context.thresholds.minScoreToAnswer;
  while (passing.length > 0 && passing[passing.length - 1]!.score < floor) passing.pop();
  // A refusal names the rule of a candidate that could have been answered, not of one too weak anyway.
  const rankedClear = ranked[0] !== undefined && ranked[0].score >= (ranked[1]?.score ?? 0) * context.thresholds.clearMargin;
  if (!clear && !rankedClear) rejected.splice(0, rejected.length, ...rejected.filter((rejection) => rejection.candidate.score >= floor));
  // "how many in Syria?", "how many were killed?": a count of nothing named, where the sources count several things.
  const counts = vagueCount(question, ranked, context);
  if (counts.length > 1) return { status: "clarify", options: counts.slice(0, ENGINE_CONFIG.clarifyChoices), rejected };
  // "what kind of injuries": among close candidates, the ones that name that kind of thing.
  const category = reading?.category;
  if (category && passing.length > 1) {
    const fitting = passing.filter((candidate) => namesOneOf(context.index.facts[candidate.factIndex]!, category, context.language));
    if (fitting.length > 0 && fitting[0]!.score >= passing[0]!.score * context.thresholds.clarifyRatio) passing.splice(0, passing.length, ...fitting);
  }
  // The second half of "When was the explosion, and how many died?" is about the same fact, when it can be.
  const preferred = options.preferFact !== undefined ? passing.find((candidate) => candidate.factIndex === options.preferFact) : undefined;
  if (preferred && preferred.score >= passing[0]!.score * ENGINE_CONFIG.stayWithRatio) return { status: "answered", best: preferred, rejected, passing };
  const [best, second] = passing;
  if (!best) {
    if (rejected[0]) return refuse(rejected[0].rule, rejected[0].detail, rejected);
    return refuse("low-score", `best score ${(ranked[0]?.score ?? 0).toFixed(2)} < ${context.thresholds.minScoreToAnswer}`, rejected);
  }
  // Only a question that says little ("how many in Syria?") is ambiguous; a fuller one takes its best fact.
  const ownWords = question.terms.filter((term) => !isEntityTerm(term) && !term.startsWith("!")).length;
  if (second && ownWords <= ENGINE_CONFIG.clarifyAtMostWords && second.score >= best.score * context.thresholds.clarifyRatio) {
    const options = passing.filter((candidate) => candidate.score >= best.score * context.thresholds.clarifyRatio);
    return { status: "clarify", options: options.slice(0, ENGINE_CONFIG.clarifyChoices), rejected };
  }
  return { status: "answered", best, rejected, passing };
}

/**
 * The candidates a count of nothing named may mean: facts that count something, in the place
 * asked about and of what the question says happened ("killed"), which cover all the question
 * says: the best of each thing counted. Empty when the question names what it counts.
 */
function vagueCount(question: Understanding, ranked: readonly Candidate[], context: DecisionContext): Candidate[] {
  const reading = question.question;
  if (question.type !== "count" || !reading || reading.countedTerms.length > 0 || reading.countsEvents) return [];
  const places = question.entities.filter((entityId) => context.language.places.has(entityId));
  const byHead = new Map<string, Candidate>();
  for (const candidate of ranked) {
    if (candidate.score < ENGINE_CONFIG.minScoreToSuggest || candidate.recall < 0.99) continue;
    const entry = context.index.facts[candidate.factIndex]!;
    const measure = entry.measures.find(
      (m) => m.type === "count" && m.value?.kind === "count" && (!m.place || places.length === 0 || places.includes(m.place)) && (!reading.predicate || m.terms.has(reading.predicate)),
    );
    const head = measure && [...measure.heads].sort().join(" ");
    if (!head || byHead.has(head) || firstFailure(question, candidate, context)) continue;
    byHead.set(head, candidate);
  }
  return [...byHead.values()];
}

/** The first rule this candidate fails, if any: what the question asks that the fact doesn't say. */
function firstFailure(question: Understanding, candidate: Candidate, context: DecisionContext): { rule: AbstentionRule; detail: string } | undefined {
  const { index, language } = context;
  const reading = question.question!;
  const entry = index.facts[candidate.factIndex]!;
  const uses = (term: string) => factUses(index, term, candidate.factIndex);

  for (const entityId of question.entities) {
    if (entry.entities.has(entityId)) continue;
    const share = (index.postings.get(entityTerm(entityId))?.length ?? 0) / index.facts.length;
    if (share < ENGINE_CONFIG.storyWideShare) return { rule: "entity-not-covered", detail: entityId };
  }

  // A thing the facts never name ("embassy", "cost", "aircraft carrier"); a word they do use is the score's business.
  for (const asked of reading.asked) {
    if (!asked.specific || asked.known || isEntityTerm(asked.term) || covers(asked, uses)) continue;
    // "which district", "what fallout": the kind of answer asked for; a fact naming a district answers it.
    if (asked.term === reading.category) continue;
    return { rule: "thing-not-covered", detail: asked.word };
  }

  if (question.type === "count") {
    const failure = countFailure(question, entry, index, language);
    if (failure) return { rule: "count-not-covered", detail: failure };
  }

  // "Which base was he at?": a fact that names no base (or other thing of the kind asked for) doesn't answer it.
  if (reading.category && !isEntityTerm(reading.category) && (question.type === "where" || question.type === "who") && !namesOneOf(entry, reading.category, language)) {
    return { rule: "focus-not-covered", detail: `no ${reading.category} named` };
  }

  // "What is the weather in Baghdad?": what a what-question asks for must be something the fact speaks of.
  const focus = reading.focus === undefined ? undefined : reading.asked.find((asked) => asked.word === reading.focus || asked.word.startsWith(`${reading.focus} `));
  if (focus && !isEntityTerm(focus.term) && !covers(focus, uses)) return { rule: "focus-not-covered", detail: focus.word };

  // "What was the name of the contractor?": only a fact that names someone (or something) in that role answers it.
  if (reading.asksName && !entry.fact.values.some((value) => (value.kind === "person" || value.kind === "group") && namesRole(value.of, reading, language))) {
    return { rule: "focus-not-covered", detail: "the fact names no one in that role" };
  }

  // "Who is the commander of the Quds Force now?": a fact about 2020 says who was, not who is.
  if (reading.asksNow) {
    const years = factValueDates(entry).map((iso) => Number(iso.slice(0, 4)));
    if (years.length > 0 && years.every((year) => year < context.storyYear)) return { rule: "date-not-covered", detail: `the fact is about ${Math.max(...years)}, not now` };
  }

  // "When was Al-Asad built?", "Who founded Asaib?": the date, place or person the fact gives is of another event.
  if ((question.type === "when" || question.type === "where" || question.type === "who") && reading.predicate && !reading.category) {
    const verb = reading.asked.find((asked) => asked.term === reading.predicate);
    if (verb && !(verb.known ? uses(verb.term) : covers(verb, uses))) return { rule: "event-not-covered", detail: verb.word };
  }

  if (reading.asksHowLong && !entry.fact.values.some((value) => value.kind === "count" && DURATION.test(value.of))) {
    return { rule: "count-not-covered", detail: "the fact gives no length of time" };
  }
  if (reading.asksExactDay && !entry.fact.values.some((value) => value.kind === "date" && /^\d{4}-\d{2}-\d{2}$/.test(String(value.value)))) {
    return { rule: "date-not-covered", detail: "the fact gives no exact day" };
  }

  // "before Oct. 17": a fact whose dates all fall on or after it speaks of later.
  const before = reading.dates.find((date) => date.relation === "before");
  if (before) {
    const known = factValueDates(entry);
    const day = earliestDay(before, context.storyYear);
    if (known.length > 0 && known.every((iso) => iso >= day.slice(0, iso.length))) return { rule: "date-not-covered", detail: `before ${describeDate(before)}` };
  }

  // "since mid-October", "after Oct. 7": a fact whose dates all fall before it speaks of earlier; one of the time since is about it.
  const since = reading.dates.find((date) => date.relation === "since" || date.relation === "after");
  if (since) {
    const known = factValueDates(entry);
    const day = earliestDay(since, context.storyYear);
    if (known.length > 0 && known.every((iso) => iso < day.slice(0, iso.length))) return { rule: "date-not-covered", detail: `since ${describeDate(since)}` };
  }

  const dates = reading.dates.filter((date) => date.relation !== "before" && date.relation !== "after" && date.relation !== "since");
  if (dates.length > 0) {
    const known = factDates(entry);
    const missing = dates.find((date) => !known.some((iso) => sameDate(date, iso)));
    if (missing) return { rule: "date-not-covered", detail: describeDate(missing) };
  }

  if (question.type !== "yesno" && reading.numbers.length > 0) {
    const known = factNumbers(entry);
    const missing = reading.numbers.find((number) => !known.includes(number));
    if (missing !== undefined) return { rule: "figure-not-covered", detail: String(missing) };
  }

  if (reading.ordinal !== undefined) {
    const word = reading.ordinal === "last" ? undefined : ORDINAL_WORDS[reading.ordinal];
    const text = factText(entry);
    const found = reading.ordinal === "last" ? /\b(last|latest|third|most recent|final)\b/.test(text) : word !== undefined && new RegExp(`\\b${word}\\b`).test(text);
    if (!found) return { rule: "ordinal-not-covered", detail: String(reading.ordinal) };
  }

  // A yes/no question states something: the fact must speak to nearly all of it, or it answers another question.
  if (question.type === "yesno") {
    const known = reading.asked.filter((asked) => asked.known && !isEntityTerm(asked.term) && !asked.term.startsWith("!"));
    // A word the facts never use, unless a related word covers it, is part of what the question states too ("the Gaza truce").
    const unknown = reading.asked.filter((asked) => !asked.known && !isEntityTerm(asked.term) && !asked.term.startsWith("!") && !covers(asked, uses));
    const weightOf = (asked: AskedTerm) => index.idf.get(asked.term) ?? index.unknownIdf * ENGINE_CONFIG.unknownTermWeight;
    // A month the question dates it by ("since mid-October") has passed the date rules above: it is spoken to.
    const dated = (asked: AskedTerm) => reading.dates.length > 0 && isMonthWord(asked.word);
    const missing = [...known.filter((asked) => !uses(asked.term) && !dated(asked)), ...unknown];
    const missingWeight = missing.reduce((sum, asked) => sum + weightOf(asked), 0);
    const knownWeight = [...known, ...unknown].reduce((sum, asked) => sum + weightOf(asked), 0);
    if (missing.length > 0 && missingWeight >= knownWeight * ENGINE_CONFIG.yesNoUncovered) return { rule: "statement-not-covered", detail: missing.map((asked) => asked.word).join(", ") };
  }

  // "What did Khamenei tell al-Sudani?": words only a fact quoting Khamenei has.
  if (reading.asksWhatWasSaid && question.speakers.length > 0 && !question.speakers.some((entityId) => entry.speakers.has(entityId))) {
    return { rule: "speaker-not-covered", detail: question.speakers.join(", ") };
  }
  // "What do critics say?": a fact that speaks of critics.
  if (reading.asksWhatWasSaid && question.speakingTerms && question.speakingTerms.length > 0 && !question.speakingTerms.some(uses)) {
    return { rule: "speaker-not-covered", detail: question.speakingTerms.join(", ") };
  }
  return undefined;
}

/** Does a person or group value's role ("contributor", "name the factions adopted") fit what the question asks the name of? */
function namesRole(of: string, reading: NonNullable<Understanding["question"]>, language: Language): boolean {
  const wanted = reading.asked.filter((asked) => !isEntityTerm(asked.term) && asked.term !== "name" && asked.known).map((asked) => asked.term);
  if (wanted.length === 0) return true;
  const words = of.toLowerCase().split(/[\s/]+/).map((word) => language.read(word).term);
  return wanted.some((term) => words.includes(term));
}

/** Does the fact name an entity of this kind ("district", "town", "militia"), or hold a value of it ("weapon", "injury")? */
function namesOneOf(entry: IndexedFact, category: string, language: Language): boolean {
  for (const entityId of entry.entities) if (language.entityCategories.get(entityId)?.has(category)) return true;
  return entry.fact.values.some((value) => language.read(value.kind).term === category);
}

/**
 * A word the fact uses itself, or through a related word that says at least as much (a synonym, a
 * related form, a narrower word: "hospital" covers "medical facility"); a broader word never covers
 * it ("warships" doesn't say which carriers).
 */
function covers(asked: AskedTerm, uses: (term: string) => boolean): boolean {
  if (uses(asked.term)) return true;
  return asked.expansions.some((expansion) => expansion.relation !== "broader" && expansion.weight >= ENGINE_CONFIG.coveringRelation && uses(expansion.term));
}

/**
 * A count is answered only by a fact with a count of that thing: its measure's wording names the
 * counted word (or a close relation of it), and the verb the question says of it ("killed",
 * "injured") where another count uses that verb; a name in what is counted ("US troops") must be
 * one the fact is about.
 */
function countFailure(question: Understanding, entry: IndexedFact, index: FactIndex, language: Language): string | undefined {
  const reading = question.question!;
  const counts = entry.measures.filter((measure) => measure.value?.kind === "count" || measure.value?.kind === "share");
  if (counts.length === 0) return "the fact has no count";
  const asked = (term: string) => reading.asked.find((a) => a.term === term);
  // What a count counts is the head of its wording ("attacks on US forces" counts attacks, not forces);
  // what is said of it ("killed") may be any word of the wording.
  const named = (measure: Measure, term: string, among: "heads" | "terms") => {
    const words = among === "heads" ? measure.heads : measure.terms;
    if (words.has(term)) return true;
    const word = asked(term);
    return Boolean(word?.expansions.some((expansion) => expansion.relation !== "broader" && expansion.weight >= ENGINE_CONFIG.closeRelation && words.has(expansion.term)));
  };
  for (const term of reading.countedTerms) {
    if (isEntityTerm(term) && !entry.entities.has(term.slice(1))) return `the fact is not about ${term.slice(1)}`;
  }
  const plain = reading.countedTerms.filter((term) => !isEntityTerm(term));
  // "how often has Washington retaliated", "how much did it cost": the verb says what is counted.
  const head = reading.countsEvents || plain.length === 0 ? reading.predicate : plain[plain.length - 1];
  if (!head) return undefined;
  // "How many times has the US struck back?": a count of deeds done to the US ("strikes on US bases") is not its count.
  const doers = doersOf(reading, (entityId) => language.belongsTo.get(entityId) ?? []);
  const fits = counts.filter((measure) => named(measure, head, "heads") && !doers.some((doer) => measure.doneTo.has(doer)));
  if (fits.length === 0) return `no count of ${asked(head)?.word ?? head}${doers.length > 0 ? ` by ${doers.map((doer) => doer.slice(1)).join(", ")}` : ""}`;
  const predicate = reading.countsEvents ? undefined : reading.predicate;
  if (predicate && language.usesTerm(predicate) && index.measureVerbs.has(predicate) && !fits.some((measure) => named(measure, predicate, "terms"))) {
    return `no count of ${asked(head)?.word ?? head} ${asked(predicate)?.word ?? predicate}`;
  }
  return undefined;
}

/** The names a count question puts before its verb as the ones who did it ("has the US struck"), not what it counts ("US troops"). */
function doersOf(reading: QuestionReading, enclosing: (entityId: string) => readonly string[]): string[] {
  const word = reading.asked.find((asked) => asked.term === reading.predicate)?.word;
  const at = word ? reading.tokens.indexOf(word.split(" ")[0]!) : -1;
  // "How often have bases housing US personnel been hit?": in the passive the names before the verb had it done to them.
  if (at < 0 || /^(been|was|were|is|are|be|being|get|got|gotten)$/.test(reading.tokens[at - 1] ?? "")) return [];
  return reading.mentions
    .filter((mention) => mention.end <= at && !/^(on|against|in|at|from|to|of|near|inside)$/.test(reading.tokens[mention.start - 1] ?? ""))
    // What the Pentagon does, the United States does.
    .flatMap((mention) => [mention.entityId, ...enclosing(mention.entityId)].map(entityTerm))
    .filter((term) => !reading.countedTerms.includes(term));
}

/** Does the fact use the term anywhere (its postings are sorted by fact)? */
export function factUses(index: FactIndex, term: string, factIndex: number): boolean {
  const list = index.postings.get(term);
  if (!list) return false;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < factIndex) low = middle + 1;
    else high = middle;
  }
  return list[low] === factIndex;
}

const datesByFact = new WeakMap<IndexedFact, string[]>();
/** Every date the fact states: its date values, the start of its counts, and the dates its answer and quotes write out. */
function factDates(entry: IndexedFact): string[] {
  let dates = datesByFact.get(entry);
  if (!dates) {
    const { fact } = entry;
    dates = [];
    for (const value of fact.values) {
      if (value.kind === "date") dates.push(String(value.value));
      if (value.kind === "count" && value.since) dates.push(String(value.since));
    }
    const year = Number(fact.asOf.slice(0, 4));
    for (const text of [fact.answer, ...fact.citations.map((citation) => citation.quote)]) {
      for (const date of extractDates(text).dates) dates.push(isoOf(date, year));
    }
    datesByFact.set(entry, dates);
  }
  return dates;
}

/** The dates the fact's values give (its events and the start of its counts). */
function factValueDates(entry: IndexedFact): string[] {
  const dates: string[] = [];
  for (const value of entry.fact.values) {
    if (value.kind === "date") dates.push(String(value.value));
    if (value.kind === "count" && value.since) dates.push(String(value.since));
  }
  return dates;
}

const numbersByFact = new WeakMap<IndexedFact, number[]>();
/** Every figure the fact states: its values and the numbers its answer and quotes write out. */
function factNumbers(entry: IndexedFact): number[] {
  let numbers = numbersByFact.get(entry);
  if (!numbers) {
    const { fact } = entry;
    numbers = [];
    for (const value of fact.values) if ((value.kind === "count" || value.kind === "share") && typeof value.value === "number") numbers.push(value.value);
    for (const text of [fact.answer, ...fact.citations.map((citation) => citation.quote)]) {
      for (const number of extractNumbers(extractDates(text).rest)) numbers.push(number.value);
    }
    numbersByFact.set(entry, numbers);
  }
  return numbers;
}

const textByFact = new WeakMap<IndexedFact, string>();
function factText(entry: IndexedFact): string {
  let text = textByFact.get(entry);
  if (text === undefined) {
    const { fact } = entry;
    text = [...fact.questions, fact.answer, ...fact.values.map((value) => ("of" in value ? value.of : ""))].join(" ").toLowerCase();
    textByFact.set(entry, text);
  }
  return text;
}

function isoOf(date: ClaimDate, year: number): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const y = date.year ?? year;
  if (date.month === undefined) return String(y);
  return date.day === undefined ? `${y}-${pad(date.month)}` : `${y}-${pad(date.month)}-${pad(date.day)}`;
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export function describeDate(date: ClaimDate): string {
  const month = date.month ? MONTH_NAMES[date.month - 1] : undefined;
  return [month, date.day, date.year].filter((part) => part !== undefined).join(" ");
}
