// The help card, as a reply (with its questions to try as buttons) and as the App Home tab (as a
// list: a Home tab click comes without a response_url or a channel to answer in). Pure.
import type { types } from "@slack/bolt";
import { apDate } from "../../answers/ap-date.js";
import type { HelpCard } from "../conversation.js";
import { askButtons } from "./buttons.js";
import { escapeText, SLACK_LIMITS } from "./mrkdwn.js";
import { context, fallbackText, fitMessage, sections, type SlackMessage } from "./message-fit.js";

type Block = types.KnownBlock;

/** The message shortcut, as both manifests declare it: its callback id and the name people see in a message's menu. */
export const FACT_CHECK_SHORTCUT = Object.freeze({ callbackId: "factcheck_message", name: "Fact-check with FactDesk" });

/** A source's title, as a link when its metadata gives a URL Slack's markup can hold. */
export function sourceTitle(source: { title: string; url?: string }): string {
  const title = escapeText(source.title);
  return source.url && !/[<>|\s]/.test(source.url) ? `<${source.url}|${title}>` : `_${title}_`;
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

export function renderHelp(help: HelpCard, lead: Block[]): SlackMessage {
  const text = fallbackText([help.scope, ...help.examples.map((question) => `• ${question}`)]);
  return fitMessage({ lead: [...lead, ...sections(`${helpCardText(help)}\nTry one of these:`)], sources: [], tail: askButtons(help.examples) }, text);
}

/**
 * The App Home tab: the help card, with the examples as a list rather than buttons. Within 100
 * blocks: the questions to try always stay; a card too long for the rest loses its last sources.
 */
export function renderHome(help: HelpCard): types.HomeView {
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
