// The factdesk command line: ask, check, converse, chat, validate, topics, review. Its stdout is the
// product (answers, JSON lines); problems go to stderr with exit code 1 (bad data) or 2 (bad usage).
import "dotenv/config";
import type { Readable, Writable } from "node:stream";
import { parseArgs } from "node:util";
import { apDate } from "./answers/ap-date.js";
import type { ConversationContext } from "./answers/converse.js";
import type { Engine } from "./answers/engine.js";
import { renderAnswer, renderCheck } from "./bots/plain-text.js";
import { DEFAULT_DATA_DIR } from "./knowledge/load.js";
import { openEngine } from "./open-engine.js";

const USAGE = `Usage: factdesk <command> [options]

  ask "question"           answer a question, with sources
  ask --json "question"    the answer as one line of JSON
  ask --jsonl              a question per line on stdin, a JSON result per line on stdout
  ask --explain "question" what the engine understood, its candidates and why it decided as it did
  check "claim"            fact-check a sentence (also --json, --jsonl, --explain)
  converse --jsonl         conversations: {"conversation": "<id>", "text": "..."} per line on stdin,
                           the ask or check JSON result per line on stdout, follow-ups read in context
  chat                     interactive terminal chat (recorded, like npm start's)
  validate                 check every data file; exit 1 listing each problem
  topics                   what FactDesk can answer about, and its sources
  review [--since DATE]    questions refused or voted 👎 (default: the last 30 days), grouped,
                           with the nearest facts; DATE is 2026-11-01 or 7d; also --json
  review --add-phrasing <group> <fact-id>
                           add the group's leading wording to that fact's questions, then validate`;

export async function runCli(argv: readonly string[], io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const output = watchOutput(io.stdout);
  const code = await runCommand(argv, { ...io, stdout: output.stream });
  return output.finish(code, io.stderr);
}

async function runCommand(argv: readonly string[], io: { stdin: Readable & { isTTY?: boolean }; stdout: Writable; stderr: Writable }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: "boolean" },
        jsonl: { type: "boolean" },
        explain: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        since: { type: "string" },
        "add-phrasing": { type: "boolean" },
      },
    });
  } catch (error) {
    io.stderr.write(`factdesk: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  const { json, jsonl, explain, help } = parsed.values;
  if (help || !command || command === "help") {
    io.stdout.write(`${USAGE}\n`);
    return command || help ? 0 : 2;
  }
  if (!["ask", "check", "converse", "chat", "validate", "topics", "review"].includes(command)) {
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
    case "chat":
      return runChat(engine, io);
    case "converse":
      if (!jsonl) {
        io.stderr.write(`factdesk: converse reads JSON lines: factdesk converse --jsonl < conversations.jsonl\n`);
        return 2;
      }
      await runConversations(engine, io.stdin, io.stdout);
      return 0;
    case "review": {
      const { runReview } = await import("./review/review-command.js");
      return runReview(engine, { since: parsed.values.since, json, addPhrasing: parsed.values["add-phrasing"], positionals: rest, dataDir: process.env.FACTDESK_DATA_DIR || DEFAULT_DATA_DIR }, io);
    }
    default: {
      const run = command === "ask" ? (text: string) => engine.ask(text) : (text: string) => engine.check(text);
      if (jsonl) {
        for await (const line of inputLines(io.stdin)) {
          if (io.stdout.writableEnded || io.stdout.destroyed) break; // the reader went away: stop reading too
          io.stdout.write(`${JSON.stringify(run(line))}\n`);
        }
        return 0;
      }
      const text = rest.join(" ").trim();
      if (!text) {
        io.stderr.write(`factdesk: ${command} needs text, e.g. factdesk ${command} "${command === "ask" ? "how many attacks?" : "The US has struck militias in Iraq."}"\n`);
        return 2;
      }
      if (explain) io.stdout.write(`${command === "ask" ? engine.explain(text) : engine.explainCheck(text)}\n`);
      else if (json) io.stdout.write(`${JSON.stringify(run(text))}\n`);
      else io.stdout.write(`${command === "ask" ? renderAnswer(engine.ask(text)) : renderCheck(engine.check(text))}\n`);
      return 0;
    }
  }
}

/**
 * `chat`: the terminal chat, recorded in the store as npm start's is. The store (and Kysely) load
 * only for chat and review, so ask and check start as fast as they would without it.
 */
async function runChat(engine: Engine, io: { stdin: Readable & { isTTY?: boolean }; stdout: Writable; stderr: Writable }): Promise<number> {
  const [{ readConfig }, { createLogger }, { openStore }, { engineVersion }, { createDesk }, { runTerminalChat }] = await Promise.all([
    import("./config.js"),
    import("./logger.js"),
    import("./store/open-store.js"),
    import("./store/engine-version.js"),
    import("./bots/conversation.js"),
    import("./bots/terminal.js"),
  ]);
  const configured = readConfig(process.env);
  const opened = configured.ok ? await openStore({ ...configured.config.store, engineVersion: engineVersion(engine.knowledge), logger: createLogger("warn", process.stderr) }) : configured;
  if (!opened.ok) {
    io.stderr.write(`factdesk: configuration error: ${opened.error}\n`);
    return 1;
  }
  const { memoryConversationStore } = await import("./store/conversation-store.js");
  const conversations = memoryConversationStore<ConversationContext>({ ttlMs: configured.ok ? configured.config.conversationTtlMs : undefined });
  await runTerminalChat({ desk: createDesk(engine, { records: opened.store, conversations }), input: io.stdin, output: io.stdout, interactive: Boolean(io.stdin.isTTY) });
  await opened.store.close();
  return 0;
}

/**
 * `converse --jsonl`: one {"conversation", "text"} object per line, conversations interleaved; each
 * keeps its own context, and each line gets its result in order. A line that is not such an object
 * gets {"error": ...} in its place, so the nth result stays the nth line's.
 */
async function runConversations(engine: Engine, input: Readable, output: Writable): Promise<void> {
  const contexts = new Map<string, ConversationContext>();
  for await (const line of inputLines(input)) {
    if (output.writableEnded || output.destroyed) break;
    if (!line.trim()) continue;
    const message = conversationLine(line);
    if (typeof message === "string") {
      output.write(`${JSON.stringify({ error: message })}\n`);
      continue;
    }
    const turn = engine.converse(message.text, contexts.get(message.conversation));
    contexts.set(message.conversation, turn.context);
    output.write(`${JSON.stringify(turn.reply.result)}\n`);
  }
}

/** A conversation line, or what is wrong with it. */
function conversationLine(line: string): { conversation: string; text: string } | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return "not JSON: each line must be {\"conversation\": \"<id>\", \"text\": \"<message>\"}";
  }
  const { conversation, text } = (parsed ?? {}) as { conversation?: unknown; text?: unknown };
  if (typeof conversation !== "string" && typeof conversation !== "number") return "missing \"conversation\": the id of the conversation the message belongs to";
  if (typeof text !== "string") return "missing \"text\": the message";
  return { conversation: String(conversation), text };
}

/**
 * Lines of input split on newlines only (a trailing carriage return of CRLF dropped), so the nth
 * result is always the nth line's: readline would also split on a lone carriage return.
 */
async function* inputLines(input: Readable): AsyncGenerator<string> {
  input.setEncoding("utf8");
  let rest = "";
  for await (const chunk of input as AsyncIterable<string>) {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop()!;
    for (const line of lines) yield line.endsWith("\r") ? line.slice(0, -1) : line;
  }
  if (rest) yield rest.endsWith("\r") ? rest.slice(0, -1) : rest;
}

/**
 * Output that may close under us: `factdesk ask --jsonl | head -1` closes the pipe (EPIPE), which
 * ends the CLI quietly; any other write failure (a full disk) is one line on stderr and exit 1.
 */
function watchOutput(stream: Writable) {
  let failure: NodeJS.ErrnoException | undefined;
  const onError = (error: NodeJS.ErrnoException) => {
    failure ??= error;
    stream.destroy();
  };
  stream.on("error", onError);
  return {
    stream,
    async finish(code: number, stderr: Writable): Promise<number> {
      // A write to a file fails on the next tick and a pipe's when it drains: wait for both.
      if (!stream.destroyed) await new Promise<void>((resolve) => stream.write("", () => resolve()));
      await new Promise((resolve) => setImmediate(resolve));
      stream.off("error", onError);
      stream.on("error", () => undefined); // nothing more is written; a late error must not crash
      if (!failure) return code;
      if (failure.code === "EPIPE") return code;
      stderr.write(`factdesk: could not write the output: ${failure.message}\n`);
      return 1;
    },
  };
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
