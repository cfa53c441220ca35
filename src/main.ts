// The composition root: reads configuration, loads the knowledge base, builds the engine, the
// logger and the platform clients, and starts the front ends that are configured (the terminal
// chat when none is). Nothing else constructs a platform client.
import "dotenv/config";
import type { Server } from "node:http";
import { createDesk, type Desk } from "./bots/conversation.js";
import { runTerminalChat } from "./bots/terminal.js";
import { readConfig, type DiscordConfig, type SlackConfig } from "./config.js";
import { createLogger, type Logger } from "./logger.js";
import { openEngine } from "./open-engine.js";

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

  if (!config.slack && !config.discord) {
    await runTerminalChat({ engine, input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
    return 0;
  }

  const logger = createLogger(config.logLevel);
  const desk = createDesk(engine);
  const stops: Stop[] = [];
  if (config.slack) stops.push(await startSlack(config.slack, desk, logger));
  if (config.discord) stops.push(await startDiscord(config.discord, desk, logger));
  logger.info({ facts: engine.knowledge.facts.length }, "FactDesk is serving");

  // A fault in one request must not take the others down: log it and keep serving.
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      logger.info({ signal }, "shutting down");
      void Promise.allSettled(stops.map((stop) => stop())).then(() => process.exit(0));
    });
  }
  return 0;
}

// The platform adapters (and Bolt and discord.js) load only when configured: the terminal chat starts faster.
async function startSlack(config: SlackConfig, desk: Desk, logger: Logger): Promise<Stop> {
  const { createSlackApp } = await import("./bots/slack/app.js");
  const onTokenRefused = (error: Error) => {
    process.stderr.write(`factdesk: ${error.message}\n`);
    process.exit(1);
  };
  const app = createSlackApp({ config, desk, logger, onTokenRefused });
  await app.start();
  logger.info(config.mode === "socket" ? { slack: "Socket Mode" } : { slack: "HTTP", url: `http://localhost:${config.port}/slack/events` }, "Slack app started");
  return () => app.stop();
}

async function startDiscord(config: DiscordConfig, desk: Desk, logger: Logger): Promise<Stop> {
  const { createDiscordClient } = await import("./bots/discord/client.js");
  const { createInteractionsEndpoint, INTERACTIONS_PATH } = await import("./bots/discord/http-interactions.js");
  const apiUrl = config.apiUrl ? { apiUrl: config.apiUrl } : {};
  if (config.mode === "gateway") {
    const client = createDiscordClient({ applicationId: config.applicationId, desk, logger, ...apiUrl });
    await client.login(config.token);
    return () => client.destroy();
  }
  const endpoint = createInteractionsEndpoint({ publicKey: config.publicKey, logger });
  const client = createDiscordClient({ applicationId: config.applicationId, desk, logger, rest: endpoint.rest, ...apiUrl });
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
