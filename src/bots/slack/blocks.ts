// Renders a FactDesk reply as a Slack message (Block Kit blocks plus the plain `text` fallback
// that notifications and screen readers use), and the help card as the App Home tab. Pure: a reply
// in, a message or view out, always within limits.
import type { types } from "@slack/bolt";
import { apDate } from "../../answers/ap-date.js";
import type { AnswerResult, CheckResult, CitationView } from "../../answers/types.js";
import type { HelpCard, Reply } from "../conversation.js";
import { clip } from "../clip.js";
import { FEEDBACK_ACTIONS, feedbackButtons } from "./feedback-blocks.js";
import { blockQuote, escapeText, SLACK_LIMITS, splitText } from "./mrkdwn.js";

type Block = types.KnownBlock;
type HomeView = types.HomeView;
type Button = types.Button;

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Action ids of our buttons; listeners match on the prefixes. */
export const ACTIONS = Object.freeze({
  ask: "factdesk_ask",
  feedback: FEEDBACK_ACTIONS.vote,
  share: "factdesk_share",
});

/** The message shortcut, as both manifests declare it: its callback id and the name people see in a message's menu. */
export const FACT_CHECK_SHORTCUT = Object.freeze({ callbackId: "factcheck_message", name: "Fact-check with FactDesk" });

/** What a Share button carries: enough to produce the same reply again for the channel. */
export interface ShareRequest {
  kind: "ask" | "check";
  text: string;
  /** The thread the shared reply goes to (a checked message's); the channel itself when absent. */
  thread?: string;
}

export interface RenderOptions {
  /** Ephemeral replies to slash commands get a "Share in channel" button. */
  shareable?: boolean;
  /** Where Share posts the reply: this thread (a checked message's), else the channel. */
  shareThread?: string;
  /** Shown above a shared reply: who asked. Already safe for mrkdwn. */
  sharedBy?: string;
  /** Shown above the reply, in italics: why it arrives the way it does. Plain text. */
  notice?: string;
}

export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  switch (reply.kind) {
    case "help":
      return renderHelp(reply.help, options);
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

function renderAnswer(question: string, result: AnswerResult, options: RenderOptions, askId?: string): SlackMessage {
  const lead = [...noticeLine(options), ...asked(options, question), ...sections(escapeText(result.answer))];
  if (result.status !== "answered") {
    return fit({ lead, body: [], tail: askButtons(result.suggestions) }, fallback(result.answer, result.suggestions));
  }
  const buttons = [...(askId ? feedbackButtons(askId) : []), ...shareButton(options, { kind: "ask", text: result.readAs ?? question })];
  const tail = [...asOfLine(result.asOf), ...askButtons(result.suggestions), ...(buttons.length ? [actionsRow(buttons)] : [])];
  return fit({ lead, body: citationBlocks(result.citations), tail }, fallback(result.answer, [], result.asOf));
}

function renderCheck(claim: string, result: CheckResult, options: RenderOptions, askId?: string): SlackMessage {
  // The explanation leads with its verdict ("Contradicted: ..."); the verdict is set in bold.
  const boldVerdict = (text: string) => escapeText(text).replace(/^(Supported|Contradicted|Not enough info):/, "*$1:*");
  const lead = [...noticeLine(options), ...asked(options, claim, "checked"), ...sections(boldVerdict(result.explanation))];
  if (result.claims.length > 1) {
    const lines = result.claims.map((part) => `• _"${escapeText(part.claim)}"_: ${boldVerdict(part.explanation)}`);
    lead.push(...sections(`*Claim by claim*\n${lines.join("\n")}`));
  }
  const buttons = [...(askId ? feedbackButtons(askId) : []), ...shareButton(options, { kind: "check", text: result.readAs ?? claim })];
  const tail = buttons.length ? [actionsRow(buttons)] : [];
  return fit({ lead, body: citationBlocks(result.citations), tail }, fallback(result.explanation, []));
}

/** What FactDesk covers, how to ask and fact-check, and its sources: the help reply's card and the Home tab's. */
function helpCardText(help: HelpCard): string {
  const sources = help.sources.map((source) => `${escapeText(source.publisher)}, ${sourceTitle(source)}, ${apDate(source.published)}`);
  const asOf = help.asOf ? `, as of ${apDate(help.asOf)}` : "";
  return [
    escapeText(help.scope),
    `*Topics:* ${escapeText(help.topics.join("; "))}.`,
    `*Ask* by mentioning me, in a DM, or with \`/factdesk ${escapeText("<question>")}\`. *Fact-check* a sentence with \`/factcheck ${escapeText("<sentence>")}\` or "${escapeText(help.checkExample)}", or a whole message with *${FACT_CHECK_SHORTCUT.name}* in its ⋮ menu (More actions).`,
    `*Sources* (${help.factCount} facts${asOf}): ${sources.join("; ")}.`,
  ].join("\n");
}

function renderHelp(help: HelpCard, options: RenderOptions): SlackMessage {
  const lead = [...noticeLine(options), ...sections(`${helpCardText(help)}\nTry one of these:`)];
  return fit({ lead, body: [], tail: askButtons(help.examples) }, fallback(help.scope, help.examples));
}

/**
 * The App Home tab: the help card, with the examples as a list rather than buttons (a click in a
 * Home tab comes without a response_url or a channel to answer in). Within 100 blocks: the
 * questions to try always stay; a card too long for the rest loses its last sources.
 */
export function renderHome(help: HelpCard): HomeView {
  // As many as the help reply offers as buttons.
  const examples = help.examples.slice(0, 5).map((question) => `• ${escapeText(question)}`).join("\n");
  const tail: Block[] = [
    { type: "divider" },
    ...sections(`*Try asking*\n${examples}`),
    context("Answers to /factdesk, /factcheck and the message shortcut are seen only by you until you share them. Passages are quoted verbatim from the sources."),
  ];
  const card = sections(helpCardText(help)).slice(0, SLACK_LIMITS.blocksPerView - 1 - tail.length);
  return { type: "home", blocks: [{ type: "header", text: { type: "plain_text", text: "FactDesk" } }, ...card, ...tail] };
}

function noticeLine(options: RenderOptions): Block[] {
  return options.notice ? [context(`_${escapeText(options.notice)}_`)] : [];
}

function asked(options: RenderOptions, text: string, verb = "asked"): Block[] {
  if (!options.sharedBy) return [];
  return [context(`${options.sharedBy} ${verb}: _${escapeText(clip(text, 500))}_`)];
}

function citationBlocks(citations: readonly CitationView[]): Block[] {
  return citations.flatMap((citation) => {
    const heading = `*${escapeText(citation.publisher)}* · ${sourceTitle(citation)} · ${apDate(citation.published)}`;
    return sections(`${heading}\n${blockQuote(escapeText(citation.quote))}`);
  });
}

function sourceTitle(source: { title: string; url?: string }): string {
  const title = escapeText(source.title);
  return source.url && !/[<>|\s]/.test(source.url) ? `<${source.url}|${title}>` : `_${title}_`;
}

function asOfLine(asOf: string | null): Block[] {
  return asOf ? [context(`As of ${apDate(asOf)}. Passages are quoted verbatim from the sources.`)] : [];
}

function askButtons(questions: readonly string[]): Block[] {
  const buttons = questions.slice(0, 5).map((question, i): Button => ({
    type: "button",
    action_id: `${ACTIONS.ask}:${i}`,
    text: { type: "plain_text", text: clip(question, SLACK_LIMITS.buttonText) },
    value: clip(question, SLACK_LIMITS.buttonValue),
  }));
  return buttons.length ? [actionsRow(buttons)] : [];
}

function shareButton(options: RenderOptions, request: ShareRequest): Button[] {
  if (!options.shareable) return [];
  const value = encodeValue({ ...request, ...(options.shareThread ? { thread: options.shareThread } : {}) });
  return [{ type: "button", style: "primary", action_id: ACTIONS.share, text: { type: "plain_text", text: "Share in channel" }, value }];
}

/** Button values hold at most 2,000 characters: long text is shortened until the value fits. */
export function encodeValue(value: ShareRequest): string {
  const json = JSON.stringify(value);
  if (json.length <= SLACK_LIMITS.buttonValue) return json;
  // JSON escaping can make text up to six times longer, so shorten by the overflow and try again.
  const over = json.length - SLACK_LIMITS.buttonValue;
  return encodeValue({ ...value, text: value.text.slice(0, Math.max(0, value.text.length - over - 1)) });
}

function actionsRow(elements: Button[]): Block {
  return { type: "actions", elements: elements.slice(0, SLACK_LIMITS.elementsPerActions) };
}

function context(mrkdwn: string): Block {
  return { type: "context", elements: [{ type: "mrkdwn", text: clip(mrkdwn, SLACK_LIMITS.sectionText), verbatim: true }] };
}

function sections(mrkdwn: string): Block[] {
  return splitText(mrkdwn).map((piece) => ({ type: "section", text: { type: "mrkdwn", text: piece || " ", verbatim: true } }));
}

function fallback(answer: string, suggestions: readonly string[], asOf?: string | null): string {
  const parts = [answer, asOf ? `(As of ${apDate(asOf)}.)` : "", ...suggestions.map((s) => `• ${s}`)].filter(Boolean);
  return clip(escapeText(parts.join("\n")), SLACK_LIMITS.fallbackText);
}

/**
 * Keeps a message within 50 blocks: the lead (the answer) and the tail (as-of and buttons) always
 * stay; sources are dropped from the end with a note saying how many were left out.
 */
function fit(parts: { lead: Block[]; body: Block[]; tail: Block[] }, text: string): SlackMessage {
  const max = SLACK_LIMITS.blocksPerMessage;
  const lead = parts.lead.slice(0, max - parts.tail.length - 2);
  let body = parts.body;
  if (lead.length + body.length + parts.tail.length > max) {
    const room = max - lead.length - parts.tail.length - 1;
    const left = body.length - room;
    body = [...body.slice(0, room), context(`…and ${left} more passage${left === 1 ? "" : "s"} not shown.`)];
  }
  return { text, blocks: [...lead, ...body, ...parts.tail] };
}
