// The desk's conversations, which every front end shares: a follow-up is read against its
// conversation's last turn, a conversation lasts as long as its store keeps it, one conversation
// never reads another's, and a store that fails or stalls costs the context, never the answer.
import { describe, expect, it } from "vitest";
import type { ConversationContext } from "../../src/answers/converse.js";
import { createDesk, type Asker, type Reply } from "../../src/bots/conversation.js";
import { memoryConversationStore, type ConversationStore } from "../../src/store/conversation-store.js";
import { realEngine } from "../helpers/engine.js";
import { captureLogs } from "../helpers/log-capture.js";

const engine = realEngine();
const reporter: Asker = { platform: "slack", userId: "UREPORTER", conversation: "T1:C1:1700000000.000100" };
const text = (reply: Reply) => (reply.kind === "answer" ? reply.result.answer : reply.kind === "check" ? reply.result.explanation : "");
const ask = (question: string) => ({ kind: "ask" as const, question });

describe("the desk's conversations", () => {
  it("reads a follow-up against the asker's conversation, and echoes what was typed", async () => {
    const desk = createDesk(engine);
    await desk.respond(ask("how many American soldiers are based in Iraq?"), { asker: reporter });
    const reply = await desk.respond(ask("and in Syria?"), { asker: reporter });
    expect(reply.kind === "answer" && reply.question).toBe("and in Syria?");
    expect(text(reply)).toMatch(/^\(Reading this as: how many American soldiers are based in Syria\?\)/);
    expect(await desk.knowsConversation("slack:T1:C1:1700000000.000100")).toBe(true);
  });

  it("keeps conversations apart, and lets a request stand alone", async () => {
    const desk = createDesk(engine);
    await desk.respond(ask("how many American soldiers are based in Iraq?"), { asker: reporter });
    const elsewhere = await desk.respond(ask("and in Syria?"), { asker: { ...reporter, conversation: "T1:C1:1700000000.000200" } });
    expect(text(elsewhere)).not.toMatch(/Reading this as/);
    const alone = await desk.respond(ask("and in Syria?"), { asker: reporter, conversation: false });
    expect(text(alone)).not.toMatch(/Reading this as/);
  });

  it("continues a conversation under a second key, as a Discord reply chain does", async () => {
    const desk = createDesk(engine);
    await desk.respond(ask("how many attacks were there in Iraq?"), { conversation: "discord:message:1" });
    await desk.continueConversation("discord:message:1", "discord:message:2");
    expect(text(await desk.respond(ask("what about Syria?"), { conversation: "discord:message:2" }))).toMatch(/32/);
  });

  it("starts no conversation with a message that asks nothing", async () => {
    const desk = createDesk(engine);
    await desk.respond(ask("hi there"), { asker: reporter });
    expect(await desk.knowsConversation("slack:T1:C1:1700000000.000100")).toBe(false);
  });

  it("starts afresh once the conversation has lasted its time", async () => {
    let clock = 1_700_000_000_000;
    const conversations = memoryConversationStore<ConversationContext>({ ttlMs: 30 * 60_000, now: () => clock });
    const desk = createDesk(engine, { conversations });
    await desk.respond(ask("how many American soldiers are based in Iraq?"), { asker: reporter });
    clock += 31 * 60_000;
    expect(await desk.knowsConversation("slack:T1:C1:1700000000.000100")).toBe(false);
    expect(text(await desk.respond(ask("and in Syria?"), { asker: reporter }))).not.toMatch(/Reading this as/);
  });

  it.each<[string, ConversationStore<ConversationContext>, RegExp]>([
    ["fails", { get: () => Promise.reject(new Error("database is down")), set: () => Promise.reject(new Error("database is down")) }, /the conversation store failed/],
    ["never answers", { get: () => new Promise(() => {}), set: () => new Promise(() => {}) }, /did not answer in time/],
  ])("answers on its own when the conversation store %s, and says so in the log", async (_how, conversations, logged) => {
    const logs = captureLogs("warn");
    const desk = createDesk(engine, { conversations, logger: logs.logger });
    const reply = await desk.respond(ask("how many American soldiers are based in Iraq?"), { asker: reporter });
    expect(text(reply)).toMatch(/2,000/);
    expect(await desk.knowsConversation("slack:T1:C1:1700000000.000100")).toBe(false);
    expect(logs.text()).toMatch(logged);
  });
});
