// Answering a Discord interaction: through the adapter core (the per-user limit, an ephemeral
// apology when anything fails, the log), with a reply within Discord's 3-second deadline
// (deferred when the answer is slow). A public answer starts a reply chain in the conversation it
// was read in.
import { MessageFlags, type RepliableInteraction } from "discord.js";
import type { Logger } from "../../logger.js";
import { conversationKey, type Asker, type Desk, type Reply, type Request } from "../conversation.js";
import { APOLOGY_MESSAGE, type RateLimiter } from "../rate-limit.js";
import { serveAsk, type Declined } from "../serve-ask.js";
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
  /** The desk's reply the message renders, for the log. */
  reply?: Reply;
}

/** Where an answer goes: to the asker only (ephemeral), or to everyone in the channel. */
export interface AnswerPlace {
  ephemeral: boolean;
}

/**
 * An interaction answered through the one adapter core (serve-ask.ts): the limit, the answer,
 * an apology when anything fails, the log. Discord's part is the first response: the answer if
 * it is ready within the deferral threshold, else a deferral it is edited into later.
 */
export async function answerInteraction(
  interaction: RepliableInteraction,
  deps: DiscordDeps,
  produce: (asker: Asker, where: AnswerPlace) => Promise<InteractionAnswer | Declined>,
  options: AnswerPlace,
): Promise<void> {
  const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
  // Started before the limit is checked, so a slow store never holds the first response.
  const first = firstResponse(interaction, deps.deferAfterMs, flags);
  const log = deps.logger.child({ user: interaction.user.id, interaction: interaction.id });
  await serveAsk({ limiter: deps.limiter, log }, interaction.user.id, {
    produce: async () => {
      const produced = await produce(askerOf(interaction), options);
      return "decline" in produced ? produced : { answer: produced, ...(produced.reply ? { reply: produced.reply } : {}) };
    },
    deliver: async (answered) => {
      const { posted, deferred } = await first.send({ ...answered.message, allowedMentions: NO_PINGS, ...(flags ? { flags } : {}) });
      // Nobody can reply to a message only they see.
      if (!options.ephemeral && answered.conversation) await chainFromReply(interaction, deps, answered.conversation, posted);
      return { answered: true, logged: { deferred } };
    },
    tell: async (text, kind) => {
      if (kind === "apology") await first.apologize();
      else await first.send({ ...renderNotice(text), allowedMentions: NO_PINGS, flags: MessageFlags.Ephemeral });
      return true;
    },
  });
}

type FirstResponseMessage = DiscordMessage & { allowedMentions: typeof NO_PINGS; flags?: MessageFlags.Ephemeral };

/**
 * The interaction's first response, kept within Discord's deadline: a deferral goes out when the
 * answer is not ready `deferAfterMs` after the click. `send` then replies, edits the deferral, or
 * follows up an interaction already responded to (a clarification's click updated its message).
 */
function firstResponse(interaction: RepliableInteraction, deferAfterMs: number, flags: MessageFlags.Ephemeral | undefined) {
  let deferring: Promise<unknown> | undefined;
  const responded = interaction.replied || interaction.deferred;
  const timer = responded
    ? undefined
    : setTimeout(() => {
        deferring = interaction.deferReply(flags ? { flags } : {});
        deferring.catch(() => undefined); // awaited by whatever is sent next
      }, deferAfterMs).unref();
  /** No deferral after this; one already on its way is waited for. */
  const settle = async () => {
    clearTimeout(timer);
    await deferring;
  };
  return {
    async send(message: FirstResponseMessage): Promise<{ posted?: { id: string }; deferred: boolean }> {
      await settle();
      if (deferring) {
        const { flags: _ephemeral, ...edit } = message;
        return { posted: await interaction.editReply(edit), deferred: true };
      }
      if (responded) return { posted: await interaction.followUp(message), deferred: false };
      await interaction.reply(message);
      return { deferred: false };
    },
    async apologize(): Promise<void> {
      await settle().catch(() => undefined);
      await apologize(interaction);
    },
  };
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
    return { message: renderReply(reply, { private: where.ephemeral }), reply, ...(conversation && reply.kind !== "help" ? { conversation } : {}) };
  };
}

async function conversationOf(deps: DiscordDeps, asker: Asker, readIn: ReadIn | undefined): Promise<string | undefined> {
  if (readIn === "alone") return undefined;
  const chain = readIn ? chainKey(readIn.chainOf) : undefined;
  return chain && (await deps.desk.knowsConversation(chain)) ? chain : conversationKey(asker);
}
