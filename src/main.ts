// The composition root: reads configuration, loads the knowledge base, builds the engine and the
// platform clients, and starts the front ends that are configured (the terminal chat when none is).
import "dotenv/config";
import { runTerminalChat } from "./bots/terminal.js";
import { readConfig } from "./config.js";
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

  // The Slack and Discord front ends are not built yet (issues 4 and 5): say so rather than idle.
  const platform = config.slack ? "Slack" : "Discord";
  process.stderr.write(`factdesk: the ${platform} front end is not built yet; unset its variables to use the terminal chat\n`);
  return 1;
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
