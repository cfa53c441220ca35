// What FactDesk does for each kind of Slack input: one small function per listener. Each reads the
// request, asks the desk, and delivers the rendered reply; none of them knows how answers are made.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs, SlackCommandMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import { readRequest, type Desk, type Request } from "../conversation.js";
import { APOLOGY_MESSAGE, RATE_LIMITED_MESSAGE, type RateLimiter } from "../rate-limit.js";
import { renderNotice, renderReply, type FeedbackNote, type RenderOptions, type ShareRequest, type SlackMessage } from "./blocks.js";
import { plainTextFromSlack, threadOf } from "./incoming.js";
import type { RecentEvents } from "./recent-events.js";

export interface SlackDeps {
  desk: Desk;
  logger: Logger;
  limiter: RateLimiter;
  recentEvents: RecentEvents;
}

type Deliver = (message: SlackMessage) => Promise<unknown>;

/** Never lets Slack turn text into mentions or previews: we escape, and we switch parsing off. */
const SAFE_POST = { unfurl_links: false, unfurl_media: false } as const;

/** Asks the desk and delivers the reply; on any failure the user still gets an apology. */
async function answer(
  deps: SlackDeps,
  userId: string,
  request: Request,
  deliver: Deliver,
  options: RenderOptions = {},
  apologize: Deliver = deliver,
): Promise<void> {
  if (!deps.limiter.allow(userId)) {
    deps.logger.warn({ user: userId }, "rate limit reached");
    await apologize(renderNotice(RATE_LIMITED_MESSAGE));
    return;
  }
  try {
    const reply = await deps.desk.respond(request);
    await deliver(renderReply(reply, options));
    deps.logger.info({ user: userId, request: request.kind, ...replySummary(reply) }, "answered");
  } catch (error) {
    deps.logger.error({ err: error, user: userId, request: request.kind }, "could not answer");
    await apologize(renderNotice(APOLOGY_MESSAGE)).catch((apologyError: unknown) =>
      deps.logger.error({ err: apologyError }, "could not deliver the apology either"),
    );
  }
}

function replySummary(reply: Awaited<ReturnType<Desk["respond"]>>): Record<string, unknown> {
  if (reply.kind === "answer") return { status: reply.result.status, factIds: reply.result.factIds };
  if (reply.kind === "check") return { verdict: reply.result.verdict, factIds: reply.result.factIds };
  return { status: "help" };
}

/** "@FactDesk how many attacks?" in a channel: answered in the message's thread. */
export function onMention(deps: SlackDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs): Promise<void> => {
    if (event.bot_id || !event.user || !deps.recentEvents.firstSighting(body.event_id)) return;
    const request = readRequest(plainTextFromSlack(event.text, context.botUserId));
    await answer(deps, event.user, request, (message) =>
      client.chat.postMessage({ channel: event.channel, thread_ts: threadOf(event), ...message, ...SAFE_POST }),
    );
  };
}

/** A direct message: answered in the DM (in its thread, when it was sent in one). */
export function onDirectMessage(deps: SlackDeps) {
  return async ({ message, body, client, context }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs): Promise<void> => {
    if (message.channel_type !== "im" || message.subtype !== undefined || message.bot_id || !message.user) return;
    if (!deps.recentEvents.firstSighting(body.event_id)) return;
    const request = readRequest(plainTextFromSlack(message.text ?? "", context.botUserId));
    const thread = message.thread_ts ? { thread_ts: message.thread_ts } : {};
    await answer(deps, message.user, request, (reply) => client.chat.postMessage({ channel: message.channel, ...thread, ...reply, ...SAFE_POST }));
  };
}

/** /factdesk <question> and /factcheck <claim>: acked at once, answered only to the asker. */
export function onSlashCommand(deps: SlackDeps, as: "ask" | "check") {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const request = readRequest(plainTextFromSlack(command.text), as);
    await answer(deps, command.user_id, request, (message) => respond({ response_type: "ephemeral", ...message }), { shareable: true });
  };
}

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** A suggested question clicked: asked and answered where the button was. */
export function onAskButton(deps: SlackDeps) {
  return async ({ ack, action, body, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const request = readRequest(action.value ?? "");
    if (body.container["is_ephemeral"] || !body.channel || !body.message) {
      await answer(deps, body.user.id, request, (message) => respond({ response_type: "ephemeral", replace_original: false, ...message }), { shareable: true });
      return;
    }
    const channel = body.channel.id;
    const thread_ts = threadOf(body.message as { ts: string; thread_ts?: string });
    await answer(deps, body.user.id, request, (message) => client.chat.postMessage({ channel, thread_ts, ...message, ...SAFE_POST }));
  };
}

/** 👍 or 👎: logged with the question and the facts it was answered from. */
export function onFeedback(deps: SlackDeps) {
  return async ({ ack, action, body, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const note = parseValue<FeedbackNote>(action.value);
    const rating = action.action_id.endsWith(":up") ? "helpful" : "not right";
    deps.logger.info({ feedback: rating, user: body.user.id, question: note?.question, factIds: note?.factIds, status: note?.status }, "feedback");
    await respond({ response_type: "ephemeral", replace_original: false, ...renderNotice("Thanks, your feedback was recorded for the editors.") }).catch(
      (error: unknown) => deps.logger.error({ err: error }, "could not thank for feedback"),
    );
  };
}

/** "Share in channel" on an ephemeral answer: posted for everyone, the private copy removed. */
export function onShare(deps: SlackDeps) {
  return async ({ ack, action, body, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const shared = parseValue<ShareRequest>(action.value);
    if (!shared || !body.channel) {
      await respond({ response_type: "ephemeral", replace_original: false, ...renderNotice(APOLOGY_MESSAGE) });
      return;
    }
    const request = readRequest(shared.text, shared.kind);
    const channel = body.channel.id;
    const privately: Deliver = (message) => respond({ response_type: "ephemeral", replace_original: false, ...message });
    const toChannel: Deliver = async (message) => {
      try {
        await client.chat.postMessage({ channel, ...message, ...SAFE_POST });
      } catch (error) {
        deps.logger.warn({ err: error, channel }, "could not share in channel");
        await privately(renderNotice(CANNOT_POST_MESSAGE));
        return;
      }
      await respond({ delete_original: true });
    };
    await answer(deps, body.user.id, request, toChannel, { sharedBy: `<@${body.user.id}>` }, privately);
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
