// Renders a FactDesk reply as a Discord message: one embed (the answer, its sources as fields, the
// as-of date in the footer) and buttons for the questions to ask next. Pure, and always within
// Discord's limits, measured with discord.js's own embedLength.
import {
  ButtonStyle,
  ComponentType,
  embedLength,
  escapeMarkdown,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
} from "discord.js";
import { apDate } from "../../answers/ap-date.js";
import type { AnswerResult, CheckResult, CitationView } from "../../answers/types.js";
import { clip } from "../clip.js";
import type { HelpCard, Reply } from "../conversation.js";
import { voteButtons } from "./vote-buttons.js";

/** Discord's limits (discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = Object.freeze({
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  content: 2000,
  buttonLabel: 80,
  customId: 100,
  buttonsPerRow: 5,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
});

export interface DiscordMessage {
  embeds: APIEmbed[];
  components: Array<APIActionRowComponent<APIButtonComponent>>;
}

/** Custom ids of follow-up buttons: this prefix, then the question (cut to fit 100 characters). */
export const ASK_BUTTON_PREFIX = "factdesk:ask:";

/** Bidi controls and zero-width characters: in an echo they can reorder or hide what the user sees. */
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/**
 * What a user typed, shown back as plain text: invisible and direction-changing characters
 * removed, and every piece of markdown escaped, masked links ([text](url)) and headings included.
 */
export function echoed(text: string): string {
  return escapeMarkdown(text.replace(INVISIBLE, ""), { maskedLink: true, heading: true, bulletedList: true, numberedList: true });
}

const COLORS = Object.freeze({ answered: 0x2b6cb0, clarify: 0xd69e2e, no_answer: 0x718096, supported: 0x2f855a, contradicted: 0xc53030, not_enough_info: 0x718096 });
const VERDICT_LABELS = Object.freeze({ supported: "Supported", contradicted: "Contradicted", not_enough_info: "Not enough information" });

export function renderReply(reply: Reply): DiscordMessage {
  switch (reply.kind) {
    case "help":
      return renderHelp(reply.help);
    case "answer":
      return withVoteButtons(renderAnswer(reply.question, reply.result), reply.result.status === "answered" ? reply.askId : undefined);
    case "check":
      return withVoteButtons(renderCheck(reply.claim, reply.result), reply.askId);
  }
}

/** Answers and verdicts carry 👍/👎 for the editors when they were recorded (they have an ask id). */
function withVoteButtons(message: DiscordMessage, askId: string | undefined): DiscordMessage {
  return askId ? { ...message, components: [...message.components, voteButtons(askId)] } : message;
}

/** A short notice: an apology, a rate limit. */
export function renderNotice(text: string): DiscordMessage {
  return { embeds: [{ description: clip(text, DISCORD_LIMITS.description) }], components: [] };
}

function renderAnswer(question: string, result: AnswerResult): DiscordMessage {
  const embed: APIEmbed = {
    title: clip(echoed(question), DISCORD_LIMITS.title),
    description: clip(result.answer, DISCORD_LIMITS.description),
    color: COLORS[result.status],
    fields: result.status === "answered" ? citationFields(result.citations) : [],
    ...(result.asOf ? { footer: { text: `As of ${apDate(result.asOf)} · passages quoted verbatim` } } : {}),
  };
  return { embeds: [fitEmbed(embed)], components: askButtons(result.suggestions) };
}

function renderCheck(claim: string, result: CheckResult): DiscordMessage {
  const claimFields: APIEmbedField[] =
    result.claims.length > 1
      ? result.claims.map((part) => ({ name: clip(`"${echoed(part.claim)}"`, DISCORD_LIMITS.fieldName), value: clip(part.explanation, DISCORD_LIMITS.fieldValue) }))
      : [];
  const embed: APIEmbed = {
    title: clip(`${VERDICT_LABELS[result.verdict]}: ${echoed(claim)}`, DISCORD_LIMITS.title),
    description: clip(result.explanation, DISCORD_LIMITS.description),
    color: COLORS[result.verdict],
    fields: [...claimFields, ...citationFields(result.citations)],
  };
  return { embeds: [fitEmbed(embed)], components: [] };
}

function renderHelp(help: HelpCard): DiscordMessage {
  const sources = help.sources.map((source) => `${source.publisher}, *${source.title}*, ${apDate(source.published)}`);
  const embed: APIEmbed = {
    title: "FactDesk",
    description: clip(
      [
        help.scope,
        "",
        "`/ask` a question (suggestions appear as you type), `/factcheck` a sentence from a draft, `/sources` for what I cover. Or mention me with a question, reply to one of my answers to follow up, or pick **Apps → Fact-check with FactDesk** on any message.",
        `Fact-check example: \`${help.checkExample}\``,
        "",
        "Try one of these:",
      ].join("\n"),
      DISCORD_LIMITS.description,
    ),
    fields: [
      { name: "Topics", value: clip(help.topics.join("; "), DISCORD_LIMITS.fieldValue) },
      { name: `Sources (${help.factCount} facts)`, value: clip(sources.join("\n"), DISCORD_LIMITS.fieldValue) },
    ],
  };
  return { embeds: [fitEmbed(embed)], components: askButtons(help.examples) };
}

/** /sources: what FactDesk covers and where each source came from. */
export function renderSources(help: HelpCard): DiscordMessage {
  const fields = help.sources.map((source) => ({
    name: clip(source.title, DISCORD_LIMITS.fieldName),
    value: clip([`${source.publisher}, ${apDate(source.published)}`, source.url].filter(Boolean).join("\n"), DISCORD_LIMITS.fieldValue),
  }));
  const embed: APIEmbed = {
    title: "What FactDesk covers",
    description: clip(`${help.scope}\n\n**Topics:** ${help.topics.join("; ")}.\n${help.factCount} facts, each quoting its source verbatim.`, DISCORD_LIMITS.description),
    fields,
  };
  return { embeds: [fitEmbed(embed)], components: [] };
}

function citationFields(citations: readonly CitationView[]): APIEmbedField[] {
  return citations.map((citation) => {
    const heading = `*${escapeMarkdown(citation.title)}*\n`;
    return {
      name: clip(`${citation.publisher} · ${apDate(citation.published)}`, DISCORD_LIMITS.fieldName),
      value: clip(`${heading}> ${escapeMarkdown(citation.quote).replace(/\n/g, "\n> ")}`, DISCORD_LIMITS.fieldValue),
    };
  });
}

function askButtons(questions: readonly string[]): DiscordMessage["components"] {
  const buttons: APIButtonComponent[] = questions.slice(0, DISCORD_LIMITS.buttonsPerRow).map((question) => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: clip(question, DISCORD_LIMITS.buttonLabel),
    custom_id: askButtonId(question),
  }));
  return buttons.length ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

export function askButtonId(question: string): string {
  return `${ASK_BUTTON_PREFIX}${question.slice(0, DISCORD_LIMITS.customId - ASK_BUTTON_PREFIX.length)}`;
}

/**
 * Keeps an embed within 25 fields and 6,000 characters in total: fields are dropped from the end,
 * with a last field saying how many were left out, then the description is cut if still needed.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const fields = [...(embed.fields ?? [])];
  const note = (left: number): APIEmbedField => ({ name: "More sources", value: `…and ${left} more not shown.` });
  let fitted: APIEmbed = { ...embed, fields };
  let dropped = 0;
  while (fields.length > 0 && (fields.length + (dropped ? 1 : 0) > DISCORD_LIMITS.fields || embedLength(fitted) > DISCORD_LIMITS.embedTotal)) {
    fields.pop();
    dropped += 1;
    fitted = { ...embed, fields: [...fields, note(dropped)] };
  }
  const over = embedLength(fitted) - DISCORD_LIMITS.embedTotal;
  if (over > 0 && fitted.description) fitted = { ...fitted, description: clip(fitted.description, fitted.description.length - over) };
  return fitted;
}
