// `factdesk ask --explain`: what the engine understood of a question, its best candidates with
// every factor of the score, and the decision with the rule that made it. Written for an editor:
// reading it, they know why a question was refused and what to add to data/.
import { ABSTENTION_RULES } from "./abstain.js";
import { describeDate } from "./abstain.js";
import type { EngineParts, QuestionWork } from "./engine.js";
import { combine, factorsOf, querySlots, rankByDefinition } from "./score.js";
import { isEntityTerm } from "./understand.js";

const CANDIDATES_SHOWN = 5;
const f2 = (n: number) => n.toFixed(2);

export function explainWork(work: readonly QuestionWork[], parts: EngineParts): string {
  return work.map((entry, i) => explainOne(entry, parts, work.length > 1 ? `Question ${i + 1} of ${work.length}: ` : "")).join("\n\n");
}

function explainOne(entry: QuestionWork, parts: EngineParts, heading: string): string {
  const { understood, decision } = entry;
  const { index, language } = parts;
  const reading = understood.question;
  const lines: string[] = [`${heading}"${entry.text}"`, "", "Understood:"];
  lines.push(`  type: ${understood.type}${reading?.category ? ` (asks for a ${reading.category})` : ""}`);
  if (understood.type === "count" && reading) {
    lines.push(`  counts: ${reading.countsEvents ? `times that ${reading.predicate ?? "?"}` : reading.countedTerms.join(" ") || "(what is counted is not said)"}${reading.predicate && !reading.countsEvents ? `, said to be ${reading.predicate}` : ""}`);
  }
  if (entry.carried) lines.push("  carried over: words from the question before it in the message");
  if (understood.entities.length) lines.push(`  names: ${understood.entities.map((id) => parts.entities.get(id)?.name ?? id).join(", ")}`);
  if (understood.elsewhere.length) lines.push(`  places the sources don't cover: ${understood.elsewhere.map((place) => place.slice(1)).join(", ")}`);
  if (reading?.unknownNames.length) lines.push(`  names the sources never mention: ${reading.unknownNames.join(", ")}`);
  if (reading?.dates.length) lines.push(`  dates: ${reading.dates.map((date) => `${date.relation ? `${date.relation} ` : ""}${describeDate(date)}`).join(", ")}`);
  if (reading?.numbers.length) lines.push(`  figures: ${reading.numbers.join(", ")}`);
  if (reading?.ordinal !== undefined) lines.push(`  which one: ${reading.ordinal}`);
  if (understood.corrections.length) lines.push(`  typos corrected: ${understood.corrections.map((c) => `${c.from} -> ${c.to}`).join(", ")}`);
  const slots = querySlots({ ...understood, expansions: reading?.asked.map((asked) => asked.expansions) }, index);
  const total = slots.reduce((sum, slot) => sum + slot.weight, 0);
  lines.push("  words:");
  understood.terms.forEach((term, t) => {
    const asked = reading?.asked[t];
    const share = total > 0 ? `${Math.round((slots[t]!.weight / total) * 100)}% of the question` : "";
    if (isEntityTerm(term)) {
      lines.push(`    ${asked?.word ?? term} -> ${parts.entities.get(term.slice(1))?.name ?? term} (name; ${share})`);
      return;
    }
    if (!asked || asked.known) {
      lines.push(`    ${asked?.word ?? term} -> ${term} (${asked?.specific ? "a thing asked about; " : ""}${share})`);
    } else if (asked.expansions.length > 0) {
      lines.push(`    ${asked.word}: not in the knowledge base (${share}); may stand for ${asked.expansions.map((e) => `${e.term} ${f2(e.weight)} [${e.via}]`).join("; ")}`);
    } else {
      lines.push(`    ${asked.word}: not in the knowledge base, nothing related (${asked.specific ? "a thing asked about; " : "costs "}${share})`);
    }
  });

  lines.push("", "Candidates (score = recall x (0.4 + 0.6 x phrasing) x names x type x measure):");
  const question = { ...understood, expansions: reading?.asked.map((asked) => asked.expansions) };
  // The reference ranking, so candidates below the suggestion score still show.
  const shown = rankByDefinition(question, index, language.places, CANDIDATES_SHOWN);
  for (const candidate of shown) {
    const factors = factorsOf(question, slots, candidate.factIndex, index, language.places);
    const rejection = decision.rejected.find((r) => r.candidate.factIndex === candidate.factIndex);
    lines.push(
      `  ${index.facts[candidate.factIndex]!.fact.id}: ${f2(combine(factors))} = recall ${f2(factors.recall)}, phrasing ${f2(factors.phrasing)}, names ${f2(factors.entities)}, type ${f2(factors.type)}, measure ${f2(factors.measure)}` +
        (rejection ? `  -- turned down: ${rejection.rule} (${rejection.detail})` : ""),
    );
  }
  if (shown.length === 0) lines.push("  (no fact shares a word with the question)");

  lines.push("", "Decision:");
  if (entry.describes) lines.push(`  answered from the catalogue entry for ${parts.entities.get(entry.describes)?.name}`);
  else if (decision.status === "answered") lines.push(`  answered with ${index.facts[decision.best.factIndex]!.fact.id} (score ${f2(decision.best.score)})`);
  else if (decision.status === "clarify") lines.push(`  clarify between ${decision.options.map((o) => index.facts[o.factIndex]!.fact.id).join(", ")}: the runner-up is within the clarify ratio of the best`);
  else lines.push(`  not answered, rule ${decision.rule}: ${ABSTENTION_RULES[decision.rule]} (${decision.detail})`);
  return lines.join("\n");
}
