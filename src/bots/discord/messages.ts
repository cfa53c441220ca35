// Mentions and direct messages: "@FactDesk who is al-Sudani?" gets a reply to that message. Discord
// sends the text of these messages without the privileged Message Content intent.
import { ChannelType, type Message } from "discord.js";
import { clipRequest } from "../clip.js";
import { readRequest } from "../conversation.js";
import { APOLOGY_MESSAGE, RATE_LIMITED_MESSAGE } from "../rate-limit.js";
import { renderNotice, renderReply, type DiscordMessage } from "./embeds.js";
import { NO_PINGS, type DiscordDeps } from "./respond.js";

export function onMessage(deps: DiscordDeps) {
  return async (message: Message): Promise<void> => {
    if (message.author.bot || message.system) return;
    const botId = message.client.user?.id ?? deps.botUserId;
    const isDirect = message.channel.type === ChannelType.DM;
    if (!isDirect && !message.mentions.users.has(botId)) return;
    const send = (reply: DiscordMessage) => message.reply({ ...reply, allowedMentions: NO_PINGS });
    try {
      if (!(await deps.limiter.allow(message.author.id))) {
        await send(renderNotice(RATE_LIMITED_MESSAGE));
        return;
      }
      const request = readRequest(questionText(message.content, botId));
      // A reply chain (or a DM) is one conversation: it starts at the message that asked.
      const conversation = isDirect ? `dm:${message.channelId}` : `${message.guildId ?? ""}:${message.channelId}:${message.reference?.messageId ?? message.id}`;
      await send(renderReply(await deps.desk.respond(request, { asker: { platform: "discord", userId: message.author.id, conversation } })));
      deps.logger.info({ user: message.author.id, message: message.id, request: request.kind }, "answered");
    } catch (error) {
      deps.logger.error({ err: error, user: message.author.id }, "could not answer a message");
      await send(renderNotice(APOLOGY_MESSAGE)).catch((apologyError: unknown) => deps.logger.error({ err: apologyError }, "could not deliver the apology either"));
    }
  };
}

/** The question without the bot's mention; other mentions become plain words. */
export function questionText(content: string, botId: string): string {
  return clipRequest(content)
    .replace(new RegExp(`<@!?${botId}>`, "g"), " ")
    .replace(/<(@[!&]?|#)(\d+)>/g, " ")
    .replace(/@(everyone|here)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
