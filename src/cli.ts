// The factdesk command line: ask, check, chat, validate, topics, review. Its stdout is the product
// (answers, JSON lines); problems go to stderr with exit code 1 (bad data) or 2 (bad usage).
import "dotenv/config";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { apDate } from "./answers/ap-date.js";
import type { Engine } from "./answers/engine.js";
import { createDesk } from "./bots/conversation.js";
import { renderAnswer, renderCheck } from "./bots/plain-text.js";
import { runTerminalChat } from "./bots/terminal.js";
import { readConfig } from "./config.js";
import { DEFAULT_DATA_DIR } from "./knowledge/load.js";
import { createLogger } from "./logger.js";
import { openEngine } from "./open-engine.js";
import { runReview } from "./review/review-command.js";
import { engineVersion } from "./store/engine-version.js";
import { openStore } from "./store/open-store.js";

const USAGE = `Usage: factdesk <command> [options]

  ask "question"           answer a question, with sources
  ask --json "question"    the answer as one line of JSON
  ask --jsonl              a question per line on stdin, a JSON result per line on stdout
  check "claim"            fact-check a sentence (also --json, --jsonl)
  chat                     interactive terminal chat (recorded, like npm start's)
  validate                 check every data file; exit 1 listing each problem
  topics                   what FactDesk can answer about, and its sources
  review [--since DATE]    questions refused or voted 👎 (default: the last 30 days), grouped,
                           with the nearest facts; DATE is 2026-11-01 or 7d; also --json
  review --add-phrasing <group> <fact-id>
                           add the group's leading wording to that fact's questions, then validate`;

export async function runCli(argv: readonly string[], io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { json: { type: "boolean" }, jsonl: { type: "boolean" }, help: { type: "boolean", short: "h" }, since: { type: "string" }, "add-phrasing": { type: "boolean" } },
    });
  } catch (error) {
    io.stderr.write(`factdesk: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  const { json, jsonl, help } = parsed.values;
  if (help || !command || command === "help") {
    io.stdout.write(`${USAGE}\n`);
    return command || help ? 0 : 2;
  }
  if (!["ask", "check", "chat", "validate", "topics", "review"].includes(command)) {
    io.stderr.write(`factdesk: unknown command "${command}"\n${USAGE}\n`);
    return 2;
  }

  const opened = openEngine();
  if (!opened.ok) {
    io.stderr.write(`factdesk: data/ has ${opened.problems.length} problem(s):\n${opened.problems.map((p) => `  ${p}`).join("\n")}\n`);
    return 1;
  }
  const { engine } = opened;
  const knowledge = engine.knowledge;

  switch (command) {
    case "validate":
      io.stdout.write(`data/ is valid: ${knowledge.sources.size} source(s), ${knowledge.facts.length} facts, ${knowledge.entities.length} entities.\n`);
      return 0;
    case "topics":
      io.stdout.write(renderTopics(engine));
      return 0;
    case "chat": {
      const configured = readConfig(process.env);
      const opened = configured.ok ? await openStore({ ...configured.config.store, engineVersion: engineVersion(knowledge), logger: createLogger("warn", process.stderr) }) : configured;
      if (!opened.ok) {
        io.stderr.write(`factdesk: configuration error: ${opened.error}\n`);
        return 1;
      }
      await runTerminalChat({ desk: createDesk(engine, opened.store), input: io.stdin, output: io.stdout, interactive: Boolean(io.stdin.isTTY) });
      await opened.store.close();
      return 0;
    }
    case "review":
      return runReview(engine, { since: parsed.values.since, json, addPhrasing: parsed.values["add-phrasing"], positionals: rest, dataDir: process.env.FACTDESK_DATA_DIR || DEFAULT_DATA_DIR }, io);
    default: {
      const run = command === "ask" ? (text: string) => engine.ask(text) : (text: string) => engine.check(text);
      if (jsonl) {
        for await (const line of createInterface({ input: io.stdin })) io.stdout.write(`${JSON.stringify(run(line))}\n`);
        return 0;
      }
      const text = rest.join(" ").trim();
      if (!text) {
        io.stderr.write(`factdesk: ${command} needs text, e.g. factdesk ${command} "${command === "ask" ? "how many attacks?" : "The US has struck militias in Iraq."}"\n`);
        return 2;
      }
      if (json) io.stdout.write(`${JSON.stringify(run(text))}\n`);
      else io.stdout.write(`${command === "ask" ? renderAnswer(engine.ask(text)) : renderCheck(engine.check(text))}\n`);
      return 0;
    }
  }
}

function renderTopics(engine: Engine): string {
  const { knowledge } = engine;
  const byId = new Map(knowledge.facts.map((fact) => [fact.id, fact]));
  const lines = ["FactDesk answers questions about the US response to attacks by Iran-backed militias on US forces in Iraq and Syria.", ""];
  for (const topic of knowledge.topics) {
    lines.push(`${topic.title} (${topic.factIds.length} facts), e.g. "${byId.get(topic.factIds[0]!)?.questions[0]}"`);
  }
  lines.push("", "Sources:");
  for (const source of knowledge.sources.values()) lines.push(`  ${source.publisher}, "${source.title}", ${apDate(source.published)}`);
  return `${lines.join("\n")}\n`;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("cli.ts")) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`factdesk: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
