// The terminal chat: the adapter that needs no configuration. Reads a question per line, answers
// each, and ends cleanly at the end of input, so `echo "how many attacks?" | npm start` works.
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Engine } from "../answers/engine.js";
import { readRequest, replyTo as replyToRequest } from "./conversation.js";
import { renderPlainReply } from "./plain-text.js";

export interface TerminalChatOptions {
  engine: Engine;
  input: Readable;
  output: Writable;
  /** Show the prompt and greeting: on for a person at a terminal, off for piped input. */
  interactive: boolean;
}

const GREETING = `FactDesk: ask about the US response to militia attacks on US forces in Iraq and Syria (Oct.-Nov. 2023).
Type a question, "check <claim>" to fact-check a sentence, "help" for examples, or Ctrl-D to quit.`;

export function runTerminalChat({ engine, input, output, interactive }: TerminalChatOptions): Promise<void> {
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const write = (text: string) => output.write(`${text}\n`);
  if (interactive) {
    write(GREETING);
    lines.setPrompt("\n> ");
    lines.prompt();
  }
  lines.on("line", (line) => {
    const text = line.trim();
    if (text) write(replyTo(engine, text));
    if (interactive) lines.prompt();
  });
  return new Promise((resolve) => lines.once("close", () => resolve()));
}

/** A line is a question, "check <sentence>", or "help" (see readRequest); the reply is plain text. */
export function replyTo(engine: Engine, text: string): string {
  return renderPlainReply(replyToRequest(engine, readRequest(text)));
}
