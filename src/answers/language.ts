// What the engine knows about words, built once at start from the lexicon and the knowledge base:
// stopwords, shorthand, synonyms, entity aliases, places the sources don't cover, and the speller.
import type { KnowledgeBase } from "../knowledge/types.js";
import { aliasKey, wordTokens } from "../knowledge/text-folding.js";
import { buildSpeller, type Speller } from "./spelling.js";
import { stem } from "./stem.js";

/** What a run of tokens stands for, when it is one of the language's spans, and how many tokens it takes. */
export type Span = { kind: "entity" | "elsewhere" | "phrase" | "filler"; value: string; length: number };

export interface SpanNode {
  next: Map<string, SpanNode>;
  span?: Span;
}

export interface Language {
  stopwords: ReadonlySet<string>;
  shorthand: ReadonlyMap<string, string[]>;
  /** Upper-case-only aliases ("IS" for the Islamic State), matched on the raw text in one pass. */
  caseSensitiveAliases?: { pattern: RegExp; names: ReadonlyMap<string, string> };
  /** Each entity and the places that contain it ("albukamal" -> syria). */
  enclosingPlaces: ReadonlyMap<string, readonly string[]>;
  /** Every word used in some alias ("qassem"). */
  aliasWords: ReadonlySet<string>;
  /** Each entity and the words of its aliases (soleimani -> qassem, suleimani, ...). */
  entityAliasWords: ReadonlyMap<string, ReadonlySet<string>>;
  /** Ids of the entities that are places or bases. */
  places: ReadonlySet<string>;
  speller: Speller;
  /** Is this token one the knowledge base or the lexicon uses? */
  knows(token: string): boolean;
  /** What a token means on its own (see TokenReading), remembered: start-up reads millions of tokens. */
  read(token: string): TokenReading;
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

export function buildLanguage(
  knowledge: KnowledgeBase,
  isEnglishWord: (word: string) => boolean,
  tokenize: (text: string) => readonly string[] = wordTokens,
): Language {
  const { lexicon } = knowledge;
  const stopwords = new Set(lexicon.stopwords.map(wordTokens).filter((tokens) => tokens.length === 1).flat());
  const stopPhrases = new Set(lexicon.stopwords.map(wordTokens).filter((tokens) => tokens.length > 1).map((tokens) => tokens.join(" ")));
  const shorthand = new Map(Object.entries(lexicon.shorthand).map(([short, long]) => [short.toLowerCase(), wordTokens(long)]));

  const phraseSynonyms = new Map<string, string>();
  const wordSynonyms = new Map<string, string>();
  const exactSynonyms = new Map<string, string>();
  for (const [canonical, variants] of Object.entries(lexicon.synonyms)) {
    const term = wordTokens(canonical).map(stem).join(" ");
    for (const variant of [canonical, ...variants]) {
      const tokens = wordTokens(variant);
      if (tokens.length === 1) {
        // The word itself decides first; by stem, the first group to claim a stem keeps it, so
        // "responsible" (in one group) and "response" (another) can share the stem "respons".
        exactSynonyms.set(tokens[0]!, term);
        if (!wordSynonyms.has(stem(tokens[0]!))) wordSynonyms.set(stem(tokens[0]!), term);
      }
      else if (tokens.length > 1) phraseSynonyms.set(tokens.join(" "), term);
    }
  }

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
  for (const entity of knowledge.entities) {
    const chain: string[] = [];
    for (let parent = entity.within; parent && !chain.includes(parent); parent = within.get(parent)) chain.push(parent);
    enclosingPlaces.set(entity.id, chain);
  }

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
  for (const key of elsewhere) addSpan(key, { kind: "elsewhere", value: `!${key}` });
  for (const [key, term] of phraseSynonyms) if (key.includes(" ")) addSpan(key, { kind: "phrase", value: term });
  for (const key of stopPhrases) addSpan(key, { kind: "filler", value: key });

  return {
    stopwords,
    shorthand,
    ...(caseSensitiveAliases ? { caseSensitiveAliases } : {}),
    enclosingPlaces,
    aliasWords,
    entityAliasWords,
    places: new Set(knowledge.entities.filter((entity) => entity.kind === "place" || entity.kind === "base").map((entity) => entity.id)),
    speller: buildSpeller(frequencies, (word) => elsewhereTokens.has(word) || isEnglishWord(word)),
    read: tokenReader({ shorthand, stopwords, aliasWords, exactSynonyms, wordSynonyms, spans }),
    knows: (token) => frequencies.has(token) || shorthand.has(token),
  };
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
  }
  for (const entity of knowledge.entities) [entity.name, ...entity.aliases].forEach(count);
  for (const [canonical, variants] of Object.entries(lexicon.synonyms)) [canonical, ...variants].forEach(count);
  [...lexicon.stopwords, ...Object.values(lexicon.shorthand)].forEach(count);
  const frequencies = new Map<string, number>();
  for (const [text, times] of occurrences) {
    for (const token of tokenize(text)) frequencies.set(token, (frequencies.get(token) ?? 0) + times);
  }
  return frequencies;
}

/** Remembers each token's reading; chat can bring any word, so the memory is bounded. */
function tokenReader(words: {
  shorthand: ReadonlyMap<string, readonly string[]>;
  stopwords: ReadonlySet<string>;
  aliasWords: ReadonlySet<string>;
  exactSynonyms: ReadonlyMap<string, string>;
  wordSynonyms: ReadonlyMap<string, string>;
  spans: SpanNode;
}): (token: string) => TokenReading {
  const readings = new Map<string, TokenReading>();
  return (token) => {
    let reading = readings.get(token);
    if (!reading) {
      const stemmed = stem(token);
      reading = {
        shorthand: words.shorthand.get(token),
        stopword: words.stopwords.has(token),
        aliasWord: words.aliasWords.has(token),
        term: words.exactSynonyms.get(token) ?? words.wordSynonyms.get(stemmed) ?? stemmed,
        spans: words.spans.next.get(token),
      };
      if (readings.size >= 500_000) readings.clear();
      readings.set(token, reading);
    }
    return reading;
  };
}
