// The editors' review: the refused and 👎-voted asks since a date, grouped (group-questions.ts),
// each group with the facts that came closest and their scores, as text or as JSON.
import { apDate } from "../answers/ap-date.js";
import type { Engine, NearFact } from "../answers/engine.js";
import type { ReviewQueries } from "../store/review-queries.js";
import { groupQuestions, type QuestionGroup } from "./group-questions.js";

export interface ReviewGroup extends QuestionGroup {
  nearestFacts: Array<NearFact & { question: string }>;
  /** What asking the leading wording gets today: an editor's fix shows here. */
  now: { status: string; factIds: string[] };
}

export interface ReviewReport {
  /** YYYY-MM-DD: the asks listed were made on or after this day (UTC). */
  since: string;
  asks: number;
  groups: ReviewGroup[];
}

/** How many of the closest facts each group shows. */
const NEAREST_SHOWN = 3;

export async function buildReview(queries: ReviewQueries, engine: Engine, since: Date): Promise<ReviewReport> {
  const asks = await queries.refusedOrDisliked(since.getTime());
  const firstQuestion = new Map(engine.knowledge.facts.map((fact) => [fact.id, fact.questions[0]!]));
  const groups = groupQuestions(asks, new Set(engine.knowledge.lexicon.stopwords)).map((group) => {
    const lead = group.wordings[0]!.text;
    const result = group.kind === "ask" ? engine.ask(lead) : engine.check(lead);
    return {
      ...group,
      nearestFacts: engine.nearestFacts(lead, NEAREST_SHOWN).map((near) => ({ ...near, question: firstQuestion.get(near.factId) ?? "" })),
      now: { status: "status" in result ? result.status : result.verdict, factIds: result.factIds },
    };
  });
  return { since: since.toISOString().slice(0, 10), asks: asks.length, groups };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function renderReview(report: ReviewReport): string {
  const lines = [`Refused or voted 👎 since ${apDate(report.since)}: ${plural(report.asks, "ask")} in ${plural(report.groups.length, "group")}.`];
  if (report.groups.length === 0) return `${lines[0]} Nothing to review.\n`;
  for (const group of report.groups) {
    const what = group.kind === "ask" ? "question" : "claim";
    lines.push("", `${group.id}  ${plural(group.count, what)}: ${group.refused} refused, ${group.downVotes} 👎 · last ${apDate(new Date(group.lastAskedAt).toISOString().slice(0, 10))}`);
    for (const wording of group.wordings.slice(0, 5)) lines.push(`    "${wording.text}"${wording.count > 1 ? ` ×${wording.count}` : ""}`);
    if (group.wordings.length > 5) lines.push(`    …and ${plural(group.wordings.length - 5, "other wording")}`);
    for (const reason of group.reasons.slice(0, 3)) lines.push(`    👎 "${reason}"`);
    if (group.now.status === "answered" || group.now.status === "supported" || group.now.status === "contradicted") {
      lines.push(`  now ${group.now.status}${group.now.factIds.length ? ` from ${group.now.factIds.join(", ")}` : ""}`);
    }
    lines.push(group.nearestFacts.length ? "  nearest facts:" : "  nearest facts: none share its words");
    for (const near of group.nearestFacts) lines.push(`    ${near.score.toFixed(2)}  ${near.factId}  (${near.question})`);
  }
  lines.push("", "To answer a group's leading wording from a fact: factdesk review --add-phrasing <group> <fact-id>");
  return `${lines.join("\n")}\n`;
}
