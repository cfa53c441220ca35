// The composition root: reads configuration, loads the knowledge base, builds the engine and the
// platform clients, and starts the front ends that are configured (the terminal chat when none is).
import "dotenv/config";
import { runTerminalChat } from "./bots/terminal.js";
import { readConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { openEngine } from "./open-engine.js";

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
  const stops: (() => Promise<void>)[] = [];
  // Slack and Discord front ends register here as they are built (issues 4 and 5).
  logger.error("Slack and Discord front ends are not built yet; unset their variables to use the terminal chat");
  await new Promise<void>((resolve) => {
    const shutDown = () => resolve();
    process.once("SIGINT", shutDown);
    process.once("SIGTERM", shutDown);
  });
  logger.info("shutting down");
  await Promise.allSettled(stops.map((stop) => stop()));
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`factdesk: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
