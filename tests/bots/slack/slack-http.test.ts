// The Slack app as Slack meets it: the real Bolt in HTTP mode, signed requests, a fake Web API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Desk } from "../../../src/bots/conversation.js";
import { createRateLimiter } from "../../../src/bots/rate-limit.js";
import { failingDesk, realDesk, slowDesk } from "../../helpers/desks.js";
import {
  BOT_USER_ID,
  buttonClickForm,
  commandForm,
  eventEnvelope,
  sendToApp,
  SIGNING_SECRET,
  textInBlocks,
  waitFor,
  type RecordedCall,
} from "../../helpers/fake-slack.js";
import { BOT_TOKEN, startSlackHarness, type SlackHarness } from "../../helpers/slack-app.js";

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

type Block = { type: string; text?: { text: string }; elements?: Array<{ text?: string | { text: string }; action_id?: string; value?: string }> };

const blocksOf = (call: { args: Record<string, unknown> } | { body: Record<string, unknown> }) =>
  (("args" in call ? call.args : call.body)["blocks"] ?? []) as Block[];
const allText = (blocks: Block[]) => JSON.stringify(blocks);
const actionIds = (blocks: Block[]) => blocks.flatMap((block) => block.elements ?? []).map((element) => element.action_id).filter(Boolean);

let slack: SlackHarness;
let messageTs = 1700000100;

beforeAll(async () => {
  // One reporter asks every question here, far more than the production limit allows.
  slack = await startSlackHarness({ limiter: createRateLimiter({ requests: 1000, windowMs: 60_000 }) });
});
afterAll(async () => {
  await slack.stop();
});

function posts(channel: string): RecordedCall[] {
  return slack.fake.calls.filter((call) => call.method === "chat.postMessage" && call.args["channel"] === channel);
}

async function mention(text: string, extra: Record<string, unknown> = {}): Promise<{ ts: string; status: number }> {
  const ts = `${messageTs++}.000200`;
  const response = await sendToApp(
    slack.eventsUrl,
    eventEnvelope({ type: "app_mention", user: "UREPORTER", text, ts, channel: "CNEWSDESK", event_ts: ts, ...extra }),
    JSON_TYPE,
  );
  return { ts, status: response.status };
}

async function answerTo(ts: string): Promise<RecordedCall> {
  return waitFor(() => slack.fake.calls.find((call) => call.method === "chat.postMessage" && call.args["thread_ts"] === ts), `an answer in thread ${ts}`);
}

describe("Slack app in HTTP mode", () => {
  it("answers a mention in a thread under the question, with the quote, the as-of date and buttons", async () => {
    const { ts, status } = await mention(`<@${BOT_USER_ID}> hw many atacks on US forces?`);
    expect(status).toBe(200);
    const post = await answerTo(ts);
    const blocks = blocksOf(post);
    expect(post.args["channel"]).toBe("CNEWSDESK");
    expect(post.args["text"]).toMatch(/61 attacks/);
    expect(allText(blocks)).toContain(">*[1]* According to the Pentagon, Iranian-backed militants fired 61 missiles");
    expect(allText(blocks)).toContain("As of Nov. 17, 2023");
    expect(actionIds(blocks)).toEqual(expect.arrayContaining(["factdesk_ask:0", "factdesk_feedback:up", "factdesk_feedback:down"]));
    expect(post.args["link_names"]).toBeUndefined();
  });

  it("answers a mention made inside a thread in that same thread", async () => {
    const { ts } = await mention(`<@${BOT_USER_ID}> who is al-Sudani?`, { thread_ts: "1699999999.000100" });
    const post = await answerTo("1699999999.000100");
    expect(post.args["text"]).toMatch(/prime minister/i);
    expect(ts).not.toBe("1699999999.000100");
  });

  it("answers help in a mention with what it covers and example questions", async () => {
    const { ts } = await mention(`<@${BOT_USER_ID}> help`);
    const blocks = blocksOf(await answerTo(ts));
    expect(allText(blocks)).toContain("/factcheck &lt;sentence&gt;");
    expect(allText(blocks)).not.toMatch(/<(question|sentence)>/);
    expect(actionIds(blocks)).toContain("factdesk_ask:0");
  });

  it("offers the candidates as buttons when the question is ambiguous, and what it can answer when it can't", async () => {
    const ambiguous = await answerTo((await mention(`<@${BOT_USER_ID}> Tell me about Iraq`)).ts);
    expect(ambiguous.args["text"]).toMatch(/which|mean/i);
    expect(actionIds(blocksOf(ambiguous))).toEqual(expect.arrayContaining(["factdesk_ask:0", "factdesk_ask:1"]));
    expect(actionIds(blocksOf(ambiguous))).not.toContain("factdesk_feedback:up");
    const uncovered = await answerTo((await mention(`<@${BOT_USER_ID}> How many US troops are in Jordan?`)).ts);
    expect(uncovered.args["text"]).toMatch(/My sources don't cover Jordan/);
    expect(actionIds(blocksOf(uncovered))).toContain("factdesk_ask:0");
  });

  it("answers a direct message in the DM and ignores bot messages and edits", async () => {
    const dm = (event: Record<string, unknown>) =>
      sendToApp(slack.eventsUrl, eventEnvelope({ type: "message", channel: "DREPORTER", channel_type: "im", ts: `${messageTs++}.000300`, ...event }), JSON_TYPE);
    await dm({ bot_id: "BOTHER", text: "how many attacks?", user: "UOTHERBOT" });
    await dm({ subtype: "message_changed", hidden: true, message: { text: "how many attacks?" } });
    await dm({ user: "UREPORTER", text: "when did the attacks start" });
    const post = await waitFor(() => posts("DREPORTER")[0], "a DM answer");
    expect(post.args["text"]).toMatch(/Oct\. 17/);
    expect(post.args["thread_ts"]).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(posts("DREPORTER")).toHaveLength(1);
  });

  it("acks /factdesk at once and answers only the asker, with a Share button", async () => {
    const response = await sendToApp(slack.eventsUrl, commandForm("/factdesk", "how many US troops are in Iraq", slack.fake.responseUrl("cmd-1")), FORM);
    expect(response.status).toBe(200);
    const reply = await waitFor(() => slack.fake.responses.find((r) => r.id === "cmd-1"), "the slash command reply");
    expect(reply.body["response_type"]).toBe("ephemeral");
    expect(reply.body["text"]).toMatch(/2,000 troops in Iraq/);
    expect(actionIds(blocksOf(reply))).toContain("factdesk_share");
  });

  it("answers /factdesk with no text, and /factdesk help, with help", async () => {
    await sendToApp(slack.eventsUrl, commandForm("/factdesk", "", slack.fake.responseUrl("cmd-empty")), FORM);
    await sendToApp(slack.eventsUrl, commandForm("/factdesk", "help", slack.fake.responseUrl("cmd-help")), FORM);
    for (const id of ["cmd-empty", "cmd-help"]) {
      const reply = await waitFor(() => slack.fake.responses.find((r) => r.id === id), id);
      expect(allText(blocksOf(reply))).toContain("Try one of these");
    }
  });

  it("fact-checks a sentence with /factcheck", async () => {
    await sendToApp(slack.eventsUrl, commandForm("/factcheck", "Militants have attacked US forces 40 times since Oct. 17", slack.fake.responseUrl("cmd-check")), FORM);
    const reply = await waitFor(() => slack.fake.responses.find((r) => r.id === "cmd-check"), "the fact check");
    expect(reply.body["response_type"]).toBe("ephemeral");
    expect(allText(blocksOf(reply))).toContain("*Contradicted:*");
    expect(allText(blocksOf(reply))).toContain("61");
  });

  it("asks a follow-up button's question in the thread of the message it was on", async () => {
    const form = buttonClickForm({ action_id: "factdesk_ask:1", value: "When did the attacks start?" }, { responseUrl: slack.fake.responseUrl("btn-1"), messageTs: "1700000500.000100", threadTs: "1700000400.000100" });
    const response = await sendToApp(slack.eventsUrl, form, FORM);
    expect(response.status).toBe(200);
    const post = await answerTo("1700000400.000100");
    expect(post.args["text"]).toMatch(/Oct\. 17/);
  });

  it("answers a follow-up clicked on an ephemeral reply ephemerally", async () => {
    const form = buttonClickForm({ action_id: "factdesk_ask:0", value: "Who is behind the attacks?" }, { responseUrl: slack.fake.responseUrl("btn-eph"), ephemeral: true });
    await sendToApp(slack.eventsUrl, form, FORM);
    const reply = await waitFor(() => slack.fake.responses.find((r) => r.id === "btn-eph"), "the ephemeral follow-up");
    expect(reply.body["response_type"]).toBe("ephemeral");
    expect(reply.body["replace_original"]).toBe(false);
  });

  it("shares an ephemeral answer in the channel and removes the private copy", async () => {
    const value = JSON.stringify({ kind: "ask", text: "how many attacks in Syria" });
    await sendToApp(slack.eventsUrl, buttonClickForm({ action_id: "factdesk_share", value }, { responseUrl: slack.fake.responseUrl("share-1"), ephemeral: true }), FORM);
    const post = await waitFor(() => posts("CNEWSDESK").find((call) => allText(blocksOf(call)).includes("asked: _how many attacks in Syria_")), "the shared answer");
    expect(post.args["text"]).toMatch(/32/);
    const removal = await waitFor(() => slack.fake.responses.find((r) => r.id === "share-1"), "the removal of the private copy");
    expect(removal.body).toEqual({ delete_original: true });
  });

  it("rejects a forged signature and a stale timestamp with 401, and answers neither", async () => {
    const before = slack.fake.calls.length;
    const body = eventEnvelope({ type: "app_mention", user: "UREPORTER", text: "how many attacks", ts: "1700009999.000100", channel: "CNEWSDESK" });
    const forged = await sendToApp(slack.eventsUrl, body, JSON_TYPE, { secret: "0123456789abcdef0123456789abcdef" });
    const stale = await sendToApp(slack.eventsUrl, body, JSON_TYPE, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(forged.status).toBe(401);
    expect(stale.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(slack.fake.calls.length).toBe(before);
  });

  it("answers a retried event once", async () => {
    const ts = `${messageTs++}.000200`;
    const body = eventEnvelope({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> how many attacks in Iraq?`, ts, channel: "CRETRY", event_ts: ts });
    expect((await sendToApp(slack.eventsUrl, body, JSON_TYPE)).status).toBe(200);
    expect((await sendToApp(slack.eventsUrl, body, JSON_TYPE, { retryNum: 1 })).status).toBe(200);
    await waitFor(() => posts("CRETRY")[0], "the answer");
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(posts("CRETRY")).toHaveLength(1);
  });

  // Everything Slack displays: the fallback text and the blocks, less button values (never shown).
  const displayed = (call: RecordedCall) =>
    JSON.stringify({ text: call.args["text"], blocks: call.args["blocks"] }, (key, value: unknown) => (key === "value" ? undefined : value));

  it("never pings: a question with <!channel>, @here and a user mention is answered without them", async () => {
    const { ts } = await mention(`<@${BOT_USER_ID}> <!channel> @here <@U999> how many attacks in Syria?`);
    const post = await answerTo(ts);
    expect(post.args["text"]).toMatch(/32/);
    expect(displayed(post)).not.toMatch(/<!(channel|here|everyone)|<@U|<!subteam/);
    expect(post.args["link_names"]).toBeUndefined();
  });

  it("never pings: markup typed as text is echoed escaped when an answer is shared", async () => {
    const text = "<!channel> @here <!everyone> <@U999> <!subteam^S1> Militants attacked US forces 61 times";
    const value = JSON.stringify({ kind: "check", text });
    await sendToApp(slack.eventsUrl, buttonClickForm({ action_id: "factdesk_share", value }, { responseUrl: slack.fake.responseUrl("share-markup"), ephemeral: true }), FORM);
    const post = await waitFor(() => posts("CNEWSDESK").find((call) => displayed(call).includes("checked:")), "the shared check");
    const shown = displayed(post).replace("<@UREPORTER> checked:", "");
    expect(shown).toContain("&lt;!channel&gt; @here &lt;!everyone&gt; &lt;@U999&gt;");
    expect(shown).not.toMatch(/<!(channel|here|everyone)|<@U|<!subteam/);
  });

  it("answers GET /healthz with 200", async () => {
    const response = await fetch(`${slack.baseUrl}/healthz`);
    expect(response.status).toBe(200);
  });

  it("keeps the bot token and signing secret out of the logs", () => {
    const logged = slack.logs.text();
    expect(logged.length).toBeGreaterThan(0);
    expect(logged).not.toContain(BOT_TOKEN);
    expect(logged).not.toContain(SIGNING_SECRET);
  });
});

describe("Slack app when things go wrong", () => {

  it("acks a slash command in time while the engine is slow, then answers", async () => {
    const harness = await startSlackHarness({ desk: slowDesk(3500) });
    try {
      const started = Date.now();
      const response = await sendToApp(harness.eventsUrl, commandForm("/factdesk", "how many attacks?", harness.fake.responseUrl("slow")), FORM);
      const ackedAfter = Date.now() - started;
      expect(response.status).toBe(200);
      expect(ackedAfter).toBeLessThan(3000);
      expect(harness.fake.responses).toHaveLength(0);
      const reply = await waitFor(() => harness.fake.responses.find((r) => r.id === "slow"), "the slow answer", 6000);
      expect(reply.body["text"]).toMatch(/61/);
    } finally {
      await harness.stop();
    }
  }, 10_000);

  it("apologizes in the thread when the engine fails, and keeps serving", async () => {
    const harness = await startSlackHarness({ desk: failingDesk("explode") });
    try {
      const send = (text: string, ts: string) =>
        sendToApp(harness.eventsUrl, eventEnvelope({ type: "app_mention", user: "UREPORTER", text, ts, channel: "CFLAKY", event_ts: ts }), JSON_TYPE);
      await send(`<@${BOT_USER_ID}> explode please`, "1700001000.000100");
      const apology = await waitFor(() => harness.fake.calls.find((c) => c.args["thread_ts"] === "1700001000.000100"), "the apology");
      expect(apology.args["text"]).toMatch(/^Sorry/);
      expect(harness.logs.lines().some((line) => line["msg"] === "could not answer")).toBe(true);
      await send(`<@${BOT_USER_ID}> how many attacks?`, "1700001001.000100");
      const next = await waitFor(() => harness.fake.calls.find((c) => c.args["thread_ts"] === "1700001001.000100"), "the next answer");
      expect(next.args["text"]).toMatch(/61/);
    } finally {
      await harness.stop();
    }
  });

  it("apologizes when Slack rejects the answer", async () => {
    const harness = await startSlackHarness();
    try {
      harness.fake.failNext("chat.postMessage", "internal_error");
      await sendToApp(harness.eventsUrl, eventEnvelope({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> how many attacks?`, ts: "1700002000.000100", channel: "CFAIL", event_ts: "1700002000.000100" }), JSON_TYPE);
      const apology = await waitFor(() => harness.fake.calls.filter((c) => c.args["channel"] === "CFAIL")[1], "the apology after the failed post");
      expect(apology.args["text"]).toMatch(/^Sorry/);
    } finally {
      await harness.stop();
    }
  });

  it("answers politely when a user goes over the rate limit", async () => {
    const harness = await startSlackHarness({ limiter: createRateLimiter({ requests: 2, windowMs: 60_000 }) });
    try {
      for (const id of ["r1", "r2", "r3"]) await sendToApp(harness.eventsUrl, commandForm("/factdesk", "how many attacks?", harness.fake.responseUrl(id)), FORM);
      const third = await waitFor(() => harness.fake.responses.find((r) => r.id === "r3"), "the third reply");
      expect(third.body["text"]).toMatch(/faster than I can keep up/);
      const first = await waitFor(() => harness.fake.responses.find((r) => r.id === "r1"), "the first reply");
      expect(first.body["text"]).toMatch(/61/);
    } finally {
      await harness.stop();
    }
  });

  it("keeps a very long answer within 50 blocks, 3,000 characters a section and 12,000 in all, and counts the passages it leaves out", async () => {
    const citations = Array.from({ length: 80 }, (_, i) => ({
      sourceId: `source-${i % 8}`,
      publisher: "The Associated Press",
      title: `Story ${i % 8}`,
      published: "2023-11-17",
      quote: `Passage ${i} of the story. `.repeat(12),
    }));
    const longDesk: Desk = {
      ...realDesk(),
      respond: async () => ({
        kind: "answer",
        question: "everything?",
        result: {
          status: "answered",
          answer: "The militias & the US <response>. ".repeat(400),
          citations,
          factIds: Array.from({ length: 80 }, (_, i) => `fact-${i}`),
          confidence: 1,
          asOf: "2023-11-17",
          suggestions: ["A suggested question that is far longer than the seventy-five characters a Slack button label may hold"],
        },
        askId: "8c3f6a2e-1b4d-4e5f-9a7b-0c1d2e3f4a5b",
      }),
    };
    const harness = await startSlackHarness({ desk: longDesk });
    try {
      await sendToApp(harness.eventsUrl, eventEnvelope({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> everything?`, ts: "1700003000.000100", channel: "CLONG", event_ts: "1700003000.000100" }), JSON_TYPE);
      const post = await waitFor(() => harness.fake.calls.find((c) => c.args["channel"] === "CLONG"), "the long answer");
      const blocks = blocksOf(post);
      expect(blocks.length).toBeLessThanOrEqual(50);
      for (const block of blocks) if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
      expect(textInBlocks(blocks)).toBeLessThanOrEqual(12_000);
      const shown = allText(blocks).match(/\*\[\d+\]\*/g) ?? [];
      expect(shown.length).toBeGreaterThan(0);
      expect(allText(blocks)).toContain(`…and ${80 - shown.length} more passages not shown.`);
      expect(actionIds(blocks)).toContain("factdesk_feedback:up");
      const labels = blocks.flatMap((b) => b.elements ?? []).map((e) => (typeof e.text === "object" ? e.text.text : ""));
      for (const label of labels) expect(label.length).toBeLessThanOrEqual(75);
      expect(String(post.args["text"]).length).toBeLessThanOrEqual(3000);
    } finally {
      await harness.stop();
    }
  });
});
