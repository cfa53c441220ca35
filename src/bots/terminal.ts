// The terminal chat: the adapter that needs no configuration. Reads a question per line, answers
// each in order, and ends cleanly at the end of input, so `echo "how many attacks?" | npm start` works.
import { randomUUID } from "node:crypto";
import { userInfo } from "node:os";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { readRequest, type Asker, type Desk } from "./conversation.js";
import { renderPlainReply } from "./plain-text.js";
import { APOLOGY_MESSAGE } from "./rate-limit.js";

export interface TerminalChatOptions {
  desk: Desk;
  input: Readable;
  output: Writable;
  /** Show the prompt and greeting: on for a person at a terminal, off for piped input. */
  interactive: boolean;
}

const GREETING = `FactDesk: ask about the US response to militia attacks on US forces in Iraq and Syria (Oct.-Nov. 2023).
Type a question, "check <claim>" to fact-check a sentence, "help" for examples, or Ctrl-D to quit.`;

export function runTerminalChat({ desk, input, output, interactive }: TerminalChatOptions): Promise<void> {
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const write = (text: string) => output.write(`${text}\n`);
  // One session is one conversation, asked by whoever is at this terminal.
  const asker: Asker = { platform: "terminal", userId: terminalUser(), conversation: `terminal:${randomUUID()}` };
  if (interactive) {
    write(GREETING);
    lines.setPrompt("\n> ");
    lines.prompt();
  }
  // Replies are asynchronous; chaining them keeps each answer after its own question.
  let turns: Promise<void> = Promise.resolve();
  lines.on("line", (line) => {
    const text = line.trim();
    turns = turns
      .then(async () => {
        if (text) write(renderPlainReply(await desk.respond(readRequest(text), { asker })));
      })
      .catch(() => void write(APOLOGY_MESSAGE))
      .then(() => {
        if (interactive) lines.prompt();
      });
  });
  return new Promise((resolve) => lines.once("close", () => void turns.then(() => resolve())));
}

function terminalUser(): string {
  try {
    return userInfo().username;
  } catch {
    return "terminal";
  }
}
