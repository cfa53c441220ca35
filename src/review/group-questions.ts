// Groups what people asked so that the same question in different words is one row for the
// editors: each wording becomes its set of topic words (stopwords out, Porter stems, question words
// kept), and a wording joins the group whose leading wording asks with the same question word and
// shares at least half of its words (Jaccard), else starts a group. Most-asked wordings lead. Pure and deterministic: the same asks
// give the same groups, with ids derived from their leading wording.
import { createHash } from "node:crypto";
import { stemmer } from "stemmer";
import type { ReviewedAsk } from "../store/review-queries.js";

/** Two wordings sharing at least this share of their topic words are the same question. */
export const SAME_QUESTION_SIMILARITY = 0.5;

/** Kept although they are stopwords: "when did it start" and "why did it start" are different questions. */
const QUESTION_WORDS = new Set(["how", "when", "where", "who", "why", "what"]);

export interface Wording {
  text: string;
  count: number;
}

export interface QuestionGroup {
  /** Stable for the same leading wording: `factdesk review --add-phrasing <id> <fact-id>`. */
  id: string;
  kind: "ask" | "check";
  /** Every wording, most asked first; the first leads the group. */
  wordings: Wording[];
  count: number;
  refused: number;
  downVotes: number;
  reasons: string[];
  firstAskedAt: number;
  lastAskedAt: number;
}

export function topicWords(text: string, stopwords: ReadonlySet<string>): Set<string> {
  const words = text.toLowerCase().normalize("NFKC").match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
  return new Set(words.filter((word) => QUESTION_WORDS.has(word) || !stopwords.has(word)).map((word) => (/\d/.test(word) ? word : stemmer(word))));
}

/** Jaccard overlap of two wordings' topic words; 0 when they ask with different question words ("when" and "why"). */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const asks = (words: ReadonlySet<string>) => [...words].filter((word) => QUESTION_WORDS.has(word)).sort().join(" ");
  const [askedA, askedB] = [asks(a), asks(b)];
  if (askedA && askedB && askedA !== askedB) return 0;
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** How a wording is shown and compared: trimmed, with runs of white space made one space. */
export const cleanWording = (text: string) => text.replace(/\s+/g, " ").trim();

export function groupQuestions(asks: readonly ReviewedAsk[], stopwords: ReadonlySet<string>): QuestionGroup[] {
  // Identical wordings (ignoring case, spacing and end punctuation) are counted together first.
  const byWording = new Map<string, { kind: "ask" | "check"; text: string; asks: ReviewedAsk[] }>();
  for (const ask of asks) {
    const text = cleanWording(ask.text);
    const key = `${ask.kind}\u0000${text.toLowerCase().replace(/[\s?!.]+$/, "")}`;
    const entry = byWording.get(key) ?? { kind: ask.kind, text, asks: [] };
    entry.asks.push(ask);
    byWording.set(key, entry);
  }
  const wordings = [...byWording.values()].sort((a, b) => b.asks.length - a.asks.length || a.text.localeCompare(b.text));

  const groups: Array<{ kind: "ask" | "check"; lead: Set<string>; members: typeof wordings }> = [];
  for (const wording of wordings) {
    const words = topicWords(wording.text, stopwords);
    let best: (typeof groups)[number] | undefined;
    let bestSimilarity = SAME_QUESTION_SIMILARITY;
    for (const group of groups) {
      if (group.kind !== wording.kind) continue;
      const s = similarity(words, group.lead);
      if (s >= bestSimilarity && (!best || s > bestSimilarity)) [best, bestSimilarity] = [group, s];
    }
    if (best) best.members.push(wording);
    else groups.push({ kind: wording.kind, lead: words, members: [wording] });
  }

  return groups
    .map(({ kind, members }): QuestionGroup => {
      const all = members.flatMap((member) => member.asks);
      const times = all.map((ask) => ask.askedAt);
      return {
        id: groupId(kind, members[0]!.text),
        kind,
        wordings: members.map((member) => ({ text: member.text, count: member.asks.length })),
        count: all.length,
        refused: all.filter((ask) => ask.outcome === "no_answer" || ask.outcome === "not_enough_info").length,
        downVotes: all.reduce((sum, ask) => sum + ask.downVotes, 0),
        reasons: all.flatMap((ask) => ask.reasons),
        firstAskedAt: Math.min(...times),
        lastAskedAt: Math.max(...times),
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAskedAt - a.lastAskedAt || a.id.localeCompare(b.id));
}

/** "q" for questions, "c" for claims, then six hex digits of the leading wording. */
function groupId(kind: "ask" | "check", leadingWording: string): string {
  return `${kind === "ask" ? "q" : "c"}${createHash("sha256").update(leadingWording.toLowerCase()).digest("hex").slice(0, 6)}`;
}
