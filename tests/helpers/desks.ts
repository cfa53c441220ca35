// Desks for testing the adapters' failure paths: the real engine behind a delay, or failing on
// chosen questions. The adapters can't tell them from the real desk.
import { createDesk, type Desk, type Request } from "../../src/bots/conversation.js";
import { realEngine } from "./engine.js";
import { pause } from "./wait-for.js";

export const realDesk = (): Desk => createDesk(realEngine());

/** The real desk, answering only after `ms` milliseconds. */
export function slowDesk(ms: number): Desk {
  const desk = realDesk();
  return { ...desk, respond: async (request, options) => (await pause(ms), desk.respond(request, options)) };
}

/** The real desk, except that any question or claim containing `trigger` fails as a broken engine would. */
export function failingDesk(trigger: string): Desk {
  const desk = realDesk();
  const text = (request: Request) => (request.kind === "ask" ? request.question : request.kind === "check" ? request.claim : "");
  return {
    ...desk,
    respond: async (request, options) => (text(request).includes(trigger) ? Promise.reject(new Error("index corrupted")) : desk.respond(request, options)),
  };
}
