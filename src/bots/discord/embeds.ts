// Renders a FactDesk reply as a Discord message: one embed (the answer, its sources as fields, the
// as-of date in the footer) and buttons for the questions to ask next. Pure, and always within
// Discord's limits, measured with discord.js's own embedLength (embed-fields.ts).
import { ComponentType, escapeMarkdown, type APIEmbed } from "discord.js";
import { apDate } from "../../answers/ap-date.js";
import type { AnswerResult, CheckResult, ClaimVerdict } from "../../answers/types.js";
import { clip } from "../clip.js";
import { readRequest, type HelpCard, type Reply } from "../conversation.js";
import { groupBySource, passageNumbers, type SourceGroup } from "../sources.js";
import { ASK_BUTTON_PREFIX, askButtons, CLARIFY_BUTTON_PREFIX } from "./ask-buttons.js";
import { plainMention, type CommandMention } from "./command-mentions.js";
import { fitEmbed, passageMark, sourceFields, type EmbedField } from "./embed-fields.js";
import { DISCORD_LIMITS } from "./limits.js";
import { postButton } from "./post-button.js";
import { voteButtons, type ButtonRow } from "./vote-buttons.js";

export { ASK_BUTTON_PREFIX, askButtonId } from "./ask-buttons.js";
export { DISCORD_LIMITS } from "./limits.js";
export { fitEmbed } from "./embed-fields.js";

export interface DiscordMessage {
  embeds: APIEmbed[];
  components: ButtonRow[];
}

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

/** A fact check echoes at most this much of the text it checked: the claims are what it is about. */
const CHECKED_TEXT_CHARS = 1000;

export interface RenderOptions {
  /** The reply is seen only by the asker: an answer or verdict gets a "Post publicly" button. */
  private?: boolean;
  /** How help names the slash commands (command mentions when their ids are known). */
  mention?: CommandMention;
}

export function renderReply(reply: Reply, options: RenderOptions = {}): DiscordMessage {
  switch (reply.kind) {
    case "help":
      return renderHelp(reply.help, options.mention ?? plainMention);
    case "answer":
      return withAnswerButtons(renderAnswer(reply.question, reply.result), reply.result.status === "answered" ? reply.askId : undefined, options);
    case "check":
      return withAnswerButtons(renderCheck(reply.claim, reply.result), reply.askId, options);
  }
}

/**
 * Answers and verdicts carry 👍/👎 for the editors when they were recorded (they have an ask id),
 * and, when only the asker sees them, a button to post them for everyone.
 */
function withAnswerButtons(message: DiscordMessage, askId: string | undefined, options: RenderOptions): DiscordMessage {
  if (!askId) return message;
  const row = { type: ComponentType.ActionRow as const, components: [...voteButtons(askId), ...(options.private ? [postButton(askId)] : [])] };
  return { ...message, components: [...message.components, row] };
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
    ...(result.asOf ? { footer: { text: `As of ${apDate(result.asOf)} · passages quoted verbatim` } } : {}),
  };
  const buttons = askButtons(result.suggestions, result.status === "clarify" ? CLARIFY_BUTTON_PREFIX : ASK_BUTTON_PREFIX);
  return { embeds: [fitEmbed(embed, result.status === "answered" ? sourceFields(groupBySource(result.citations)) : [])], components: buttons };
}

/**
 * A fact check: a short title ("Fact check · 2 claims"), the text checked, quoted, then the
 * verdict. The verdict is stated once, in the engine's own words ("Contradicted: …", "Not enough
 * info: …"); this renderer adds no label of its own and reads the typed verdict only for the
 * colour. A check of several claims has a field per claim naming the passages that bear on it.
 */
function renderCheck(claim: string, result: CheckResult): DiscordMessage {
  const groups = groupBySource(result.citations);
  const several = result.claims.length > 1;
  const embed: APIEmbed = {
    title: several ? `Fact check · ${result.claims.length} claims` : "Fact check",
    description: clip(`${quoted(clip(echoed(claim), CHECKED_TEXT_CHARS))}\n${result.explanation}`, DISCORD_LIMITS.description),
    color: COLORS[result.verdict],
  };
  const claimFields = several ? result.claims.map((part, i) => claimField(part, i + 1, groups)) : [];
  return { embeds: [fitEmbed(embed, [...claimFields, ...sourceFields(groups)])], components: [] };
}

/** One claim of several: what it says, its verdict, and the numbers of the passages it rests on. */
function claimField(part: ClaimVerdict, number: number, groups: readonly SourceGroup[]): EmbedField {
  const numbers = passageNumbers(groups, part.citations);
  const cited = numbers.length ? `\n*${numbers.length === 1 ? "Passage" : "Passages"} ${numbers.map(passageMark).join(", ")}*` : "";
  return {
    name: clip(`${number}. "${echoed(part.claim)}"`, DISCORD_LIMITS.fieldName),
    value: `${clip(part.explanation, DISCORD_LIMITS.fieldValue - cited.length)}${cited}`,
    shows: { claims: 1 },
  };
}

/** Text as a block quote, every line of it. */
const quoted = (text: string) => text.split("\n").map((line) => `> ${line}`).join("\n");

/**
 * Help: how to use each command, with its options as typed (`/factcheck claim:`), each command
 * named by a mention Discord shows as clickable when its id is known.
 */
function renderHelp(help: HelpCard, mention: CommandMention): DiscordMessage {
  const sources = help.sources.map((source) => `${source.publisher}, *${source.title}*, ${apDate(source.published)}`);
  const embed: APIEmbed = {
    title: "FactDesk",
    description: clip(
      [
        help.scope,
        "",
        `${mention("ask")} \`question:\` asks a question (suggestions appear as you type).`,
        `${mention("factcheck")} \`claim:\` checks a sentence from a draft: \`/factcheck claim: ${exampleClaim(help)}\``,
        `${mention("sources")} lists what I quote; ${mention("help")} shows this.`,
        "Replies are for you alone until you press **Post publicly** (or set `private:` to False).",
        "",
        `Or mention me with a question (\`${help.checkExample}\` to check a sentence), reply to one of my answers to follow up, or pick **Apps → Fact-check with FactDesk** on any message.`,
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

/** The help card's example check, as the claim itself (its "check …" read as a mention would be). */
export function exampleClaim(help: HelpCard): string {
  const request = readRequest(help.checkExample);
  return request.kind === "check" ? request.claim : help.checkExample;
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


