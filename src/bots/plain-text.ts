// Renders engine results as plain text for the terminal chat and the CLI: the answer, then
// numbered sources with their quoted passages and the as-of date.
import { apDate } from "../answers/ap-date.js";
import type { AnswerResult, CheckResult, CitationView } from "../answers/types.js";
import type { HelpCard, Reply } from "./conversation.js";

export function renderPlainReply(reply: Reply): string {
  if (reply.kind === "answer") return renderAnswer(reply.result);
  if (reply.kind === "check") return renderCheck(reply.result);
  return renderHelp(reply.help);
}

export function renderHelp(help: HelpCard): string {
  return [
    help.scope,
    `Topics: ${help.topics.join("; ")}.`,
    `Fact-check a sentence: ${help.checkExample}`,
    "Try:",
    ...help.examples.map((example) => `  - ${example}`),
  ].join("\n");
}

export function renderAnswer(result: AnswerResult): string {
  const lines = [result.answer];
  if (result.status === "answered") {
    if (result.asOf) lines.push(`As of ${apDate(result.asOf)}.`);
    lines.push(...renderSources(result.citations));
    if (result.suggestions.length) lines.push("", "You could also ask:", ...result.suggestions.map((s) => `  - ${s}`));
  } else {
    lines.push(...result.suggestions.map((s) => `  - ${s}`));
  }
  return lines.join("\n");
}

export function renderCheck(result: CheckResult): string {
  const lines = [result.explanation];
  if (result.claims.length > 1) {
    lines.push("", "Claim by claim:", ...result.claims.map((claim) => `  - "${claim.claim}": ${claim.explanation}`));
  }
  lines.push(...renderSources(result.citations));
  return lines.join("\n");
}

function renderSources(citations: readonly CitationView[]): string[] {
  if (citations.length === 0) return [];
  return [
    "",
    "Sources:",
    ...citations.map(
      (citation, i) => `  [${i + 1}] ${citation.publisher}, "${citation.title}", ${apDate(citation.published)}\n      "${citation.quote}"`,
    ),
  ];
}
