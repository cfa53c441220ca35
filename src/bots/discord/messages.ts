// Mentions and direct messages: "@FactDesk who is al-Sudani?" gets a reply to that message. Discord
// sends the text of these messages without the privileged Message Content intent.
import { ChannelType, type Message } from "discord.js";
import { clipRequest } from "../clip.js";
import { readRequest } from "../conversation.js";
import { APOLOGY_MESSAGE, RATE_LIMITED_MESSAGE } from "../rate-limit.js";
import { renderNotice, renderReply, type DiscordMessage } from "./embeds.js";
import { chainKey } from "./reply-chain.js";
import { NO_PINGS, type DiscordDeps } from "./respond.js";

export function onMessage(deps: DiscordDeps) {
  return async (message: Message): Promise<void> => {
    if (message.author.bot || message.system) return;
    const botId = message.client.user?.id ?? deps.botUserId;
    const isDirect = message.channel.type === ChannelType.DM;
    // A reply to one of FactDesk's messages continues that conversation, mention or not.
    const repliesTo = message.reference?.messageId && message.mentions.repliedUser?.id === botId ? message.reference.messageId : undefined;
    if (!isDirect && !repliesTo && !message.mentions.users.has(botId)) return;
    const send = (reply: DiscordMessage) => message.reply({ ...reply, allowedMentions: NO_PINGS });
    try {
      if (!(await deps.limiter.allow(message.author.id))) {
        await send(renderNotice(RATE_LIMITED_MESSAGE));
        return;
      }
      // Without the Message Content intent, Discord sends a reply's text only when it pings.
      if (repliesTo && !message.content.trim()) {
        await send(renderNotice(UNREADABLE_REPLY_MESSAGE));
        return;
      }
      const request = readRequest(questionText(message.content, botId));
      // A DM is one conversation; in a channel, a reply chain is: it goes on from each message
      // FactDesk posts in it, and a mention that replies to no message of FactDesk's starts one.
      const place = isDirect ? `dm:${message.channelId}` : `${message.guildId ?? ""}:${message.channelId}:${message.id}`;
      const asker = { platform: "discord" as const, userId: message.author.id, conversation: place };
      const conversation = isDirect ? `discord:${place}` : repliesTo ? chainKey(repliesTo) : `discord:${place}`;
      const sent = await send(renderReply(await deps.desk.respond(request, { asker, conversation })));
      if (!isDirect) await deps.desk.continueConversation(conversation, chainKey(sent.id));
      deps.logger.info({ user: message.author.id, message: message.id, request: request.kind }, "answered");
    } catch (error) {
      deps.logger.error({ err: error, user: message.author.id }, "could not answer a message");
      await send(renderNotice(APOLOGY_MESSAGE)).catch((apologyError: unknown) => deps.logger.error({ err: apologyError }, "could not deliver the apology either"));
    }
  };
}

export const UNREADABLE_REPLY_MESSAGE = "Discord didn't show me that reply's text. Reply with the @ mention on (the default), or mention @FactDesk, and I'll read it.";

/** The question without the bot's mention; other mentions become plain words. */
export function questionText(content: string, botId: string): string {
  return clipRequest(content)
    .replace(new RegExp(`<@!?${botId}>`, "g"), " ")
    .replace(/<(@[!&]?|#)(\d+)>/g, " ")
    .replace(/@(everyone|here)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
