// Wires FactDesk's Slack listeners into a Bolt app, in Socket Mode or HTTP mode, and starts it
// once Slack has accepted the token (HTTP mode serves at once, /healthz 503 until then). Wiring
// only: the behaviour is in listeners.ts, edits.ts, feedback.ts and home.ts, the transport in
// http-receiver.ts, posting in delivery.ts.
import type { Server } from "node:http";
import { App, subtype, webApi, type BlockAction, type ButtonAction, type MessageShortcut } from "@slack/bolt";
import type { SlackConfig } from "../../config.js";
import type { Logger } from "../../logger.js";
import type { DeliveryClaims } from "../../store/delivery-claims.js";
import type { Desk } from "../conversation.js";
import type { ServingLimits } from "../http-serving.js";
import { createRateLimiter, type RateLimiter } from "../rate-limit.js";
import { createAnsweredMessages, type AnsweredMessages } from "./answered-messages.js";
import { createSlackAuthorization, type Backoff, type SlackTokenRefused } from "./authorization.js";
import { ACTIONS, FACT_CHECK_SHORTCUT } from "./blocks.js";
import { boltLogger } from "./bolt-logger.js";
import { createSlackPoster, type DeliveryPolicy } from "./delivery.js";
import { onEdit } from "./edits.js";
import { createMemoryClaims } from "./event-claims.js";
import { FEEDBACK_ACTIONS } from "./feedback-blocks.js";
import { onFeedback, onFeedbackReason } from "./feedback.js";
import { onHomeOpened } from "./home.js";
import { GuardedHttpReceiver } from "./http-receiver.js";
import { onAskButton, onFactCheckShortcut, onMention, onMessage, onShare, onSlashCommand, type SlackDeps } from "./listeners.js";

export interface SlackAppOptions {
  config: SlackConfig;
  desk: Desk;
  logger: Logger;
  limiter?: RateLimiter;
  /** Web API client options, e.g. a shorter timeout in tests. */
  clientOptions?: webApi.WebClientOptions;
  /** How start-up retries auth.test while Slack can't be reached; tests shorten it. */
  authBackoff?: Backoff;
  delivery?: DeliveryPolicy;
  limits?: ServingLimits;
  /** Which deliveries were answered: the store's, shared by every process; per process by default. */
  claims?: DeliveryClaims;
  /** Which post answers which message, for edits: per process, in memory, by default. */
  answered?: AnsweredMessages;
  /** A token Slack refuses after start-up went on without it: main.ts prints the line and exits 1. */
  onTokenRefused?: (error: SlackTokenRefused) => void;
}

export interface SlackApp {
  /**
   * HTTP mode: authorizes once and listens on the configured port (0 for any), resolving with the
   * port; if Slack can't be reached it keeps trying while /healthz says 503. Socket Mode: waits
   * until Slack accepts the token, then connects. Rejects with one line when Slack refuses it.
   */
  start(): Promise<number | undefined>;
  stop(): Promise<void>;
}

/**
 * No retries inside the client: a post retried after a reset or a 5xx may be posted twice, so
 * delivery.ts decides what to retry. A call Slack doesn't answer in 8 s is given up (Slack answers
 * in well under a second), and a 429 is returned at once instead of pausing every other call.
 */
const WEB_API_CLIENT: webApi.WebClientOptions = Object.freeze({ retryConfig: { retries: 0 }, timeout: 8_000, rejectRateLimitedCalls: true });

/** Bolt posts to a response_url with the client's fetch and no timeout of its own: this gives it the client's. */
const fetchWithin =
  (timeoutMs: number): typeof fetch =>
  (input, init) =>
    fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config, desk, logger } = options;
  const slackLogger = logger.child({ platform: "slack" });
  const configured: webApi.WebClientOptions = { ...WEB_API_CLIENT, ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), ...options.clientOptions };
  const clientOptions: webApi.WebClientOptions = { fetch: fetchWithin(configured.timeout || WEB_API_CLIENT.timeout!), ...configured };
  const bolt = boltLogger(slackLogger);
  const authorization = createSlackAuthorization({
    client: new webApi.WebClient(config.botToken, { ...clientOptions, logger: bolt }),
    logger: slackLogger,
    ...(options.authBackoff ? { backoff: options.authBackoff } : {}),
    ...(options.onTokenRefused ? { onRefused: options.onTokenRefused } : {}),
  });
  const app = new App({
    logger: bolt,
    clientOptions,
    // Bolt would call auth.test itself, once, and remember a failure forever; authorization.ts retries.
    authorize: async () => {
      const identity = authorization.identity();
      if (!identity) throw new Error("Slack has not yet accepted the token");
      return { botToken: config.botToken, ...identity };
    },
    ...(config.mode === "socket"
      ? { socketMode: true, appToken: config.appToken, installerOptions: { clientOptions } }
      : {
          receiver: new GuardedHttpReceiver({
            signingSecret: config.signingSecret,
            logger: slackLogger,
            boltLogger: bolt,
            isReady: () => authorization.identity() !== undefined,
            ...(options.limits ? { limits: options.limits } : {}),
          }),
        }),
  });

  const deps: SlackDeps = {
    desk,
    logger: slackLogger,
    limiter: options.limiter ?? createRateLimiter(),
    claims: options.claims ?? createMemoryClaims(),
    poster: createSlackPoster(slackLogger, options.delivery),
    answered: options.answered ?? createAnsweredMessages(),
  };
  app.event("app_mention", onMention(deps));
  app.message(onMessage(deps));
  app.message(subtype("message_changed"), onEdit(deps));
  app.event("app_home_opened", onHomeOpened(deps));
  app.command("/factdesk", onSlashCommand(deps, "ask"));
  app.command("/factcheck", onSlashCommand(deps, "check"));
  app.shortcut<MessageShortcut>({ type: "message_action", callback_id: FACT_CHECK_SHORTCUT.callbackId }, onFactCheckShortcut(deps));
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTIONS.ask}:`), onAskButton(deps));
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTIONS.feedback}:`), onFeedback(deps));
  app.action<BlockAction<ButtonAction>>(ACTIONS.share, onShare(deps));
  app.view(FEEDBACK_ACTIONS.reasonModal, onFeedbackReason(deps));
  app.error(async (error) => {
    slackLogger.error({ err: error }, "unhandled Slack error");
  });

  return {
    async start() {
      await authorization.begin();
      if (config.mode === "socket") {
        await authorization.authorized();
        await app.start();
        return undefined;
      }
      const server = (await app.start(config.port)) as Server;
      return (server.address() as { port: number }).port;
    },
    async stop() {
      authorization.stop();
      await app.stop();
    },
  };
}
