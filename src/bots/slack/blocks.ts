// Renders a FactDesk reply as a Slack message (Block Kit blocks plus the plain `text` fallback
// that notifications and screen readers use): what it answers, the answer or verdict, its sources
// grouped and numbered, the as-of date and buttons. Pure: a reply in, a message out, always within
// limits (message-fit.ts); a brief and a plain rendering for when Slack still finds it too long.
import type { types } from "@slack/bolt";
import { apDate } from "../../answers/ap-date.js";
import type { AnswerResult, CheckResult, CitationView, Verdict } from "../../answers/types.js";
import type { Reply } from "../conversation.js";
import { clip } from "../clip.js";
import { groupBySource, passageNumbers, type SourceGroup } from "../sources.js";
import { actionsRow, askButtons, shareButton, type ShareRequest } from "./buttons.js";
import { feedbackButtons } from "./feedback-blocks.js";
import { FACT_CHECK_SHORTCUT, renderHelp, sourceTitle } from "./help-blocks.js";
import { blockQuote, escapeText, SLACK_LIMITS } from "./mrkdwn.js";
import { context, fallbackText, fitMessage, sections, type SlackMessage, type SourceText } from "./message-fit.js";

export { ACTIONS, type ShareRequest } from "./buttons.js";
export { FACT_CHECK_SHORTCUT, renderHome } from "./help-blocks.js";
export type { SlackMessage } from "./message-fit.js";

type Block = types.KnownBlock;

export interface RenderOptions {
  /** Ephemeral replies to slash commands get a "Share in channel" button. */
  shareable?: boolean;
  /** Where Share posts the reply: this thread (a checked message's), else the channel. */
  shareThread?: string;
  /**
   * Who the reply answers, shown above it with what they asked, for a reply that does not sit under
   * the question: "<@U…>" (already safe for mrkdwn) in a shared reply or one to a click, "You" in a
   * private one.
   */
  askedBy?: string;
  /** Shown above the reply, in italics: why it arrives the way it does. Plain text. */
  notice?: string;
  /** The answer, its as-of date and its first passage only: for a message Slack refused as too long. */
  brief?: boolean;
}

/** The verdict as every Slack reply words it, from the engine's typed verdict. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = Object.freeze({ supported: "Supported", contradicted: "Contradicted", not_enough_info: "Not enough info" });

export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  switch (reply.kind) {
    case "help":
      return renderHelp(reply.help, noticeLine(options));
    case "answer":
      return renderAnswer(reply.question, reply.result, options, reply.askId);
    case "check":
      return renderCheck(reply.claim, reply.result, options, reply.askId);
  }
}

/** A short message with no buttons: apologies, rate limits, acknowledgements. */
export function renderNotice(text: string): SlackMessage {
  return { text: escapeText(text), blocks: sections(escapeText(text)) };
}

/** The last resort for a reply Slack refused as too long even when brief: text only, no blocks. */
export function renderPlain(reply: Reply, options: RenderOptions = {}): SlackMessage {
  if (reply.kind === "help") return { text: fallbackText([reply.help.scope, ...reply.help.examples.map((question) => `• ${question}`)]), blocks: [] };
  const [asked, verb, lead] = reply.kind === "answer" ? [reply.question, "asked", reply.result.answer] : [reply.claim, "checked", reply.result.explanation];
  const asOf = reply.kind === "answer" && reply.result.asOf ? `(As of ${apDate(reply.result.asOf)}.)` : "";
  const first = reply.result.citations[0];
  const source = first ? `"${clip(first.quote, 600)}" (${first.publisher}, ${first.title}, ${apDate(first.published)})` : "";
  const who = options.askedBy ? [`${options.askedBy} ${verb}: ${escapeText(clip(asked, 300))}`] : [];
  // Each part cut before it is escaped, so the whole stays within the fallback's 3,000 characters.
  const text = [...who, ...[clip(lead, 1500), asOf, source].filter(Boolean).map(escapeText)].join("\n");
  return { text, blocks: [] };
}

function renderAnswer(question: string, result: AnswerResult, options: RenderOptions, askId?: string): SlackMessage {
  const lead = [...noticeLine(options), ...askedLine(options, question, "asked"), ...sections(escapeText(result.answer))];
  if (result.status !== "answered") {
    return fitMessage({ lead, sources: [], tail: askButtons(result.suggestions) }, fallbackText([result.answer, ...result.suggestions.map((s) => `• ${s}`)]));
  }
  const buttons = [...(askId ? feedbackButtons(askId) : []), ...shareButtons(options, { kind: "ask", text: result.readAs ?? question })];
  const tail = [...asOfLine(result.asOf), ...(options.brief ? [] : askButtons(result.suggestions)), ...(buttons.length ? [actionsRow(buttons)] : [])];
  const groups = groupBySource(result.citations);
  return fitMessage({ lead, sources: sourceTexts(groups), tail, ...brevity(options) }, fallbackText([result.answer, result.asOf ? `(As of ${apDate(result.asOf)}.)` : ""]));
}

function renderCheck(claim: string, result: CheckResult, options: RenderOptions, askId?: string): SlackMessage {
  const groups = groupBySource(result.citations);
  const lead = [...noticeLine(options), ...askedLine(options, claim, "checked"), ...sections(verdictText(result.verdict, result.explanation))];
  if (result.claims.length > 1 && !options.brief) {
    const lines = result.claims.map((part) => `• _"${escapeText(part.claim)}"_: ${verdictText(part.verdict, part.explanation)}${passageRefs(groups, part.citations)}`);
    lead.push(...sections(`*Claim by claim*\n${lines.join("\n")}`));
  }
  const buttons = [...(askId ? feedbackButtons(askId) : []), ...shareButtons(options, { kind: "check", text: result.readAs ?? claim })];
  const tail = buttons.length ? [actionsRow(buttons)] : [];
  return fitMessage({ lead, sources: sourceTexts(groups), tail, ...brevity(options) }, fallbackText([result.explanation]));
}

const brevity = (options: RenderOptions) => (options.brief ? { mostPassages: 1 } : {});

/**
 * "*Contradicted:* the claim says …": the label from the typed verdict, in bold. The engine's
 * explanation opens with the same label, which is then not said twice.
 */
function verdictText(verdict: Verdict, explanation: string): string {
  const label = VERDICT_LABELS[verdict];
  const said = explanation.startsWith(`${label}:`) ? explanation.slice(label.length + 1).trimStart() : explanation;
  return `*${label}:* ${escapeText(said)}`;
}

/** " [1] [3]": the numbered passages that bear on one claim of a check. */
function passageRefs(groups: readonly SourceGroup[], citations: readonly CitationView[]): string {
  const numbers = passageNumbers(groups, citations);
  return numbers.length ? ` ${numbers.map((n) => `[${n}]`).join(" ")}` : "";
}

/** One heading per source (publisher, linked title, date), its passages quoted under it as [1], [2], … */
function sourceTexts(groups: readonly SourceGroup[]): SourceText[] {
  return groups.map((group) => ({
    heading: `*${escapeText(group.publisher)}* · ${sourceTitle(group)} · ${apDate(group.published)}`,
    passages: group.passages.map((passage) => blockQuote(`*[${passage.number}]* ${escapeText(passage.quote)}`)),
  }));
}

function noticeLine(options: RenderOptions): Block[] {
  return options.notice ? [context(`_${escapeText(options.notice)}_`)] : [];
}

/** `<@U…> asked: _…_` or `You checked: _…_`, for a reply that is not right under what it answers. */
function askedLine(options: RenderOptions, text: string, verb: "asked" | "checked"): Block[] {
  if (!options.askedBy) return [];
  return [context(`${options.askedBy} ${verb}: _${escapeText(clip(text, 500))}_`)];
}

function asOfLine(asOf: string | null): Block[] {
  return asOf ? [context(`As of ${apDate(asOf)}. Passages are quoted verbatim from the sources.`)] : [];
}

function shareButtons(options: RenderOptions, request: ShareRequest) {
  if (!options.shareable) return [];
  return [shareButton({ ...request, ...(options.shareThread ? { thread: options.shareThread } : {}) })];
}

/** How /factcheck is used, for /factcheck sent with nothing to check; `example` is a claim to show. */
export function renderCheckUsage(example?: string): SlackMessage {
  const sample = example ? `, for example \`/factcheck ${escapeText(example)}\`` : "";
  const usage = `To fact-check a sentence, type it after the command: \`/factcheck ${escapeText("<sentence>")}\`${sample}.`;
  const message = `To check a whole message, choose *${FACT_CHECK_SHORTCUT.name}* in its ⋮ menu (More actions).`;
  return { text: clip(usage, SLACK_LIMITS.fallbackText), blocks: sections(`${usage} ${message}`) };
}
