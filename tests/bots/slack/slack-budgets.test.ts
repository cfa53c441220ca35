// Length budgets, through the real Bolt in HTTP mode against the fake Web API: a reply with many
// long passages stays within Slack's total text limit (not only 50 blocks and 3,000 characters a
// section), a quote split across sections stays quoted, the "not shown" count is right, and when
// Slack still refuses a message as too long (msg_blocks_too_long, msg_too_long) a shorter one goes
// out instead of an apology: the answer, its as-of date and first passage, or else plain text.
import { describe, expect, it } from "vitest";
import type { CitationView } from "../../../src/answers/types.js";
import type { Desk, Reply } from "../../../src/bots/conversation.js";
import { realDesk } from "../../helpers/desks.js";
import { BOT_USER_ID, eventEnvelope, messageShortcutForm, sendToApp, textInBlocks, waitFor, type Fault, type StoredMessage } from "../../helpers/fake-slack.js";
import { startSlackHarness, type SlackHarness } from "../../helpers/slack-app.js";
import { pause } from "../../helpers/wait-for.js";

const JSON_TYPE = "application/json";
const FORM = "application/x-www-form-urlencoded";

type Block = { type: string; text?: { text: string }; elements?: Array<{ text?: string | { text: string } }> };

const SOURCES = ["wire", "briefing", "transcript"].map((id) => ({ sourceId: id, publisher: `The ${id} desk`, title: `The ${id}`, published: "2023-11-17" }));

/** `count` passages across three sources, each `length` characters; the first `firstLength`. */
function passages(count: number, length: number, firstLength = length): CitationView[] {
  return Array.from({ length: count }, (_, i) => ({ ...SOURCES[i % 3]!, quote: `Passage ${i} says this. `.repeat(Math.ceil((i === 0 ? firstLength : length) / 22)).slice(0, i === 0 ? firstLength : length) }));
}

function answerWith(citations: CitationView[]): Reply {
  return {
    kind: "answer",
    question: "what happened?",
    result: { status: "answered", answer: "Militants attacked US forces 61 times.", citations, factIds: ["f1"], confidence: 1, asOf: "2023-11-17", suggestions: ["When did the attacks start?"] },
    askId: "0b7c2d4e-3f5a-4b6c-8d9e-0f1a2b3c4d5e",
  };
}

const deskReplying = (reply: Reply): Desk => ({ ...realDesk(), respond: async () => reply });

async function withHarness(desk: Desk, test: (slack: SlackHarness) => Promise<void>): Promise<void> {
  const slack = await startSlackHarness({ desk });
  try {
    await test(slack);
  } finally {
    await slack.stop();
  }
}

let clock = 1700500000;
async function mention(slack: SlackHarness, channel: string): Promise<string> {
  const ts = `${clock++}.000700`;
  const response = await sendToApp(slack.eventsUrl, eventEnvelope({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> what happened?`, ts, channel, event_ts: ts }), JSON_TYPE);
  expect(response.status).toBe(200);
  return ts;
}

const storedIn = (slack: SlackHarness, channel: string): StoredMessage[] => slack.fake.messages.filter((m) => m.channel === channel);
const shownText = (blocks: unknown) => JSON.stringify(blocks ?? []);
const numbersShown = (blocks: unknown) => shownText(blocks).match(/\*\[\d+\]\*/g)?.length ?? 0;

describe("a Slack reply with many long passages", () => {
  it("stays within 12,000 characters in all, keeps a split quote quoted, and counts the passages it leaves out", async () => {
    const citations = passages(40, 600, 4500);
    await withHarness(deskReplying(answerWith(citations)), async (slack) => {
      await mention(slack, "CMANY");
      const [message] = await waitFor(() => (storedIn(slack, "CMANY").length ? storedIn(slack, "CMANY") : undefined), "the answer");
      const blocks = message!.blocks as Block[];
      expect(blocks.length).toBeLessThanOrEqual(50);
      expect(textInBlocks(blocks)).toBeLessThanOrEqual(12_000);
      const sections = blocks.filter((block) => block.type === "section").map((block) => block.text!.text);
      for (const text of sections) expect(text.length).toBeLessThanOrEqual(3000);
      // The 4,500-character first passage spans two sections: the second goes on as a quote.
      const first = sections.findIndex((text) => text.includes("*[1]*"));
      expect(sections[first + 1]).toMatch(/^>/);
      // Every line under a heading is quoted.
      for (const text of sections.slice(first)) for (const line of text.split("\n").slice(1)) expect(line).toMatch(/^>/);
      const shown = numbersShown(blocks);
      expect(shown).toBeGreaterThan(1);
      expect(shown).toBeLessThan(40);
      expect(shownText(blocks)).toContain(`…and ${40 - shown} more passages not shown.`);
    });
  });
});

describe("a reply Slack refuses as too long", () => {
  it.each<[string, Fault]>([
    ["msg_blocks_too_long", { method: "chat.postMessage", kind: "too-long", error: "msg_blocks_too_long", longerThan: 3000, times: Infinity }],
    ["msg_too_long", { method: "chat.postMessage", kind: "too-long", error: "msg_too_long", times: 1 }],
  ])("goes out shorter when Slack answers %s: the answer, its as-of date and first passage, and no apology", async (error, fault) => {
    await withHarness(deskReplying(answerWith(passages(30, 300))), async (slack) => {
      const channel = `C${error.toUpperCase().replace(/_/g, "")}`;
      slack.fake.fault({ ...fault, channel });
      await mention(slack, channel);
      const [message] = await waitFor(() => (storedIn(slack, channel).length ? storedIn(slack, channel) : undefined), "the shorter answer");
      const shown = shownText(message!.blocks);
      expect(shown).toContain("Militants attacked US forces 61 times.");
      expect(shown).toContain("As of Nov. 17, 2023");
      expect(shown).toContain(">*[1]* Passage 0 says this.");
      expect(numbersShown(message!.blocks)).toBe(1);
      expect(shown).toContain("…and 29 more passages not shown.");
      expect(shown).toContain("factdesk_feedback:up");
      await pause(150);
      expect(storedIn(slack, channel)).toHaveLength(1);
      expect(slack.fake.calls.filter((call) => call.method === "chat.postEphemeral" && call.args["channel"] === channel)).toEqual([]);
      expect(slack.logs.lines().some((line) => line["msg"] === "Slack refused the answer as too long; sending it shorter" && line["reason"] === error)).toBe(true);
    });
  });

  it("goes out as plain text when even the brief answer is refused", async () => {
    await withHarness(deskReplying(answerWith(passages(30, 300))), async (slack) => {
      slack.fake.fault({ method: "chat.postMessage", channel: "CPLAIN", kind: "too-long", longerThan: 0, times: Infinity });
      await mention(slack, "CPLAIN");
      const [message] = await waitFor(() => (storedIn(slack, "CPLAIN").length ? storedIn(slack, "CPLAIN") : undefined), "the plain answer");
      expect(message!.blocks).toBeUndefined();
      expect(message!.text).toContain("Militants attacked US forces 61 times.");
      expect(message!.text).toContain("(As of Nov. 17, 2023.)");
      expect(message!.text).toContain('"Passage 0 says this.');
      expect(slack.fake.calls.filter((call) => call.method === "chat.postMessage" && call.args["channel"] === "CPLAIN")).toHaveLength(3);
      expect(slack.fake.calls.some((call) => call.method === "chat.postEphemeral" && call.args["channel"] === "CPLAIN")).toBe(false);
    });
  });

  it("shortens a private verdict in a thread there, instead of sending it through the response_url", async () => {
    const citations = passages(30, 300);
    const check: Reply = {
      kind: "check",
      claim: "Militants attacked US forces 60 times",
      result: { verdict: "contradicted", explanation: "Contradicted: the source says 61.", citations, factIds: ["f1"], claims: [] },
      askId: "1c8d3e5f-4a6b-4c7d-9e0f-1a2b3c4d5e6f",
    };
    await withHarness(deskReplying(check), async (slack) => {
      slack.fake.fault({ method: "chat.postEphemeral", kind: "too-long", longerThan: 3000, times: Infinity });
      const form = messageShortcutForm({ text: "Militants attacked US forces 60 times", messageTs: "1700500901.000100", threadTs: "1700500900.000100", responseUrl: slack.fake.responseUrl("short-private") });
      await sendToApp(slack.eventsUrl, form, FORM);
      const privately = await waitFor(() => slack.fake.calls.filter((call) => call.method === "chat.postEphemeral")[1], "the shorter private verdict");
      expect(privately.args["thread_ts"]).toBe("1700500900.000100");
      expect(shownText(privately.args["blocks"])).toContain("*Contradicted:* the source says 61.");
      expect(numbersShown(privately.args["blocks"])).toBe(1);
      await pause(150);
      expect(slack.fake.responses.filter((r) => r.id === "short-private")).toEqual([]);
    });
  });
});
