// What FactDesk does for each kind of Slack input: one small function per listener. Each reads the
// request, drops a repeat of one already answered (by any process), and hands it to answering.ts;
// none of them knows how answers are made. 👍/👎 and their modal are in feedback.ts.
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  MessageShortcut,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
} from "@slack/bolt";
import type { DeliveryClaims } from "../../store/delivery-claims.js";
import { conversationKey, readRequest, type Asker } from "../conversation.js";
import { APOLOGY_MESSAGE } from "../rate-limit.js";
import { answer, besideMessage, inConversation, toAsker, type AnswerDeps } from "./answering.js";
import { renderNotice, type ShareRequest, type SlackMessage } from "./blocks.js";
import type { PostOutcome } from "./delivery.js";
import { plainTextFromSlack, threadOf } from "./incoming.js";

export interface SlackDeps extends AnswerDeps {
  /** Which deliveries have been answered: the store's, shared by every process, or per process (event-claims.ts). */
  claims: DeliveryClaims;
}

/** How long a delivery's claim may take before it is answered unclaimed: a slow store must not hold the answer. */
const CLAIM_TIMEOUT_MS = 1000;

/** Why Slack sent a delivery again, for the log (an event's X-Slack-Retry-Num and -Reason). */
type RetryContext = { retryNum?: number; retryReason?: string };

/**
 * Answers a delivery once across every process: a repeat (Slack's retry of an event, or a
 * replayed command or click) is dropped, with a log line saying which and why Slack sent it
 * again. An answer that failed releases the claim, so Slack's retry is answered; when the claims
 * can't be asked in time, the delivery is answered anyway.
 */
async function once(deps: SlackDeps, id: string, context: RetryContext, answerIt: () => Promise<boolean>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the store within ${CLAIM_TIMEOUT_MS} ms`)), CLAIM_TIMEOUT_MS);
  });
  // Through a promise, so a claims implementation that throws at once is handled like one that rejects.
  const claim = await Promise.race([Promise.resolve().then(() => deps.claims.claim(id)), late])
    .catch((error: unknown) => {
      deps.logger.warn({ err: error, delivery: id }, "could not check whether this delivery was answered already: answering it");
      return null;
    })
    .finally(() => clearTimeout(timer));
  if (claim === undefined) {
    deps.logger.info({ delivery: id, retryNum: context.retryNum, retryReason: context.retryReason }, "dropped a repeated delivery");
    return;
  }
  const answered = await answerIt();
  try {
    await (answered ? claim?.settle() : claim?.release());
  } catch (error) {
    deps.logger.warn({ err: error, delivery: id }, "could not record whether this delivery was answered");
  }
}

/** An event is retried with its event_id; a command or click is one trigger_id, which a replay repeats. */
const eventId = (body: { event_id: string }) => `slack:event:${body.event_id}`;
const triggerId = (trigger: string) => `slack:trigger:${trigger}`;

/** "@FactDesk how many attacks?" in a channel: answered in the message's thread. */
export function onMention(deps: SlackDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs): Promise<void> => {
    const user = event.user;
    if (event.bot_id || !user) return;
    const request = readRequest(plainTextFromSlack(event.text, context.botUserId));
    const thread_ts = threadOf(event);
    const asker: Asker = { platform: "slack", userId: user, conversation: `${body.team_id}:${event.channel}:${thread_ts}` };
    await once(deps, eventId(body), context, () => answer(deps, asker, request, inConversation(deps, client, user, event.channel, thread_ts)));
  };
}

/**
 * A message FactDesk was not mentioned in: a direct message (answered in the DM, in its thread
 * when it was sent in one), or a reply in a channel thread where FactDesk answered lately (the
 * conversation goes on without a new mention) that is put to it as a question or request. Other
 * channel messages, people's talk in the thread ("thanks, that's what I needed") and messages from
 * bots are not FactDesk's business; a reply that mentions FactDesk is answered as the mention.
 */
export function onMessage(deps: SlackDeps) {
  return async ({ message, body, client, context }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs): Promise<void> => {
    if (message.subtype !== undefined || message.bot_id || !message.user) return;
    const user = message.user;
    const text = message.text ?? "";
    if (message.channel_type === "im") {
      const asker: Asker = { platform: "slack", userId: user, conversation: `${body.team_id}:${message.channel}${message.thread_ts ? `:${message.thread_ts}` : ""}` };
      const request = readRequest(plainTextFromSlack(text, context.botUserId));
      await once(deps, eventId(body), context, () => answer(deps, asker, request, inConversation(deps, client, user, message.channel, message.thread_ts)));
      return;
    }
    const thread_ts = message.thread_ts;
    if (!thread_ts || thread_ts === message.ts || (context.botUserId && text.includes(`<@${context.botUserId}>`))) return;
    const asker: Asker = { platform: "slack", userId: user, conversation: `${body.team_id}:${message.channel}:${thread_ts}` };
    // People talk among themselves in a thread too: only a question or request put to FactDesk is its.
    const plain = plainTextFromSlack(text, context.botUserId);
    if (!deps.desk.isPutAsRequest(plain) || !(await deps.desk.knowsConversation(conversationKey(asker)))) return;
    await once(deps, eventId(body), context, () => answer(deps, asker, readRequest(plain), inConversation(deps, client, user, message.channel, thread_ts)));
  };
}

/** /factdesk <question> and /factcheck <claim>: acked at once, answered only to the asker. */
export function onSlashCommand(deps: SlackDeps, as: "ask" | "check") {
  return async ({ command, ack, respond, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const request = readRequest(plainTextFromSlack(command.text), as);
    // Only the asker sees these replies: the conversation is theirs alone in the channel.
    const asker: Asker = { platform: "slack", userId: command.user_id, conversation: `${command.team_id}:${command.channel_id}:${command.user_id}` };
    await once(deps, triggerId(command.trigger_id), context, () => answer(deps, asker, request, toAsker(respond), { shareable: true }));
  };
}

/**
 * "Fact-check with FactDesk" on a message: its text checked as a claim on its own (no
 * conversation's context), the verdict seen only by the person who asked, with a Share button
 * that posts it where the message is (its thread, if it is in one).
 */
export function onFactCheckShortcut(deps: SlackDeps) {
  return async ({ ack, shortcut, client, respond, context }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const { message, channel, user } = shortcut;
    const thread = message.thread_ts && message.thread_ts !== message.ts ? String(message.thread_ts) : undefined;
    const to = besideMessage(deps, client, respond, user.id, channel.id, thread);
    const text = plainTextFromSlack(message.text ?? "", context.botUserId);
    if (!text) {
      const outcome = await to.notice(renderNotice(NO_TEXT_MESSAGE));
      if (outcome.kind !== "posted") deps.logger.error({ outcome: outcome.kind, user: user.id }, "could not say that the message has no text to check");
      return;
    }
    const asker: Asker = { platform: "slack", userId: user.id, conversation: `${shortcut.team?.id ?? ""}:${channel.id}:${user.id}` };
    const options = { shareable: true, ...(thread ? { shareThread: thread } : {}) };
    await once(deps, triggerId(shortcut.trigger_id), context, () => answer(deps, asker, readRequest(text, "check"), to, options, { conversation: false }));
  };
}

const NO_TEXT_MESSAGE = "That message has no text for me to check: I can check only what a message says in words, not images or files.";

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** A suggested question clicked: asked and answered where the button was. */
export function onAskButton(deps: SlackDeps) {
  return async ({ ack, action, body, client, respond, context }: ButtonArgs): Promise<void> => {
    await ack();
    const request = readRequest(action.value ?? "");
    const team = body.team?.id ?? "";
    if (body.container["is_ephemeral"] || !body.channel || !body.message) {
      const asker: Asker = { platform: "slack", userId: body.user.id, conversation: `${team}:${body.channel?.id ?? ""}:${body.user.id}` };
      await once(deps, triggerId(body.trigger_id), context, () => answer(deps, asker, request, toAsker(respond), { shareable: true }));
      return;
    }
    const channel = body.channel.id;
    const thread_ts = threadOf(body.message as { ts: string; thread_ts?: string });
    const asker: Asker = { platform: "slack", userId: body.user.id, conversation: `${team}:${channel}:${thread_ts}` };
    const there = { ...inConversation(deps, client, body.user.id, channel, thread_ts), privately: toAsker(respond).privately };
    await once(deps, triggerId(body.trigger_id), context, () => answer(deps, asker, request, there));
  };
}

/** "Share in channel" on an ephemeral answer: posted for everyone (in the thread it names), the private copy removed. */
export function onShare(deps: SlackDeps) {
  return async ({ ack, action, body, client, respond, context }: ButtonArgs): Promise<void> => {
    await ack();
    const shared = parseValue<ShareRequest>(action.value);
    if (!shared || !body.channel) {
      await respond({ response_type: "ephemeral", replace_original: false, ...renderNotice(APOLOGY_MESSAGE) });
      return;
    }
    const request = readRequest(shared.text, shared.kind);
    const channel = body.channel.id;
    const asker: Asker = { platform: "slack", userId: body.user.id, conversation: `${body.team?.id ?? ""}:${channel}` };
    const where = { channel, ...(typeof shared.thread === "string" ? { thread_ts: shared.thread } : {}) };
    const toChannel = async (message: SlackMessage, askId?: string): Promise<PostOutcome> => {
      const outcome = await deps.poster.post(client, { ...where, ...message }, askId);
      if (outcome.kind === "posted") await respond({ delete_original: true }).catch((error: unknown) => deps.logger.warn({ err: error }, "could not remove the private copy"));
      return outcome;
    };
    await once(deps, triggerId(body.trigger_id), context, () =>
      answer(deps, asker, request, { ...toAsker(respond), deliver: toChannel, notPosted: CANNOT_POST_MESSAGE }, { askedBy: `<@${body.user.id}>` }, { conversation: false }),
    );
  };
}

const CANNOT_POST_MESSAGE = "I couldn't post in this channel. Invite me with /invite @FactDesk and try again.";

function parseValue<T>(value: string | undefined): T | undefined {
  try {
    return value ? (JSON.parse(value) as T) : undefined;
  } catch {
    return undefined;
  }
}
