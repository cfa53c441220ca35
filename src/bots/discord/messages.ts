// Mentions, direct messages and replies: "@FactDesk who is al-Sudani?" gets a reply to that
// message, and editing the question updates that reply in place. Discord sends the text of these
// messages, and of their edits, without the privileged Message Content intent.
import { ChannelType, type Message, type PartialMessage } from "discord.js";
import { readRequest, type Request } from "../conversation.js";
import { serveAsk, type Produced } from "../serve-ask.js";
import type { AnsweredMessages } from "./answered-messages.js";
import { renderNotice, renderReply, type DiscordMessage } from "./embeds.js";
import { REQUEST_LIMITS } from "./limits.js";
import { questionText } from "./question-text.js";
import { chainKey } from "./reply-chain.js";
import { NO_PINGS, type DiscordDeps } from "./respond.js";

export { questionText } from "./question-text.js";

export const UNREADABLE_REPLY_MESSAGE = "Discord didn't show me that reply's text. Reply with the @ mention on (the default), or mention @FactDesk, and I'll read it.";
export const TOO_LONG_MESSAGE = `That's more than I read as one question. Ask one question at a time, or use \`/factcheck\` for a draft (up to ${REQUEST_LIMITS.claim.toLocaleString("en-US")} characters).`;

/** Discord shows "typing…" for 10 seconds; a slower answer renews it. */
const TYPING_RENEW_MS = 8000;

/** A message read as a request: where it is read, and how FactDesk's answer to it is delivered. */
interface Reading {
  message: Message;
  text: string;
  /** The conversation it is read in, and goes on in. */
  conversation: string;
  deliver(reply: DiscordMessage): Promise<{ id: string }>;
}

export function onMessage(deps: DiscordDeps, answered: AnsweredMessages) {
  return async (message: Message): Promise<void> => {
    if (message.author.bot || message.system) return;
    const botId = message.client.user?.id ?? deps.botUserId;
    const isDirect = message.channel.type === ChannelType.DM;
    // A reply to one of FactDesk's messages continues that conversation, mention or not.
    const repliesTo = message.reference?.messageId && message.mentions.repliedUser?.id === botId ? message.reference.messageId : undefined;
    if (!isDirect && !repliesTo && !message.mentions.users.has(botId)) return;
    const deliver = (reply: DiscordMessage) => message.reply({ ...reply, allowedMentions: NO_PINGS });
    // Without the Message Content intent, Discord sends a reply's text only when it pings.
    if (repliesTo && !message.content.trim()) {
      await deliver(renderNotice(UNREADABLE_REPLY_MESSAGE)).catch((error: unknown) => deps.logger.error({ err: error }, "could not say a reply was unreadable"));
      return;
    }
    // A DM is one conversation; in a channel, a reply chain is: it goes on from each message
    // FactDesk posts in it, and a mention that replies to no message of FactDesk's starts one.
    const conversation = isDirect ? `discord:${placeOf(message)}` : repliesTo ? chainKey(repliesTo) : `discord:${placeOf(message)}`;
    // Read now: discord.js updates the message in place when it is edited, and the edit has its own turn.
    const text = questionText(message.content, botId);
    await answered.inTurn(message.id, () => answerMessage(deps, answered, { message, text, conversation, deliver }));
  };
}

/**
 * An edit of a message FactDesk answered: the edited question is read again, in the conversation
 * the first was read in, and the answer edited into FactDesk's reply. An edit that leaves the text
 * as it was read (a link's preview arriving, a pin) changes nothing.
 */
export function onMessageEdit(deps: DiscordDeps, answered: AnsweredMessages) {
  return async (message: Message | PartialMessage): Promise<void> => {
    if (message.partial || message.author.bot) return;
    await answered.inTurn(message.id, async () => {
      const earlier = answered.recall(message.id);
      const text = questionText(message.content, message.client.user?.id ?? deps.botUserId);
      if (!earlier || !text || text === earlier.asked) return;
      const { channel } = message;
      if (!("messages" in channel)) return;
      const deliver = (reply: DiscordMessage) => channel.messages.edit(earlier.replyId, { ...reply, allowedMentions: NO_PINGS });
      deps.logger.info({ message: message.id, reply: earlier.replyId }, "a question FactDesk answered was edited");
      await answerMessage(deps, answered, { message, text, conversation: earlier.conversation, deliver });
    });
  };
}

/** Who asked, and where: the message itself, in a channel (each mention may start a chain); the DM. */
function placeOf(message: Message): string {
  return message.channel.type === ChannelType.DM ? `dm:${message.channelId}` : `${message.guildId ?? ""}:${message.channelId}:${message.id}`;
}

/** A message answered through the one adapter core (serve-ask.ts): the limit, the answer, an apology when anything fails, the log. */
async function answerMessage(deps: DiscordDeps, answered: AnsweredMessages, reading: Reading): Promise<void> {
  const { message, text, conversation } = reading;
  // Whatever FactDesk replies (an answer, a notice) is what an edit of the message updates.
  const deliver = async (reply: DiscordMessage) => {
    const sent = await reading.deliver(reply);
    answered.remember(message.id, { replyId: sent.id, conversation, asked: text });
    return sent;
  };
  const log = deps.logger.child({ user: message.author.id, message: message.id });
  await serveAsk({ limiter: deps.limiter, log }, message.author.id, {
    produce: async (): Promise<Produced<DiscordMessage>> => {
      const request = readRequest(text);
      if (isTooLong(request)) return { decline: TOO_LONG_MESSAGE, why: "a message too long for one question", logged: { length: text.length } };
      const asker = { platform: "discord" as const, userId: message.author.id, conversation: placeOf(message) };
      const reply = await whileTyping(deps, message, deps.desk.respond(request, { asker, conversation }));
      const mention = reply.kind === "help" ? await deps.commandMentions(message.guildId) : undefined;
      return { answer: renderReply(reply, mention ? { mention } : {}), reply };
    },
    deliver: async (rendered) => {
      const sent = await deliver(rendered);
      if (message.channel.type !== ChannelType.DM) await deps.desk.continueConversation(conversation, chainKey(sent.id));
      return { answered: true };
    },
    tell: async (notice) => {
      await deliver(renderNotice(notice));
      return true;
    },
  });
}

/** A whole draft or a pasted article is no question: past a request's limit it is told how to ask. */
function isTooLong(request: Request): boolean {
  if (request.kind === "ask") return request.question.length > REQUEST_LIMITS.question;
  return request.kind === "check" && request.claim.length > REQUEST_LIMITS.claim;
}

/**
 * Shows "FactDesk is typing…" in the channel while a slow answer is prepared: only once it is
 * slower than the deferral threshold, renewed while it lasts. A failure to show it costs nothing.
 */
async function whileTyping<T>(deps: DiscordDeps, message: Message, work: Promise<T>): Promise<T> {
  const { channel } = message;
  let timer: NodeJS.Timeout | undefined;
  const type = () => {
    if ("sendTyping" in channel) channel.sendTyping().catch((error: unknown) => deps.logger.warn({ err: error, channel: channel.id }, "could not show typing"));
    timer = setTimeout(type, TYPING_RENEW_MS).unref();
  };
  timer = setTimeout(type, deps.deferAfterMs).unref();
  try {
    return await work;
  } finally {
    clearTimeout(timer);
  }
}
