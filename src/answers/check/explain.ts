// `factdesk check --explain`: the claims as split, the slots read from each, the facts compared,
// every finding with the rule that made it, and the verdict.
import type { EngineParts } from "../engine.js";
import { describeDate } from "../abstain.js";
import type { ClaimWork } from "./check.js";
import { CHECK_RULES } from "./rules.js";

export function explainClaims(work: readonly ClaimWork[], parts: EngineParts): string {
  if (work.length === 0) return "No claim to check.";
  const name = (id: string) => parts.entities.get(id)?.name ?? id;
  return work
    .map((claim, i) => {
      const { reading } = claim;
      const lines = [`Claim ${i + 1} of ${work.length}: "${claim.part.claim}"${claim.part.context ? ` (borrowing "${claim.part.context}")` : ""}`, "", "Read as:"];
      if (reading.entities.length) lines.push(`  names: ${reading.entities.map(name).join(", ")}`);
      for (const figure of reading.figures) lines.push(`  figure: ${figure.written} (${figure.qualifier}) counting ${figure.head ?? "?"}${figure.said.length ? `, said to be ${figure.said.join(" ")}` : ""}${figure.place ? `, in ${name(figure.place)}` : ""}`);
      for (const date of reading.dates) lines.push(`  date: ${date.relation ? `${date.relation} ` : ""}${describeDate(date)}`);
      if (reading.share) lines.push(`  share: ${reading.share.qualifier} ${reading.share.value}`);
      if (reading.ordinal !== undefined) lines.push(`  which one: ${reading.ordinal}`);
      for (const action of reading.actions) {
        lines.push(`  action: ${action.negated ? "not " : ""}${action.action}; by ${action.actors.map(name).join(", ") || "?"}; to ${action.targets.map(name).join(", ") || "?"}${action.owner ? `; whose: ${name(action.owner)}` : ""}${action.places.length ? `; where: ${action.places.map(name).join(", ")}` : ""}`);
      }
      if (reading.negated) lines.push(`  negated${reading.universal ? " (every case)" : ""}`);
      if (reading.attribution) lines.push(`  attributed${reading.attribution.entities.length ? ` to ${reading.attribution.entities.map(name).join(", ")}` : ""}${reading.attribution.anonymous ? " (anonymously)" : ""}${reading.attribution.onTheRecord ? " (on the record)" : ""}`);
      if (reading.ranking) lines.push("  ranks something (most, largest)");
      if (reading.comparison) lines.push(`  compares: ${reading.comparison.direction}${reading.comparison.ratio ? ` by ${reading.comparison.ratio} times` : ""}`);
      lines.push(`  words: ${reading.contentTerms.join(", ") || "(none)"}`);
      lines.push("", `Facts compared: ${claim.facts.map((entry) => entry.fact.id).join(", ") || "(none)"}`, "", "Findings:");
      for (const finding of claim.findings) {
        lines.push(`  ${finding.rule} (${CHECK_RULES[finding.rule]}): ${finding.outcome}${finding.fact ? ` [${finding.fact.fact.id}]` : ""} -- claim: ${finding.claimed}; source: ${finding.sourced}`);
      }
      if (claim.findings.length === 0) lines.push("  (none)");
      lines.push("", `Verdict: ${claim.verdict}${claim.deciding ? `, by the ${claim.deciding.rule} rule` : ""}`);
      return lines.join("\n");
    })
    .join("\n\n");
}
