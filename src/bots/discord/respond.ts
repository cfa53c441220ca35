// Answering a Discord interaction safely: the per-user limit, a reply within Discord's 3-second
// deadline (deferred when the answer is slow), and an ephemeral apology when anything fails. A
// public answer starts a reply chain in the conversation it was read in.
import { MessageFlags, type RepliableInteraction } from "discord.js";
import type { Logger } from "../../logger.js";
import { conversationKey, type Asker, type Desk, type Request } from "../conversation.js";
import { APOLOGY_MESSAGE, RATE_LIMITED_MESSAGE, type RateLimiter } from "../rate-limit.js";
import { renderNotice, renderReply, type DiscordMessage } from "./embeds.js";
import type { CommandMention } from "./command-mentions.js";
import { chainFromReply, chainKey } from "./reply-chain.js";

export interface DiscordDeps {
  desk: Desk;
  logger: Logger;
  limiter: RateLimiter;
  /** How long to wait for an answer before deferring the reply (Discord allows 3 s for the first response). */
  deferAfterMs: number;
  /** The bot's user id, for recognising mentions of it. */
  botUserId: string;
  /** How to name the slash commands in a server (or a DM, `null`): mentions once their ids are known. */
  commandMentions: (guildId: string | null) => Promise<CommandMention>;
}

/** Echoed text never pings: no @everyone, @here, roles or users, and no reply ping. */
export const NO_PINGS = Object.freeze({ parse: [], repliedUser: false });

/** Deferring after 1.5 s leaves half of Discord's deadline for the network. */
export const DEFER_AFTER_MS = 1500;

/** Who asked, and where: a slash command's conversation is the asker's own in that channel. */
export function askerOf(interaction: RepliableInteraction): Asker {
  const place = interaction.guildId ? `${interaction.guildId}:${interaction.channelId ?? ""}` : `dm:${interaction.channelId ?? ""}`;
  return { platform: "discord", userId: interaction.user.id, conversation: `${place}:${interaction.user.id}` };
}

/**
 * What an interaction is answered with, and the conversation the request was read in: a reply
 * to a public answer goes on in that conversation (reply-chain.ts).
 */
export interface InteractionAnswer {
  message: DiscordMessage;
  conversation?: string;
}

/** Where an answer goes: to the asker only (ephemeral), or to everyone in the channel. */
export interface AnswerPlace {
  ephemeral: boolean;
}

export async function answerInteraction(
  interaction: RepliableInteraction,
  deps: DiscordDeps,
  produce: (asker: Asker, where: AnswerPlace) => Promise<InteractionAnswer>,
  options: AnswerPlace,
): Promise<void> {
  const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
  try {
    // The limit is checked inside the deferral window, so a slow store never holds the first response.
    const answer = (async () => ((await deps.limiter.allow(interaction.user.id)) ? produce(askerOf(interaction), options) : RATE_LIMITED))();
    answer.catch(() => undefined); // handled below; never an unhandled rejection while we wait
    // An interaction already responded to (a clarification's click updated its message) has no
    // deadline left to keep: its answer follows as a message of its own.
    const responded = interaction.replied || interaction.deferred;
    const settled = responded ? await answer : await Promise.race([answer, delay(deps.deferAfterMs)]);
    if (settled === RATE_LIMITED) {
      deps.logger.warn({ user: interaction.user.id }, "rate limit reached");
      const notice = { ...renderNotice(RATE_LIMITED_MESSAGE), allowedMentions: NO_PINGS, flags: MessageFlags.Ephemeral } as const;
      await (responded ? interaction.followUp(notice) : interaction.reply(notice));
      return;
    }
    let answered: InteractionAnswer | undefined = settled;
    let posted: { id: string } | undefined;
    if (responded && settled) {
      posted = await interaction.followUp({ ...settled.message, allowedMentions: NO_PINGS, ...(flags ? { flags } : {}) });
    } else if (settled) {
      await interaction.reply({ ...settled.message, allowedMentions: NO_PINGS, ...(flags ? { flags } : {}) });
    } else {
      await interaction.deferReply(flags ? { flags } : {});
      const late = await answer;
      answered = late === RATE_LIMITED ? undefined : late;
      posted = await interaction.editReply({ ...(answered ? answered.message : renderNotice(RATE_LIMITED_MESSAGE)), allowedMentions: NO_PINGS });
    }
    deps.logger.info({ user: interaction.user.id, interaction: interaction.id, deferred: !settled }, "answered");
    // Nobody can reply to a message only they see.
    if (!options.ephemeral && answered?.conversation) await chainFromReply(interaction, deps, answered.conversation, posted);
  } catch (error) {
    deps.logger.error({ err: error, user: interaction.user.id, interaction: interaction.id }, "could not answer");
    await apologize(interaction).catch((apologyError: unknown) => deps.logger.error({ err: apologyError }, "could not deliver the apology either"));
  }
}

/** An ephemeral apology, as a reply, or as a follow-up when the interaction was already answered. */
export async function apologize(interaction: RepliableInteraction): Promise<void> {
  const apology = { ...renderNotice(APOLOGY_MESSAGE), allowedMentions: NO_PINGS, flags: MessageFlags.Ephemeral } as const;
  if (interaction.deferred && !interaction.replied) {
    await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp(apology);
  } else if (interaction.replied) {
    await interaction.followUp(apology);
  } else {
    await interaction.reply(apology);
  }
}

export const EXPIRED_BUTTON_MESSAGE = "This button has expired: ask again with /ask.";

/**
 * A button FactDesk can't act on (a kind it no longer makes, or one whose question or answer it
 * can no longer find) is told so privately, never left to Discord's "This interaction failed".
 */
export async function answerExpired(interaction: RepliableInteraction & { customId: string }, deps: DiscordDeps): Promise<void> {
  deps.logger.info({ interaction: interaction.id, customId: interaction.customId }, "a button FactDesk can no longer act on");
  await interaction.reply({ ...renderNotice(EXPIRED_BUTTON_MESSAGE), allowedMentions: NO_PINGS, flags: MessageFlags.Ephemeral });
}

const RATE_LIMITED = Symbol("rate limited");

/**
 * Where a request is read. By default in the asker's own conversation; `{ chainOf }` in the reply
 * chain of a message of FactDesk's (a follow-up button's) when FactDesk holds one, the asker's
 * own otherwise; `"alone"` in none (a message someone posted, checked from the Apps menu).
 */
export type ReadIn = { chainOf: string } | "alone";

/** A reply from the desk, rendered for Discord, with the conversation it was read in. */
export function replyFromDesk(deps: DiscordDeps, request: Request, readIn?: ReadIn): (asker: Asker, where: AnswerPlace) => Promise<InteractionAnswer> {
  return async (asker, where) => {
    const conversation = await conversationOf(deps, asker, readIn);
    const reply = await deps.desk.respond(request, { asker, conversation: conversation ?? false });
    // Help holds no conversation for a reply to go on in.
    return { message: renderReply(reply, { private: where.ephemeral }), ...(conversation && reply.kind !== "help" ? { conversation } : {}) };
  };
}

async function conversationOf(deps: DiscordDeps, asker: Asker, readIn: ReadIn | undefined): Promise<string | undefined> {
  if (readIn === "alone") return undefined;
  const chain = readIn ? chainKey(readIn.chainOf) : undefined;
  return chain && (await deps.desk.knowsConversation(chain)) ? chain : conversationKey(asker);
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref());
}
