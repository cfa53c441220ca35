// The passages a reply quotes, grouped by source and numbered as shown: one heading per
// source with its passages under it, so nine quotes from one article are one heading, not nine.
// A fact check says which numbered passages bear on each of its claims.
import type { CitationView } from "../answers/types.js";

export interface Passage {
  /** 1, 2, 3 ... across the whole reply, in the order the groups show them. */
  number: number;
  quote: string;
}

export interface SourceGroup {
  sourceId: string;
  publisher: string;
  title: string;
  published: string;
  url?: string;
  passages: Passage[];
}

/** The citations grouped by source (in the order each source is first cited), each passage once, numbered as they are shown. */
export function groupBySource(citations: readonly CitationView[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  for (const citation of citations) {
    let group = groups.get(citation.sourceId);
    if (!group) {
      const { quote: _quote, ...source } = citation;
      group = { ...source, passages: [] };
      groups.set(citation.sourceId, group);
    }
    if (!group.passages.some((passage) => passage.quote === citation.quote)) group.passages.push({ number: 0, quote: citation.quote });
  }
  let number = 0;
  for (const group of groups.values()) for (const passage of group.passages) passage.number = ++number;
  return [...groups.values()];
}

/** The numbers the grouping gives these citations (a claim's own), in order, each once. */
export function passageNumbers(groups: readonly SourceGroup[], citations: readonly CitationView[]): number[] {
  const numbers = citations.flatMap((citation) => groups.find((group) => group.sourceId === citation.sourceId)?.passages.find((passage) => passage.quote === citation.quote)?.number ?? []);
  return [...new Set(numbers)];
}
