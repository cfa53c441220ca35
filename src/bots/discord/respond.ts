// Answering a Discord interaction safely: the per-user limit, a reply within Discord's 3-second
// deadline (deferred when the answer is slow), and an ephemeral apology when anything fails.
import { MessageFlags, type RepliableInteraction } from "discord.js";
import type { Logger } from "../../logger.js";
import type { Asker, Desk, Request } from "../conversation.js";
import { APOLOGY_MESSAGE, RATE_LIMITED_MESSAGE, type RateLimiter } from "../rate-limit.js";
import { renderNotice, renderReply, type DiscordMessage } from "./embeds.js";

export interface DiscordDeps {
  desk: Desk;
  logger: Logger;
  limiter: RateLimiter;
  /** How long to wait for an answer before deferring the reply (Discord allows 3 s for the first response). */
  deferAfterMs: number;
  /** The bot's user id, for recognising mentions of it. */
  botUserId: string;
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

export async function answerInteraction(
  interaction: RepliableInteraction,
  deps: DiscordDeps,
  produce: (asker: Asker) => Promise<DiscordMessage>,
  options: { ephemeral: boolean },
): Promise<void> {
  const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
  try {
    // The limit is checked inside the deferral window, so a slow store never holds the first response.
    const answer = (async () => ((await deps.limiter.allow(interaction.user.id)) ? produce(askerOf(interaction)) : RATE_LIMITED))();
    answer.catch(() => undefined); // handled below; never an unhandled rejection while we wait
    const settled = await Promise.race([answer, delay(deps.deferAfterMs)]);
    if (settled === RATE_LIMITED) {
      deps.logger.warn({ user: interaction.user.id }, "rate limit reached");
      await interaction.reply({ ...renderNotice(RATE_LIMITED_MESSAGE), allowedMentions: NO_PINGS, flags: MessageFlags.Ephemeral });
      return;
    }
    if (settled) {
      await interaction.reply({ ...settled, allowedMentions: NO_PINGS, ...(flags ? { flags } : {}) });
    } else {
      await interaction.deferReply(flags ? { flags } : {});
      const late = await answer;
      await interaction.editReply({ ...(late === RATE_LIMITED ? renderNotice(RATE_LIMITED_MESSAGE) : late), allowedMentions: NO_PINGS });
    }
    deps.logger.info({ user: interaction.user.id, interaction: interaction.id, deferred: !settled }, "answered");
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

const RATE_LIMITED = Symbol("rate limited");

/**
 * A reply from the desk, rendered for Discord. `chainOf` is the message it answers in a reply
 * chain (a follow-up button's message): the chain's conversation when FactDesk holds one, the
 * asker's own in that channel otherwise.
 */
export function replyFromDesk(deps: DiscordDeps, request: Request, chainOf?: string): (asker: Asker) => Promise<DiscordMessage> {
  return async (asker) => {
    const chain = chainOf ? chainKey(chainOf) : undefined;
    const conversation = chain && (await deps.desk.knowsConversation(chain)) ? chain : undefined;
    return renderReply(await deps.desk.respond(request, { asker, ...(conversation ? { conversation } : {}) }));
  };
}

/** The conversation a reply chain continues from a message of FactDesk's. */
export const chainKey = (messageId: string) => `discord:message:${messageId}`;

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref());
}
