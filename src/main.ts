// The composition root: reads configuration, loads the knowledge base, builds the engine, the
// logger, the store and the platform clients, and starts the front ends that are configured (the
// terminal chat when none is). Nothing else constructs a platform client or opens the store.
import "dotenv/config";
import type { Server } from "node:http";
import type { ConversationContext } from "./answers/converse.js";
import { createDesk, type Desk } from "./bots/conversation.js";
import { createRateLimiter, USER_RATE_LIMIT } from "./bots/rate-limit.js";
import { runTerminalChat } from "./bots/terminal.js";
import { readConfig, type DiscordConfig, type SlackConfig } from "./config.js";
import { createLogger, type Logger } from "./logger.js";
import { openEngine } from "./open-engine.js";
import { engineVersion } from "./store/engine-version.js";
import { openStore } from "./store/open-store.js";
import { withLocalFallback } from "./store/shared-rate-limit.js";
import type { Store } from "./store/store.js";

type Stop = () => Promise<unknown>;

async function main(): Promise<number> {
  const configured = readConfig(process.env);
  if (!configured.ok) {
    process.stderr.write(`factdesk: configuration error: ${configured.error}\n`);
    return 1;
  }
  const { config } = configured;
  const opened = openEngine();
  if (!opened.ok) {
    process.stderr.write(`factdesk: data/ has ${opened.problems.length} problem(s):\n${opened.problems.map((p) => `  ${p}`).join("\n")}\n`);
    return 1;
  }
  const { engine } = opened;
  const chatOnly = !config.slack && !config.discord;
  // The terminal chat's stdout is the conversation: its log lines go to stderr, warnings and worse only.
  const logger = chatOnly ? createLogger(config.logLevel === "info" ? "warn" : config.logLevel, process.stderr) : createLogger(config.logLevel);

  const storeOpened = await openStore({ ...config.store, engineVersion: engineVersion(engine.knowledge), logger });
  if (!storeOpened.ok) {
    process.stderr.write(`factdesk: configuration error: ${storeOpened.error}\n`);
    return 1;
  }
  const { store } = storeOpened;
  const purged = store.purge().catch((error: unknown) => logger.error({ err: error }, "retention: could not delete old records"));
  // Conversations live in the store, so a thread continues whichever process gets its next message.
  const desk = createDesk(engine, { records: store, conversations: store.conversations<ConversationContext>({ ttlMs: config.conversationTtlMs }), logger });

  if (chatOnly) {
    await runTerminalChat({ desk, input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
    await purged;
    await store.close();
    return 0;
  }

  const stops: Stop[] = [];
  if (config.slack) stops.push(await startSlack(config.slack, desk, store, logger));
  if (config.discord) stops.push(await startDiscord(config.discord, desk, store, logger));
  logger.info({ facts: engine.knowledge.facts.length, store: { engine: store.engine, location: store.location } }, "FactDesk is serving");

  // A fault in one request must not take the others down: log it and keep serving.
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      logger.info({ signal }, "shutting down");
      void Promise.allSettled(stops.map((stop) => stop()))
        .then(() => store.close())
        .finally(() => process.exit(0));
    });
  }
  return 0;
}

/** The per-person limit, counted in the store for every process; per process while the store is unreachable. */
function sharedLimiter(store: Store, platform: string, logger: Logger) {
  return withLocalFallback(store.rateLimiter(platform, USER_RATE_LIMIT), createRateLimiter(USER_RATE_LIMIT), logger.child({ platform }));
}

// The platform adapters (and Bolt and discord.js) load only when configured: the terminal chat starts faster.
async function startSlack(config: SlackConfig, desk: Desk, store: Store, logger: Logger): Promise<Stop> {
  const { createSlackApp } = await import("./bots/slack/app.js");
  const onTokenRefused = (error: Error) => {
    process.stderr.write(`factdesk: ${error.message}\n`);
    process.exit(1);
  };
  const app = createSlackApp({ config, desk, logger, limiter: sharedLimiter(store, "slack", logger), claims: store.claims, onTokenRefused });
  await app.start();
  logger.info(config.mode === "socket" ? { slack: "Socket Mode" } : { slack: "HTTP", url: `http://localhost:${config.port}/slack/events` }, "Slack app started");
  return () => app.stop();
}

async function startDiscord(config: DiscordConfig, desk: Desk, store: Store, logger: Logger): Promise<Stop> {
  const limiter = sharedLimiter(store, "discord", logger);
  const { createDiscordClient } = await import("./bots/discord/client.js");
  const { createInteractionsEndpoint, INTERACTIONS_PATH } = await import("./bots/discord/http-interactions.js");
  const apiUrl = config.apiUrl ? { apiUrl: config.apiUrl } : {};
  if (config.mode === "gateway") {
    const client = createDiscordClient({ applicationId: config.applicationId, desk, logger, limiter, ...apiUrl });
    await client.login(config.token);
    return () => client.destroy();
  }
  const endpoint = createInteractionsEndpoint({ publicKey: config.publicKey, logger });
  const client = createDiscordClient({ applicationId: config.applicationId, desk, logger, limiter, rest: endpoint.rest, ...apiUrl });
  if (config.token) client.rest.setToken(config.token);
  const server: Server = await endpoint.listen(client, config.port);
  logger.info({ discord: "HTTP interactions", url: `http://localhost:${config.port}${INTERACTIONS_PATH}` }, "Discord endpoint started");
  return async () => {
    await client.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`factdesk: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
