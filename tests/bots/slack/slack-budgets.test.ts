// Length budgets, through the real Bolt in HTTP mode against the fake Web API: a reply with many
// long passages stays within Slack's total text limit (not only 50 blocks and 3,000 characters a
// section), a quote split across sections stays quoted, and the "not shown" count is right.
import { describe, expect, it } from "vitest";
import type { CitationView } from "../../../src/answers/types.js";
import type { Desk, Reply } from "../../../src/bots/conversation.js";
import { realDesk } from "../../helpers/desks.js";
import { BOT_USER_ID, eventEnvelope, sendToApp, textInBlocks, waitFor, type StoredMessage } from "../../helpers/fake-slack.js";
import { startSlackHarness, type SlackHarness } from "../../helpers/slack-app.js";

const JSON_TYPE = "application/json";

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
