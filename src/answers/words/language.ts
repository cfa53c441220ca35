// What the engine knows about words, built once at start from the lexical resources: the story
// lexicon (data/lexicon.yaml: stopwords, filler, shorthand, synonyms, places the sources don't
// cover), the entity catalogue's names, the knowledge base's own vocabulary (for the speller), the
// English word list, and WordNet for words the knowledge base doesn't use. Every other step reads
// words through the Language this returns.
import type { KnowledgeBase } from "../../knowledge/types.js";
import { aliasKey, wordTokens } from "../../knowledge/text-folding.js";
import type { EnglishWordCheck } from "./english-words.js";
import { createStoryLexicon, type LexicalResource, type RelatedWord, type Relation } from "./lexical-resource.js";
import { dictionaryForms, irregularForms } from "./morphology.js";
import { buildSpeller, type Speller } from "./spelling.js";
import { stem } from "./stem.js";
import { wordNetResource } from "./wordnet-resource.js";
import type { PartOfSpeech, WordNet } from "./wordnet.js";

/** What a run of tokens stands for, when it is one of the language's spans, and how many tokens it takes. */
export type Span = { kind: "entity" | "title" | "elsewhere" | "phrase" | "filler"; value: string; length: number };

export interface SpanNode {
  next: Map<string, SpanNode>;
  span?: Span;
}

/** A term of the knowledge base's vocabulary that a word may stand for, how strongly (0-1), and why. */
export interface Expansion {
  term: string;
  weight: number;
  /** A broader word ("warship" for "carrier") stands in for the word in the score, but never covers it. */
  relation: Relation;
  /** "WordNet: synonym of station (verb)": for --explain and the editors. */
  via: string;
}

export interface Language {
  stopwords: ReadonlySet<string>;
  shorthand: ReadonlyMap<string, string[]>;
  /** Upper-case-only aliases ("IS" for the Islamic State), matched on the raw text in one pass. */
  caseSensitiveAliases?: { pattern: RegExp; names: ReadonlyMap<string, string> };
  /** Each entity and the places that contain it ("albukamal" -> syria). */
  enclosingPlaces: ReadonlyMap<string, readonly string[]>;
  /** The country a body of its government belongs to ("pentagon" -> ["united-states"]): what it does, the country does. */
  belongsTo: ReadonlyMap<string, readonly string[]>;
  /** Each entity and the terms for what kind of thing it is (its category, kind and the last word of its names: "district", "base", "town"). */
  entityCategories: ReadonlyMap<string, ReadonlySet<string>>;
  /** Names that often stand for another entity (tehran -> iran, "Tehran's allies"): metonymy, from the catalogue. */
  standsFor: ReadonlyMap<string, string>;
  /** Every word used in some alias ("qassem"). */
  aliasWords: ReadonlySet<string>;
  /** Each entity and the words of its aliases (soleimani -> qassem, suleimani, ...). */
  entityAliasWords: ReadonlyMap<string, ReadonlySet<string>>;
  /** Ids of the entities that are places or bases. */
  places: ReadonlySet<string>;
  /** Is the text only thanks, greetings or assent ("thanks, got it!", "ok great", "👍"), stopwords aside? Such a message asks nothing. */
  saysOnlyPleasantries(text: string): boolean;
  /** Is this token a light word ("made", "came", "used", "targets": the lexicon's lightWords, any form)? */
  isLightWord(token: string): boolean;
  /** Is this token a verb of speech or reaction ("said", "told", "reacted": the lexicon's speechVerbs, any form)? */
  isSpeechVerb(token: string): boolean;
  speller: Speller;
  /** Is this token one the knowledge base or the lexicon uses? */
  knows(token: string): boolean;
  /** Is this a word of English (the word list), as opposed to a name or a typo? */
  isEnglishWord(token: string): boolean;
  /** What a token means on its own (see TokenReading), remembered: start-up reads millions of tokens. */
  read(token: string): TokenReading;
  /** Do the facts use this term (in their questions, answers, quotes or values' wordings)? */
  usesTerm(term: string): boolean;
  /**
   * Terms of the knowledge base a word it doesn't use may stand for, from the lexical resources
   * (WordNet), best first; empty for names, stopwords and words with no related term.
   */
  expand(word: string): readonly Expansion[];
  /** The parts of speech WordNet lists for a word (in any inflected form); empty when it lists none. */
  partsOfSpeech(word: string): ReadonlySet<PartOfSpeech>;
  /** For a word naming who does something ("users", "owner"), the terms of the deed ("use", "own"); empty otherwise. */
  deedsOf(word: string): readonly string[];
  /** Is the word a verb here, more likely than a noun ("attacked", "retaliate"; not "troops", "attacks" as a noun)? */
  mostlyVerb(word: string): boolean;
  /** Does the word name a concrete thing or a person (an embassy, a cost, a leader)? Such a word is a constraint, not colour. */
  namesAThing(word: string): boolean;
  /** Does the word name a person ("critics", "officials") or, unless `groups` is false, a group of people ("people"), as WordNet's first noun sense? */
  namesPeople(word: string, groups?: boolean): boolean;
}

/** One token, read once: its shorthand, whether it is a stopword or part of a name, the term it stands for, and the spans it starts. */
export interface TokenReading {
  /** What it is shorthand for ("hw" -> "how"), if it is. */
  shorthand: readonly string[] | undefined;
  stopword: boolean;
  /** Used in some entity's alias. */
  aliasWord: boolean;
  /** Its stem, or the word FactDesk thinks in for it ("soldier" -> "troop"). */
  term: string;
  /** The trie node of the spans that start with this token, if any. */
  spans: SpanNode | undefined;
}

export interface LanguageResources {
  isEnglishWord: EnglishWordCheck;
  /** WordNet, for words the knowledge base doesn't use; without it the engine knows only the story's words. */
  wordNet?: WordNet;
}

/** The lexicon's word for "number" (count, tally, total): a count signal, never what is counted. */
export const COUNT_WORD = "number";

const QUESTION_WORDS = new Set(["what", "whats", "who", "whos", "whom", "whose", "when", "where", "why", "how", "which"]);

/** How much a related word may count at most, and how many a word may bring. */
const EXPANSION_FLOOR = 0.35;
const EXPANSIONS_KEPT = 4;
/** A verb this closely related to a word for people is what they do ("user" -> use, in its first sense). */
const DEED_RELATION = 0.75;

export function buildLanguage(
  knowledge: KnowledgeBase,
  resources: LanguageResources,
  tokenize: (text: string) => readonly string[] = wordTokens,
): Language {
  const { lexicon } = knowledge;
  const { isEnglishWord } = resources;
  const stopwords = new Set(lexicon.stopwords.map(wordTokens).filter((tokens) => tokens.length === 1).flat());
  const stopPhrases = new Set([...lexicon.stopwords, ...lexicon.filler].map(wordTokens).filter((tokens) => tokens.length > 1).map((tokens) => tokens.join(" ")));
  for (const word of lexicon.filler.map(wordTokens).filter((tokens) => tokens.length === 1).flat()) stopwords.add(word);
  const shorthand = new Map(Object.entries(lexicon.shorthand).map(([short, long]) => [short.toLowerCase(), wordTokens(long)]));

  const wordNet = resources.wordNet;
  const story = createStoryLexicon(lexicon.synonyms, stem, wordNet ? (word) => dictionaryForms(word, wordNet) : undefined);
  const speechStems = new Set(lexicon.speechVerbs.map((verb) => stem(verb.toLowerCase())));
  const lightVerbs = new Set(lexicon.lightWords.map((verb) => verb.toLowerCase()));
  const pleasantries = new Set(lexicon.pleasantries.map((phrase) => wordTokens(phrase).join(" ")));
  const longestPleasantry = Math.max(1, ...[...pleasantries].map((phrase) => phrase.split(" ").length));
  /** Every token a pleasantry (the longest phrase first) or a stopword, and one at least a pleasantry: "thanks, got it" yes, "great pressure?" no. */
  const saysOnlyPleasantries = (text: string): boolean => {
    if (/\?\s*$/.test(text)) return false;
    const tokens = wordTokens(text);
    let said = false;
    for (let i = 0; i < tokens.length; ) {
      const most = Math.min(longestPleasantry, tokens.length - i);
      const length = Array.from({ length: most }, (_, n) => most - n).find((n) => pleasantries.has(tokens.slice(i, i + n).join(" ")));
      if (length) [i, said] = [i + length, true];
      // A question word is a question's, never thanks ("ok, why", "thanks, when").
      else if (stopwords.has(tokens[i]!) && !QUESTION_WORDS.has(tokens[i]!)) i += 1;
      else return false;
    }
    // Stopwords alone ("under what deal") are a question of the conversation's, not thanks.
    return said;
  };

  const aliases = new Map<string, string>();
  const caseSensitiveNames = new Map<string, string>();
  for (const entity of knowledge.entities) {
    for (const alias of [entity.name, ...entity.aliases]) aliases.set(aliasKey(alias), entity.id);
    for (const alias of entity.caseSensitiveAliases ?? []) caseSensitiveNames.set(alias, entity.name);
  }
  const escaped = [...caseSensitiveNames.keys()].map((alias) => alias.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const caseSensitiveAliases = escaped.length ? { pattern: new RegExp(`\\b(?:${escaped.join("|")})\\b`, "g"), names: caseSensitiveNames } : undefined;
  const aliasWords = new Set<string>();
  const entityAliasWords = new Map<string, Set<string>>();
  for (const [key, entityId] of aliases) {
    const words = entityAliasWords.get(entityId) ?? new Set<string>();
    for (const word of key.split(" ")) {
      words.add(word);
      aliasWords.add(word);
    }
    entityAliasWords.set(entityId, words);
  }
  const elsewhere = new Set(lexicon.outOfScopePlaces.map(aliasKey));

  const within = new Map(knowledge.entities.map((entity) => [entity.id, entity.within]));
  const enclosingPlaces = new Map<string, string[]>();
  const belongsTo = new Map<string, string[]>();
  for (const entity of knowledge.entities) {
    const chain: string[] = [];
    for (let parent = entity.within; parent && !chain.includes(parent); parent = within.get(parent)) chain.push(parent);
    // A place is in its chain; a body of a government (the Pentagon) belongs to its country, which is no place it is in.
    (entity.kind === "place" || entity.kind === "base" ? enclosingPlaces : belongsTo).set(entity.id, chain);
  }

  const standsFor = new Map(knowledge.entities.filter((entity) => entity.standsFor).map((entity) => [entity.id, entity.standsFor!]));

  const frequencies = wordFrequencies(knowledge, tokenize);
  const elsewhereTokens = new Set(lexicon.outOfScopePlaces.flatMap(wordTokens));

  // One trie for every span; where two kinds share a key, a name wins over an out-of-scope place,
  // and either over a phrase (phrases and filler count only from two tokens on).
  const spans: SpanNode = { next: new Map() };
  const addSpan = (key: string, span: Omit<Span, "length">) => {
    let node = spans;
    const tokens = key.split(" ");
    for (const token of tokens) {
      let child = node.next.get(token);
      if (!child) node.next.set(token, (child = { next: new Map() }));
      node = child;
    }
    node.span ??= { ...span, length: tokens.length };
  };
  for (const [key, entityId] of aliases) addSpan(key, { kind: "entity", value: entityId });
  for (const entity of knowledge.entities) for (const title of entity.titles ?? []) addSpan(aliasKey(title), { kind: "title", value: entity.id });
  for (const key of elsewhere) addSpan(key, { kind: "elsewhere", value: `!${key}` });
  for (const [key, term] of story.phrases) addSpan(key, { kind: "phrase", value: term });
  for (const key of stopPhrases) addSpan(key, { kind: "filler", value: key });

  const read = tokenReader({ shorthand, stopwords, aliasWords, story, spans });
  const entityCategories = new Map<string, Set<string>>();
  for (const entity of knowledge.entities) {
    const terms = new Set<string>([read(entity.kind).term]);
    for (const text of [entity.category, entity.name, ...entity.aliases]) {
      const tokens = text ? wordTokens(text) : [];
      const words = text === entity.category ? tokens : tokens.slice(-1);
      for (const word of words) if (!stopwords.has(word)) terms.add(read(word).term);
    }
    entityCategories.set(entity.id, terms);
  }
  // The terms facts use (their questions, answers, quotes and what their values measure): what a
  // word from elsewhere may usefully be read as. Words only in names or the lexicon are not among them.
  const vocabulary = factVocabulary(knowledge, tokenize, read, stopwords, story.phrases);

  // A related word stands for a term only if the facts use a form of that very word: the Porter
  // stem of "activate" is that of "active", but they are not one word.
  const wordsOfTerm = new Map<string, Set<string>>();
  for (const word of factWords(knowledge, tokenize)) {
    if (stopwords.has(word)) continue;
    const term = read(word).term;
    let words = wordsOfTerm.get(term);
    if (!words) wordsOfTerm.set(term, (words = new Set()));
    words.add(word);
  }
  const formOf = (lemma: string, term: string) => {
    const words = wordsOfTerm.get(term);
    if (!words || words.has(lemma)) return true;
    if (!wordNet) return true;
    for (const word of words) if (word === lemma || dictionaryForms(word, wordNet).includes(lemma) || story.termOf(lemma) === term) return true;
    return false;
  };
  const termOfPhrase = (phrase: string): string | undefined => {
    const tokens = wordTokens(phrase);
    if (tokens.length === 1) {
      if (stopwords.has(tokens[0]!) || aliasWords.has(tokens[0]!)) return undefined;
      const term = read(tokens[0]!).term;
      // "choose" where the facts say "chosen": the same word in the form they use.
      if (!vocabulary.has(term) && wordNet) {
        for (const form of irregularForms(tokens[0]!, "v")) if (vocabulary.has(read(form).term)) return read(form).term;
      }
      return formOf(tokens[0]!, term) ? term : undefined;
    }
    return story.phrases.get(tokens.join(" "));
  };
  const general: LexicalResource[] = resources.wordNet ? [wordNetResource(resources.wordNet)] : [];
  const expansions = new Map<string, readonly Expansion[]>();
  const expand = (word: string): readonly Expansion[] => {
    let found = expansions.get(word);
    if (!found) {
      // Never to the count word: "cost" is no "number" by way of "toll"; that a question asks a count is its form's to say.
      found = expandWord(word, general, termOfPhrase, (term) => vocabulary.has(term) && term !== COUNT_WORD);
      if (expansions.size > 50_000) expansions.clear();
      expansions.set(word, found);
    }
    return found;
  };
  const partsOfSpeech = new Map<string, ReadonlySet<PartOfSpeech>>();

  return {
    stopwords,
    shorthand,
    ...(caseSensitiveAliases ? { caseSensitiveAliases } : {}),
    enclosingPlaces,
    belongsTo,
    entityCategories,
    standsFor,
    aliasWords,
    entityAliasWords,
    isSpeechVerb: (token) => speechStems.has(stem(token)),
    saysOnlyPleasantries,
    // "keeping", "came", "used": a verb's forms, not a plural noun ("bases" is not "based").
    isLightWord: (token) => lightVerbs.has(token) || (!/[^s]s$/.test(token) && wordNet !== undefined && dictionaryForms(token, wordNet).some((form) => lightVerbs.has(form))),
    places: new Set(knowledge.entities.filter((entity) => entity.kind === "place" || entity.kind === "base").map((entity) => entity.id)),
    speller: buildSpeller(frequencies, (word) => elsewhereTokens.has(word) || isEnglishWord(word)),
    read,
    knows: (token) => frequencies.has(token) || shorthand.has(token),
    isEnglishWord,
    usesTerm: (term) => vocabulary.has(term),
    expand,
    namesAThing: (word) => general.some((resource) => resource.namesAThing?.(word) ?? false),
    namesPeople: (word, groups = true) => general.some((resource) => resource.namesPeople?.(word, groups) ?? false),
    mostlyVerb: (word) => general.some((resource) => resource.mostlyVerb?.(word) ?? false),
    deedsOf: (word) => {
      if (!general.some((resource) => resource.namesPeople?.(word, false) ?? false)) return [];
      const deeds = new Set<string>();
      for (const resource of general) {
        for (const related of resource.related(word)) {
          if (related.kind === "derived" && related.weight >= DEED_RELATION && !related.word.includes(" ") && (resource.partsOfSpeech?.(related.word) ?? []).includes("v")) deeds.add(read(related.word).term);
        }
      }
      return [...deeds];
    },
    partsOfSpeech: (word) => {
      let parts = partsOfSpeech.get(word);
      if (!parts) {
        parts = new Set(general.flatMap((resource) => resource.partsOfSpeech?.(word) ?? []));
        if (partsOfSpeech.size > 50_000) partsOfSpeech.clear();
        partsOfSpeech.set(word, parts);
      }
      return parts;
    },
  };
}

/** A word's related words from the general resources, as terms the knowledge base uses, strongest first. */
function expandWord(
  word: string,
  resources: readonly LexicalResource[],
  termOfPhrase: (phrase: string) => string | undefined,
  used: (term: string) => boolean,
): Expansion[] {
  const best = new Map<string, Expansion>();
  for (const resource of resources) {
    for (const related of resource.related(word)) {
      const term = termOfPhrase(related.word);
      if (!term || !used(term) || related.weight < EXPANSION_FLOOR) continue;
      const known = best.get(term);
      if (!known || related.weight > known.weight) best.set(term, { term, weight: related.weight, relation: related.kind, via: describe(resource, related) });
    }
  }
  return [...best.values()].sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1)).slice(0, EXPANSIONS_KEPT);
}

function describe(resource: LexicalResource, related: RelatedWord): string {
  return `${resource.name}: ${related.relation} ${related.word}`;
}

/**
 * Every word the data uses, with how often, so the speller prefers common words on a tie. Texts
 * repeat across facts: each distinct text is tokenized once, its tokens counted as often as it occurs.
 */
function wordFrequencies(knowledge: KnowledgeBase, tokenize: (text: string) => readonly string[]): Map<string, number> {
  const { lexicon } = knowledge;
  const occurrences = new Map<string, number>();
  const count = (text: string) => void occurrences.set(text, (occurrences.get(text) ?? 0) + 1);
  for (const fact of knowledge.facts) {
    fact.questions.forEach(count);
    count(fact.answer);
    for (const citation of fact.citations) count(citation.quote);
    for (const value of fact.values) if ("of" in value) count(value.of);
  }
  for (const entity of knowledge.entities) [entity.name, ...entity.aliases].forEach(count);
  for (const [canonical, variants] of Object.entries(lexicon.synonyms)) [canonical, ...variants].forEach(count);
  [...lexicon.stopwords, ...lexicon.filler, ...Object.values(lexicon.shorthand)].forEach(count);
  const frequencies = new Map<string, number>();
  for (const [text, times] of occurrences) {
    for (const token of tokenize(text)) frequencies.set(token, (frequencies.get(token) ?? 0) + times);
  }
  return frequencies;
}

/** Every word of the facts' texts (questions, answers, quotes, values' wordings). */
function factWords(knowledge: KnowledgeBase, tokenize: (text: string) => readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const fact of knowledge.facts) {
    for (const text of [...fact.questions, fact.answer, ...fact.citations.map((citation) => citation.quote), ...fact.values.map((value) => ("of" in value ? value.of : ""))]) {
      for (const token of tokenize(text)) words.add(token);
    }
  }
  return words;
}

function factVocabulary(
  knowledge: KnowledgeBase,
  tokenize: (text: string) => readonly string[],
  read: (token: string) => TokenReading,
  stopwords: ReadonlySet<string>,
  phrases: ReadonlyMap<string, string>,
): Set<string> {
  const texts = new Set<string>();
  for (const fact of knowledge.facts) {
    for (const question of fact.questions) texts.add(question);
    texts.add(fact.answer);
    for (const citation of fact.citations) texts.add(citation.quote);
    for (const value of fact.values) if ("of" in value) texts.add(value.of);
  }
  const vocabulary = new Set<string>();
  for (const text of texts) {
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (!stopwords.has(token)) vocabulary.add(read(token).term);
      // A lexicon phrase the facts use ("hit back") counts as its term.
      for (let length = 2; length <= 4 && i + length <= tokens.length; length++) {
        const term = phrases.get(tokens.slice(i, i + length).join(" "));
        if (term) vocabulary.add(term);
      }
    }
  }
  return vocabulary;
}

/** Remembers each token's reading; chat can bring any word, so the memory is bounded. */
function tokenReader(words: {
  shorthand: ReadonlyMap<string, readonly string[]>;
  stopwords: ReadonlySet<string>;
  aliasWords: ReadonlySet<string>;
  story: ReturnType<typeof createStoryLexicon>;
  spans: SpanNode;
}): (token: string) => TokenReading {
  const readings = new Map<string, TokenReading>();
  return (token) => {
    let reading = readings.get(token);
    if (!reading) {
      reading = {
        shorthand: words.shorthand.get(token),
        stopword: words.stopwords.has(token),
        aliasWord: words.aliasWords.has(token),
        term: words.story.termOf(token),
        spans: words.spans.next.get(token),
      };
      if (readings.size >= 500_000) readings.clear();
      readings.set(token, reading);
    }
    return reading;
  };
}
