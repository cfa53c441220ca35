// The loaded knowledge base: what the engine and the bots see once every data file has passed
// validation.
import type { EntityRecord, FactRecord, Lexicon, SourceRecord } from "./schema.js";

export type { Citation, FactValue, Lexicon } from "./schema.js";

export interface Source extends SourceRecord {
  /** The source text exactly as stored on disk. */
  text: string;
}

export interface Entity extends EntityRecord {
  /** The data file the entity came from, for messages to editors. */
  file: string;
}

export interface Fact extends FactRecord {
  topic: string;
  /** The data file the fact came from, for messages to editors. */
  file: string;
}

export interface Topic {
  id: string;
  title: string;
  factIds: string[];
}

export interface KnowledgeBase {
  sources: ReadonlyMap<string, Source>;
  entities: readonly Entity[];
  facts: readonly Fact[];
  topics: readonly Topic[];
  lexicon: Lexicon;
  /** The lexicon's data file, for messages to editors. */
  lexiconFile: string;
}

/** One thing wrong with the data, phrased for the editor who has to fix it. */
export interface DataProblem {
  file: string;
  field?: string;
  message: string;
}

export type LoadResult =
  | { ok: true; knowledge: KnowledgeBase }
  | { ok: false; problems: DataProblem[] };
