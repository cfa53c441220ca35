// Step 2: plain text to what it asks. Drops newsroom chatter, expands shorthand, corrects typos,
// reads the question's form (what kind of answer, what is counted), finds the entities, the places
// the sources don't cover and the names the catalogue doesn't know, its dates, figures and
// ordinals, and reduces the rest to terms (stems, with the lexicon's synonyms folded) that the
// index can look up; a word the knowledge base doesn't use also says what it may stand for
// (WordNet). Facts' own texts pass through the same step at start-up, without the question-only
// work, so both sides meet in the same terms.
import { wordTokens } from "../knowledge/text-folding.js";
import { extractDates, extractNumbers, extractOrdinal, type ClaimDate } from "./figures.js";
import { questionForm, questionType, type QuestionType } from "./question-forms.js";
import { COUNT_WORD, type Expansion, type Language, type Span, type SpanNode, type TokenReading } from "./words/language.js";

export type { QuestionType } from "./question-forms.js";

/** One content term of a question, as the decision reads it. */
export interface AskedTerm {
  /** The word or phrase as asked (lower case, after shorthand and typo correction). */
  word: string;
  /** The term it stands for: a stem, the lexicon's word, or "@entity-id". */
  term: string;
  /** Does the knowledge base use the term? */
  known: boolean;
  /** For a word the knowledge base doesn't use: the terms it may stand for, and why. */
  expansions: readonly Expansion[];
  /** A noun for a concrete thing or a person ("embassy", "cost", "leader"): a constraint, not colour. */
  specific: boolean;
}

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
  /** In a who-question, the term of the verb right after "who" ("use" in "Who used the sites?"), even a light word: whose role is asked. */
  deed?: string;
  /** Entities named before a verb of speech ("What did Blinken tell al-Sudani?"): who is said to speak. */
  speakers: string[];
  /** Words for people before a verb of speech ("What do critics say?"): who is said to speak, when no name says it. */
  speakingTerms?: string[];
  /** The question-only reading (absent for facts' own texts). */
  question?: QuestionReading;
}

export interface QuestionReading {
  /** Every term of `terms`, in the same order, with how the decision reads it. */
  asked: AskedTerm[];
  /** Names the catalogue doesn't know ("Lloyd Austin", "Tower 22", "F-16s"): the question is about something else. */
  unknownNames: string[];
  /** A verb of speech or reaction: the question asks what someone said. */
  asksWhatWasSaid: boolean;
  /** The terms of what a count counts ("troop", "@united-states"), and what it says of them ("injure"). */
  countedTerms: string[];
  predicate?: string;
  countsEvents: boolean;
  /** "which base", "what weapons": the term of the kind of thing asked for. */
  category?: string;
  /** In "what is the X ...", the word X: what the question asks for. */
  focus?: string;
  /** "how long": the answer is a duration (or the time between two events), not a date. */
  asksHowLong: boolean;
  /** "what day", "the exact date": a date to the day, not a month or a year. */
  asksExactDay: boolean;
  /** "now", "currently", "today": the question asks about the present, not a past event. */
  asksNow: boolean;
  /** "what was the name of", "what is X called", "what name": the answer is someone's or something's name. */
  asksName: boolean;
  dates: ClaimDate[];
  numbers: number[];
  ordinal?: number | "last";
  /** The text read, after chatter was dropped. */
  text: string;
  /** Its tokens (after shorthand and typo correction), and where in them each name was found. */
  tokens: readonly string[];
  mentions: readonly Mention[];
}

/** A name found in the text: the entity meant (after metonymy) and its tokens [start, end). */
export interface Mention {
  entityId: string;
  start: number;
  end: number;
  /** Read as what the name stands for ("Baghdad" for Iraq's government): not a place here. */
  metonym: boolean;
}

/** Words that make the next word a noun. */
const DETERMINER = /^(the|a|an|this|that|these|those|its|their|his|her|our|my|your|any|some|which|what|whats|no|each|every|another)$/;

/** Words a figure may follow that name nothing ("Only 20", "Nearly 900"). */
const NOT_A_NAME = /^(only|just|nearly|almost|about|around|roughly|some|over|under|least|more|fewer|less|exactly|approximately|another|all|the|those|these|top|first|last|of|to)$/;

/** Month names and numbers: parts of a date or a figure, never a question's verb. */
const MONTH_OR_NUMBER = /^(\d+(st|nd|rd|th)?|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)$/;

const ENTITY_PREFIX = "@";
export const entityTerm = (entityId: string) => `${ENTITY_PREFIX}${entityId}`;
export const isEntityTerm = (term: string) => term.startsWith(ENTITY_PREFIX);


/** Words before a place name that make it the place itself ("in Tehran", "to Baghdad"), not its government. */
const LOCATIVE = new Set(["in", "to", "from", "at", "near", "into", "inside", "visit", "visited", "visiting", "trip", "traveled", "travelled", "went", "go", "going", "around", "outside"]);

/** Pronouns that can sit inside a phrasal verb ("set this off", "hit them back"). */
const OBJECT_PRONOUNS = new Set(["this", "that", "it", "them", "him", "her", "us", "these", "those"]);

/** Particles that make a phrasal verb with the word before them ("set off", "hit back", "lean on"). */
const PARTICLES = new Set(["off", "up", "out", "back", "down", "in", "on", "over", "away", "into"]);

/** Nouns that name no particular thing: leaving them uncovered never means another question. */
const ORDINARY_NOUNS = new Set([
  "thing", "things", "stuff", "people", "person", "guy", "guys", "folks", "story", "article", "piece", "report", "question", "way", "lot", "bit",
  "part", "side", "time", "moment", "day", "days", "week", "fact", "facts", "point", "matter", "issue", "issues", "case", "deal", "rundown", "overview",
  "summary", "context", "background", "details", "detail", "reason", "anyone", "anybody", "someone", "everyone", "one", "ones", "kind", "sort", "type",
  "couple", "number", "amount", "level", "news", "word", "words", "line", "sentence", "draft", "graphic", "map", "timeline", "sidebar", "caption", "credit",
  "place", "places", "location", "locations", "spot", "spots",
]);

export interface UnderstandOptions {
  correctTypos: boolean;
  /** Tokenizes the text; start-up passes a remembering one, since facts repeat their texts. */
  tokenize?: (text: string) => readonly string[];
  /** A statement (an answer, a quote) rather than a question: its question type is not worked out. */
  statement?: boolean;
}

export function understand(text: string, language: Language, options: UnderstandOptions): Understanding {
  const asQuestion = options.correctTypos && !options.statement;
  const chatter = asQuestion ? dropWrapper(text, (prefix) => namesContent(prefix, language)) : text;
  let prepared = chatter;
  const caseSensitive = language.caseSensitiveAliases;
  if (caseSensitive) prepared = prepared.replace(caseSensitive.pattern, (alias) => ` ${caseSensitive.names.get(alias)!} `);
  const designators = asQuestion ? modelDesignators(prepared) : [];
  if (designators.length) prepared = prepared.replace(DESIGNATOR, " ");

  const corrections: { from: string; to: string }[] = [];
  // Words written with a possessive ("Tehran's allies"): tokens drop the "'s", and it matters for metonymy.
  const possessives = asQuestion ? new Set([...prepared.matchAll(/([\p{L}]+)['\u2019]s\b/gu)].map((match) => match[1]!.toLowerCase())) : new Set<string>();
  const raws = (options.tokenize ?? wordTokens)(prepared);
  let readings = raws.map(language.read);
  // Start-up reads facts' own texts (no typo correction, rarely shorthand): their tokens are used as they are.
  let tokens: readonly string[] = raws;
  if (options.correctTypos || readings.some((reading) => reading.shorthand)) {
    const expanded: string[] = [];
    const add = (token: string) => {
      const corrected = options.correctTypos && needsCorrection(token, language) ? language.speller.correct(token) : undefined;
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
  const words: string[] = []; // the word or phrase each term came from, for the question reading
  const entities: string[] = [];
  const elsewhere: string[] = [];
  let speakers: string[] | undefined;
  let speakingTerms: string[] = [];
  const mentions: Mention[] = [];
  // A name read as what it stands for, by what it stood for: "What did Biden say?" is about the man.
  const literal = new Map<string, string>();
  // Words from some alias that were not part of a name here, with the term each became (parallel arrays).
  const leftoverTokens: string[] = [];
  const leftoverTerms: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    const reading = readings[i]!;
    let span = reading.spans && longestSpan(tokens, i, reading.spans);
    // A title names its entity unless a place qualifies it ("Israel's prime minister" is not Iraq's).
    if (span?.kind === "title") span = mentions.some((mention) => mention.end === i && language.places.has(mention.entityId)) ? undefined : { ...span, kind: "entity" };
    if (span) {
      if (span.kind === "entity") {
        // "Tehran's allies", "what Baghdad wants": a capital standing for its government, unless it is where something happens ("in Tehran").
        const possessive = possessives.has(tokens[i + span.length - 1]!);
        // ("in the Iraqi capital" is a place too: the word before the name, past a "the".)
        const before = tokens[i - 1] === "the" ? tokens[i - 2] : tokens[i - 1];
        const meant = asQuestion && language.standsFor.has(span.value) && (possessive || !LOCATIVE.has(before ?? "")) ? language.standsFor.get(span.value)! : span.value;
        entities.push(meant);
        mentions.push({ entityId: meant, start: i, end: i + span.length, metonym: meant !== span.value });
        if (meant !== span.value) {
          if (speakers === undefined) literal.set(meant, span.value);
          terms.push(entityTerm(meant));
          words.push(tokens.slice(i, i + span.length).join(" "));
          i += span.length;
          continue;
        }
      }
      if (span.kind === "elsewhere") elsewhere.push(span.value);
      if (span.kind !== "filler") {
        terms.push(span.kind === "entity" ? entityTerm(span.value) : span.value);
        words.push(tokens.slice(i, i + span.length).join(" "));
      }
      i += span.length;
      continue;
    }
    // A phrasal verb or a compound the knowledge base doesn't use ("set off", "lean on", "aircraft
    // carrier", "price tag") is read as one word, also around a pronoun ("set this off").
    const next = tokens[i + 1];
    if (asQuestion && next && !reading.stopword && readsAsOneWord(token, next, readings[i + 1]!, language)) {
      terms.push(`${token} ${next}`);
      words.push(`${token} ${next}`);
      i += 2;
      continue;
    }
    const after = tokens[i + 2];
    if (asQuestion && next && after && OBJECT_PRONOUNS.has(next) && PARTICLES.has(after) && !reading.stopword && readsAsOneWord(token, after, readings[i + 2]!, language)) {
      terms.push(`${token} ${after}`);
      words.push(`${token} ${after}`);
      i += 3;
      continue;
    }
    i += 1;
    // A verb of speech, not a noun of one ("the critics", "a claim").
    if (speakers === undefined && language.isSpeechVerb(token) && !DETERMINER.test(tokens[i - 2] ?? "")) {
      speakers = entities.map((entityId) => literal.get(entityId) ?? entityId);
      if (asQuestion && speakers.length === 0) speakingTerms = terms.filter((term, t) => !isEntityTerm(term) && language.usesTerm(term) && language.namesPeople(words[t]!, false));
    }
    // A light word ("keeping", "made", "used") says nothing a question is about.
    if (reading.stopword || (asQuestion && language.isLightWord(token))) continue;
    terms.push(reading.term);
    words.push(token);
    if (reading.aliasWord) {
      leftoverTokens.push(token);
      leftoverTerms.push(reading.term);
    }
  }
  // A word from the alias of an entity the question names is part of that name in another
  // spelling ("qassem suleimani"), not a separate thing asked about.
  if (entities.length > 0 && leftoverTokens.length > 0) {
    const namedWords = entities.map((entityId) => language.entityAliasWords.get(entityId)).filter((set) => set !== undefined);
    leftoverTokens.forEach((token, j) => {
      if (!namedWords.some((set) => set.has(token))) return;
      const at = terms.indexOf(leftoverTerms[j]!);
      terms.splice(at, 1);
      words.splice(at, 1);
    });
  }
  const type = options.statement ? "what" : questionType(tokens);
  const counted = type === "count" && !/ how (many times|often) /.test(` ${tokens.join(" ")} `) ? terms.find((term) => !isEntityTerm(term) && !term.startsWith("!") && term !== COUNT_WORD) : undefined;
  // In a how-many question "number" (count, tally) only says it is one.
  const kept = distinctPairs(terms, words).filter(([term]) => type !== "count" || term !== COUNT_WORD);
  const understood: Understanding = {
    type,
    terms: kept.map(([term]) => term),
    entities: distinct(entities),
    elsewhere,
    corrections,
    ...(counted ? { counted } : {}),
    speakers: distinct(speakers ?? []),
    ...(speakingTerms.length > 0 ? { speakingTerms } : {}),
  };
  if (asQuestion) {
    const { reading, form } = readQuestion(chatter, prepared, tokens, kept, designators, language, mentions);
    understood.question = reading;
    // The form's reading of the kind of question is the finer one ("how much damage" is no count).
    if (form !== understood.type) {
      understood.type = form;
      if (form !== "count") delete understood.counted;
    }
    const deed = understood.type === "who" ? deedAsked(tokens, language) : undefined;
    if (deed) understood.deed = deed;
  }
  return understood;
}

/** "Who used the sites?": the term of the verb right after "who", light or not, whose doer is asked for. */
function deedAsked(tokens: readonly string[], language: Language): string | undefined {
  const afterWho = tokens[tokens.indexOf("who") + 1];
  if (!afterWho || WHO_AUXILIARIES.has(afterWho) || !language.partsOfSpeech(afterWho).has("v")) return undefined;
  return language.read(afterWho).term;
}

/** The question-only reading: how each term is read, unknown names, the form, figures and dates. */
function readQuestion(
  text: string,
  prepared: string,
  tokens: readonly string[],
  kept: readonly [term: string, word: string][],
  designators: readonly string[],
  language: Language,
  mentions: readonly Mention[],
): { reading: QuestionReading; form: QuestionType } {
  const capitalized = capitalizedWords(prepared);
  const unknownNames = [...designators];
  const asked: AskedTerm[] = kept.map(([term, word]) => {
    if (isEntityTerm(term) || term.startsWith("!")) return { word, term, known: true, expansions: [], specific: true };
    const known = language.usesTerm(term);
    const expansions = known ? [] : language.expand(word);
    const parts = language.partsOfSpeech(word);
    const nameLike = !known && expansions.length === 0 && /^[a-z][a-z]+$/.test(word) && word.length >= 3 && (parts.size === 0 || capitalized.has(word)) && !language.isEnglishWord(word);
    // (A month is a date, never a name: "in December" is after the sources, not someone they never mention.)
    if ((nameLike || (!known && capitalized.has(word) && parts.size === 0)) && !MONTH_OR_NUMBER.test(word)) unknownNames.push(word);
    // A noun for a thing, used as a noun: WordNet lists it only as one, or a determiner comes before it ("the embassy", not "land elsewhere").
    const at = tokens.indexOf(word.split(" ")[0]!);
    const asNoun = [...parts].every((pos) => pos === "n") || DETERMINER.test(tokens[at - 1] ?? "") || word.includes(" ");
    const specific = !ORDINARY_NOUNS.has(word) && word.length >= 3 && !/^\d/.test(word) && asNoun && language.namesAThing(word);
    return { word, term, known, expansions, specific };
  });
  // "Tower 22", "Camp 5": a capitalized word the catalogue doesn't know, followed by a number, is a name.
  for (const match of prepared.matchAll(/\b([A-Z][a-z]+)\s+(\d{1,3})\b/g)) {
    const word = match[1]!.toLowerCase();
    // ... but a name the catalogue knows ("Syria 61 times") is that name and a figure.
    if (!language.stopwords.has(word) && !language.aliasWords.has(word) && !NOT_A_NAME.test(word) && !/^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/.test(word)) unknownNames.push(`${word} ${match[2]}`);
  }
  let form = questionForm(tokens, (word) => !MONTH_OR_NUMBER.test(word) && language.mostlyVerb(word), (word) => language.partsOfSpeech(word).has("n"));
  // "how much damage", "how much support": a degree, not a figure (unlike "how much money", "how much did it cost").
  const much = tokens.indexOf("much");
  if (form.type === "count" && much > 0 && tokens[much - 1] === "how" && form.counted?.length && !form.counted.some((word) => language.namesAThing(word))) form = { type: "how" };
  const termOf = (word: string) => kept.find(([, asWord]) => asWord === word || asWord.split(" ").includes(word))?.[0];
  const countedTerms = distinct((form.counted ?? []).map(termOf).filter((term): term is string => term !== undefined && term !== COUNT_WORD));
  // A count's verb comes with what is counted; for when, where and who it is the question's last verb
  // ("When was the base built?", "Who founded the group?").
  // "Who ordered the Nov. 8 strike?": the verb right after "who" is the deed asked about, not a noun later ("strike").
  const afterWho = form.type === "who" ? tokens[tokens.indexOf("who") + 1] : undefined;
  const whoVerb = afterWho && !WHO_AUXILIARIES.has(afterWho) && !language.isLightWord(afterWho) && language.partsOfSpeech(afterWho).has("v") ? termOf(afterWho) : undefined;
  const predicate = form.predicate ? termOf(form.predicate) : (whoVerb ?? (["when", "where", "who"].includes(form.type) ? lastVerb(kept, language) : undefined));
  const focus = form.type === "what" ? focusOf(tokens, language) : undefined;
  const { dates, rest } = extractDates(text);
  const joined = ` ${tokens.join(" ")} `;
  const reading: QuestionReading = {
    asked,
    ...(focus ? { focus } : {}),
    asksHowLong: / how long /.test(joined),
    asksExactDay: / (what|which|exact|precise|specific) (day|date) | exactly when | (on|to) the day /.test(joined),
    asksNow: / (now|currently|today|presently|nowadays|at present|these days|right now) /.test(joined),
    asksName: / (the|his|her|their|its) names? of | what names? | whats? (\w+ ){0,2}names? | names? of the | (is|are|was|were) (it|they|he|she) called | named what /.test(joined),
    asksWhatWasSaid: tokens.some((token) => language.isSpeechVerb(token)),
    unknownNames: distinct(unknownNames),
    countedTerms,
    ...(predicate && predicate !== COUNT_WORD ? { predicate } : {}),
    countsEvents: form.countsEvents ?? false,
    ...(form.category && termOf(form.category) ? { category: termOf(form.category)! } : {}),
    dates,
    numbers: extractNumbers(rest).filter((number) => !number.vague).map((number) => number.value),
    ...(extractOrdinal(tokens) !== undefined ? { ordinal: extractOrdinal(tokens)! } : {}),
    text,
    tokens,
    mentions,
  };
  return { reading, form: form.type };
}

/** Words after "who" that open its verb phrase without being the deed ("who is", "who did ... say"). */
const WHO_AUXILIARIES = new Set(["is", "are", "was", "were", "s", "did", "does", "do", "has", "have", "had", "will", "would", "can", "could", "should", "might", "may", "else", "exactly", "really", "actually"]);

/** The question's last word that can be a verb and isn't a name: in "When did X begin?", "begin". */
function lastVerb(kept: readonly [term: string, word: string][], language: Language): string | undefined {
  for (let k = kept.length - 1; k >= 0; k--) {
    const [term, word] = kept[k]!;
    if (isEntityTerm(term) || term.startsWith("!") || MONTH_OR_NUMBER.test(word) || language.isLightWord(word.split(" ")[0]!)) continue;
    if (language.mostlyVerb(word)) return term;
  }
  return undefined;
}

/** "What is the weather in Baghdad?", "what's the capital of Iraq": the noun after "what is the". */
function focusOf(tokens: readonly string[], language: Language): string | undefined {
  const at = tokens.findIndex((token, i) => (token === "what" || token === "whats") && i <= 2);
  if (at < 0) return undefined;
  let i = at + 1;
  if (tokens[i] === "is" || tokens[i] === "was" || tokens[i] === "are" || tokens[i] === "were" || tokens[i] === "s") i++;
  if (tokens[i] === "the" || tokens[i] === "a" || tokens[i] === "an") i++;
  let word = tokens[i];
  // "what is the name of the US general": the name asked for is the general's.
  if ((word === "name" || word === "names" || word === "identity") && tokens[i + 1] === "of") {
    const phrase: string[] = [];
    for (let k = i + 2; k < tokens.length && !["in", "who", "that", "which", "at", "on", "from", "with"].includes(tokens[k]!); k++) phrase.push(tokens[k]!);
    word = phrase.filter((token) => !language.stopwords.has(token) && !language.read(token).spans?.span).at(-1) ?? word;
  }
  if (!word || language.stopwords.has(word) || language.read(word).spans?.span) return undefined;
  return language.partsOfSpeech(word).has("n") ? word : undefined;
}

/** Two tokens WordNet lists as one word, where the knowledge base doesn't use one of them. */
function readsAsOneWord(token: string, next: string, nextReading: TokenReading, language: Language): boolean {
  if (nextReading.spans?.span || (nextReading.stopword && !PARTICLES.has(next))) return false;
  const unknown = !language.usesTerm(language.read(token).term) || (!PARTICLES.has(next) && !language.usesTerm(nextReading.term));
  return unknown && language.partsOfSpeech(`${token} ${next}`).size > 0;
}

/** Only a token no fact, lexicon or dictionary word explains is worth correcting. */
function needsCorrection(token: string, language: Language): boolean {
  if (language.knows(token) || language.stopwords.has(token)) return false;
  // The English word list holds rare words ("frist", "wen"); a word WordNet lists is asked on purpose.
  return language.partsOfSpeech(token).size === 0 || !language.isEnglishWord(token);
}

/**
 * Newsroom chatter before a colon or a dash ("for the graphic:", "quick q -", "my editor asks —")
 * wraps the question; it is dropped when it names nothing the knowledge base knows (a topic before
 * a dash, "Kataeb Hezbollah - which country's militia is that?", stays).
 */
export function dropWrapper(text: string, namesContent: (prefix: string) => boolean): string {
  const match = /^([^:?]{1,60}?)\s*(?::|\s[-\u2013\u2014]+)\s+(.+)$/s.exec(text);
  if (!match) return text;
  const [, wrapper, rest] = match;
  if (namesContent(wrapper!)) return text;
  return rest!;
}

/** Does the text hold a word the knowledge base uses, or a name? */
function namesContent(text: string, language: Language): boolean {
  return wordTokens(text).some((token) => {
    const reading = language.read(token);
    return Boolean(reading.spans?.span) || (!reading.stopword && language.usesTerm(reading.term));
  });
}

/** "F-16s", "MQ-9", "B-52": model designators no catalogue entry names. */
const DESIGNATOR = /\b[A-Z]{1,3}-?\d{1,3}[a-zA-Z]?s?\b/g;
function modelDesignators(text: string): string[] {
  return [...text.matchAll(DESIGNATOR)].map((match) => match[0].toLowerCase()).filter((word) => !/^(us|u)\d/.test(word));
}

/** Words written with a capital letter anywhere but at the start of a sentence: names, in a question. */
function capitalizedWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const match of text.matchAll(/(?<![.!?:]\s|^)(?<=\s)\p{Lu}[\p{L}'\u2019-]*/gu)) for (const token of wordTokens(match[0])) out.add(token);
  return out;
}

/** The longest alias, out-of-scope place, synonym phrase or filler phrase starting at token i, whose trie node is `start`. */
function longestSpan(tokens: readonly string[], i: number, start: SpanNode): Span | undefined {
  let node: SpanNode | undefined = start;
  let found: Span | undefined;
  for (let length = 1; node; length++) {
    // One word is a name, a place, or a title after "the" ("the premier"); other one-word spans are words.
    if (node.span && (length > 1 || node.span.kind === "entity" || node.span.kind === "elsewhere" || (node.span.kind === "title" && tokens[i - 1] === "the"))) found = node.span;
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

/** Each term once, with the word it first came from. */
function distinctPairs(terms: readonly string[], words: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  terms.forEach((term, i) => {
    if (!out.some(([seen]) => seen === term)) out.push([term, words[i]!]);
  });
  return out;
}
