// Wires FactDesk's Slack listeners into a Bolt app, in Socket Mode or HTTP mode. Wiring only:
// the behaviour is in listeners.ts, the rendering in blocks.ts.
import { App, HTTPReceiver, type BlockAction, type ButtonAction, type webApi } from "@slack/bolt";
import type { SlackConfig } from "../../config.js";
import type { Logger } from "../../logger.js";
import { memoryDeliveryClaims, type DeliveryClaims } from "../../store/delivery-claims.js";
import type { Desk } from "../conversation.js";
import { createRateLimiter, type RateLimiter } from "../rate-limit.js";
import { ACTIONS } from "./blocks.js";
import { boltLogger } from "./bolt-logger.js";
import { FEEDBACK_ACTIONS } from "./feedback-blocks.js";
import { onFeedback, onFeedbackReason } from "./feedback.js";
import { onAskButton, onDirectMessage, onMention, onShare, onSlashCommand, type SlackDeps } from "./listeners.js";
import { refuseFutureTimestamps } from "./request-time.js";

export interface SlackAppOptions {
  config: SlackConfig;
  desk: Desk;
  logger: Logger;
  limiter?: RateLimiter;
  /** Which deliveries were answered: the store's, shared by every process; per process by default. */
  claims?: DeliveryClaims;
  /** Web API client options, e.g. fewer retries in tests. */
  clientOptions?: webApi.WebClientOptions;
}

/** A failed Slack call is retried briefly, then the user gets an apology rather than a long wait. */
const WEB_API_RETRIES = { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2000 };

export function createSlackApp({ config, desk, logger, limiter = createRateLimiter(), claims = memoryDeliveryClaims(), clientOptions }: SlackAppOptions): App {
  const slackLogger = logger.child({ platform: "slack" });
  const webClient: webApi.WebClientOptions = {
    retryConfig: WEB_API_RETRIES,
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    ...clientOptions,
  };
  const app = new App({
    token: config.botToken,
    logger: boltLogger(slackLogger),
    clientOptions: webClient,
    ...(config.mode === "socket"
      ? { socketMode: true, appToken: config.appToken, installerOptions: { clientOptions: webClient } }
      : { receiver: httpReceiver(config.signingSecret, slackLogger) }),
  });

  const deps: SlackDeps = { desk, logger: slackLogger, limiter, claims };
  app.event("app_mention", onMention(deps));
  app.message(onDirectMessage(deps));
  app.command("/factdesk", onSlashCommand(deps, "ask"));
  app.command("/factcheck", onSlashCommand(deps, "check"));
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTIONS.ask}:`), onAskButton(deps));
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTIONS.feedback}:`), onFeedback(deps));
  app.action<BlockAction<ButtonAction>>(ACTIONS.share, onShare(deps));
  app.view(FEEDBACK_ACTIONS.reasonModal, onFeedbackReason(deps));
  app.error(async (error) => {
    slackLogger.error({ err: error }, "unhandled Slack error");
  });
  return app;
}

/** HTTP mode's receiver: Bolt's, with /healthz, and refusing requests signed with a timestamp from the future. */
function httpReceiver(signingSecret: string, logger: Logger): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret,
    logger: boltLogger(logger),
    customRoutes: [{ path: "/healthz", method: ["GET"], handler: (_req, res) => void res.writeHead(200, { "content-type": "text/plain" }).end("ok\n") }],
  });
  receiver.requestListener = refuseFutureTimestamps(receiver.requestListener, logger);
  return receiver;
}

/** Starts the app: connects in Socket Mode, or listens on the port in HTTP mode (0 for any port). */
export async function startSlackApp(app: App, config: SlackConfig): Promise<void> {
  if (config.mode === "socket") await app.start();
  else await app.start(config.port);
}
