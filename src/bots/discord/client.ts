// Wires FactDesk's Discord handlers into a discord.js Client. Wiring only: behaviour lives in
// interactions.ts, messages.ts (messages and their edits) and the commands.
import { Client, Events, GatewayIntentBits, Partials, Routes, type RESTOptions } from "discord.js";
import type { Logger } from "../../logger.js";
import type { Desk } from "../conversation.js";
import { createRateLimiter, type RateLimiter } from "../rate-limit.js";
import { answeredMessages } from "./answered-messages.js";
import { commandMentions, type FetchCommands } from "./command-mentions.js";
import { onInteraction } from "./interactions.js";
import { onMessage, onMessageEdit } from "./messages.js";
import { DEFER_AFTER_MS, type DiscordDeps } from "./respond.js";

export interface DiscordClientOptions {
  applicationId: string;
  desk: Desk;
  logger: Logger;
  apiUrl?: string;
  limiter?: RateLimiter;
  deferAfterMs?: number;
  /** REST overrides: HTTP interactions mode routes the first response through its own reply. */
  rest?: Partial<RESTOptions>;
}

export function createDiscordClient(options: DiscordClientOptions): Client {
  const logger = options.logger.child({ platform: "discord" });
  const client = new Client({
    // Mentions and DMs carry their text without the privileged Message Content intent.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // A DM channel arrives uncached; so may a message edited after discord.js let it go.
    partials: [Partials.Channel, Partials.Message],
    allowedMentions: { parse: [], repliedUser: false },
    rest: { ...(options.apiUrl ? { api: options.apiUrl } : {}), ...options.rest },
  });
  const { applicationId } = options;
  const fetchCommands: FetchCommands = async (guildId) =>
    (await client.rest.get(guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId))) as Awaited<ReturnType<FetchCommands>>;
  const deps: DiscordDeps = {
    desk: options.desk,
    logger,
    limiter: options.limiter ?? createRateLimiter(),
    deferAfterMs: options.deferAfterMs ?? DEFER_AFTER_MS,
    botUserId: applicationId,
    commandMentions: commandMentions(fetchCommands, logger),
  };
  const interactions = onInteraction(deps);
  const answered = answeredMessages();
  const messages = onMessage(deps, answered);
  const edits = onMessageEdit(deps, answered);
  client.on(Events.InteractionCreate, (interaction) => void interactions(interaction).catch((error: unknown) => logger.error({ err: error }, "interaction handler failed")));
  client.on(Events.MessageCreate, (message) => void messages(message).catch((error: unknown) => logger.error({ err: error }, "message handler failed")));
  client.on(Events.MessageUpdate, (_before, after) => void edits(after).catch((error: unknown) => logger.error({ err: error }, "edit handler failed")));
  client.on(Events.Error, (error) => logger.error({ err: error }, "Discord client error"));
  client.once(Events.ClientReady, (ready) => logger.info({ user: ready.user.tag }, "connected to Discord"));
  return client;
}
