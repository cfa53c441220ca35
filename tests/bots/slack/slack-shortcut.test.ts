// "Fact-check with FactDesk" on a message, through the real Bolt in HTTP mode against the fake Web
// API: the verdict reaches only the person who used it (through the response_url, or in the
// thread for a reply in one), its Share button posts it where the message is, and a message with
// no words, a failing desk or a replayed shortcut each get the one right answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter } from "../../../src/bots/rate-limit.js";
import { failingDesk } from "../../helpers/desks.js";
import { buttonClickForm, messageShortcutForm, newTriggerId, sendToApp, waitFor, type RecordedCall } from "../../helpers/fake-slack.js";
import { startSlackHarness, type SlackHarness } from "../../helpers/slack-app.js";

const FORM = "application/x-www-form-urlencoded";

type Element = { action_id?: string; value?: string };
type Block = { type: string; elements?: Element[] };

const blocksOf = (call: { args: Record<string, unknown> } | { body: Record<string, unknown> }) => (("args" in call ? call.args : call.body)["blocks"] ?? []) as Block[];
const buttons = (blocks: Block[]) => blocks.flatMap((block) => block.elements ?? []).filter((element) => element.action_id);
const shareValue = (blocks: Block[]) => buttons(blocks).find((button) => button.action_id === "factdesk_share")?.value;

let slack: SlackHarness;

beforeAll(async () => {
  slack = await startSlackHarness({ limiter: createRateLimiter({ requests: 1000, windowMs: 60_000 }) });
});
afterAll(async () => {
  await slack.stop();
});

const reply = (id: string) => waitFor(() => slack.fake.responses.find((r) => r.id === id), `the reply through response_url ${id}`);
const calls = (method: string): RecordedCall[] => slack.fake.calls.filter((call) => call.method === method);
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe("the Fact-check with FactDesk message shortcut", () => {
  it("acks at once and checks a channel message privately, with a Share button that posts the verdict in the channel", async () => {
    const text = "<!here> The militias have attacked American forces 45 times since Oct. 17";
    const response = await sendToApp(slack.eventsUrl, messageShortcutForm({ text, responseUrl: slack.fake.responseUrl("sc-top") }), FORM);
    expect(response.status).toBe(200);
    const verdict = await reply("sc-top");
    expect(verdict.body["response_type"]).toBe("ephemeral");
    expect(verdict.body["replace_original"]).toBe(false);
    expect(JSON.stringify(blocksOf(verdict))).toContain("*Contradicted:*");
    expect(JSON.stringify(blocksOf(verdict))).toContain("61 attacks");
    expect(JSON.stringify(verdict.body)).not.toContain("<!here>");
    const value = shareValue(blocksOf(verdict));
    expect(JSON.parse(value ?? "{}")).toEqual({ kind: "check", text: "The militias have attacked American forces 45 times since Oct. 17" });

    await sendToApp(slack.eventsUrl, buttonClickForm({ action_id: "factdesk_share", value: value! }, { responseUrl: slack.fake.responseUrl("sc-top-share"), ephemeral: true }), FORM);
    const shared = await waitFor(() => calls("chat.postMessage").find((call) => JSON.stringify(blocksOf(call)).includes("<@UREPORTER> checked: _The militias have attacked American forces 45 times")), "the shared verdict");
    expect(shared.args["channel"]).toBe("CNEWSDESK");
    expect(shared.args["thread_ts"]).toBeUndefined();
    expect(String(shared.args["text"])).toMatch(/^Contradicted/);
    expect((await reply("sc-top-share")).body).toEqual({ delete_original: true });
  });

  it("answers a reply in a thread privately in that thread, and shares the verdict there", async () => {
    const form = messageShortcutForm({ text: "Militants fired on US bases 29 times in Iraq", messageTs: "1700200001.000100", threadTs: "1700200000.000100", responseUrl: slack.fake.responseUrl("sc-thread") });
    await sendToApp(slack.eventsUrl, form, FORM);
    const ephemeral = await waitFor(() => calls("chat.postEphemeral").find((call) => call.args["thread_ts"] === "1700200000.000100"), "the verdict in the thread");
    expect(ephemeral.args).toMatchObject({ channel: "CNEWSDESK", user: "UREPORTER" });
    expect(String(ephemeral.args["text"])).toMatch(/^Supported/);
    await settle();
    expect(slack.fake.responses.find((r) => r.id === "sc-thread")).toBeUndefined();

    const value = shareValue(blocksOf(ephemeral));
    expect(JSON.parse(value ?? "{}")).toMatchObject({ kind: "check", thread: "1700200000.000100" });
    await sendToApp(slack.eventsUrl, buttonClickForm({ action_id: "factdesk_share", value: value! }, { responseUrl: slack.fake.responseUrl("sc-thread-share"), ephemeral: true }), FORM);
    const shared = await waitFor(() => calls("chat.postMessage").find((call) => call.args["thread_ts"] === "1700200000.000100"), "the verdict shared in the thread");
    expect(String(shared.args["text"])).toMatch(/^Supported/);
  });

  it("answers through the response_url when it may not post in the thread's channel", async () => {
    slack.fake.failNext("chat.postEphemeral", "channel_not_found");
    const form = messageShortcutForm({ text: "Militants fired on US bases 35 times in Iraq", channel: "DOTHERS", messageTs: "1700200011.000100", threadTs: "1700200010.000100", responseUrl: slack.fake.responseUrl("sc-fallback") });
    await sendToApp(slack.eventsUrl, form, FORM);
    const verdict = await reply("sc-fallback");
    expect(verdict.body["response_type"]).toBe("ephemeral");
    expect(String(verdict.body["text"])).toMatch(/^Contradicted/);
    expect(calls("chat.postEphemeral").filter((call) => call.args["channel"] === "DOTHERS")).toHaveLength(1);
    expect(slack.logs.lines().some((line) => line["msg"] === "could not reply privately in the thread: replying through the response_url")).toBe(true);
  });

  it("tells the person plainly, and only them, when the message has no words to check", async () => {
    for (const [id, text] of [["sc-image", ""], ["sc-mention-only", "<@UFACTDESK>"]] as const) {
      await sendToApp(slack.eventsUrl, messageShortcutForm({ text, withImage: true, responseUrl: slack.fake.responseUrl(id) }), FORM);
      const notice = await reply(id);
      expect(notice.body["response_type"]).toBe("ephemeral");
      expect(String(notice.body["text"])).toMatch(/^That message has no text for me to check/);
      expect(buttons(blocksOf(notice))).toEqual([]);
    }
  });

  it("carries out a replayed shortcut once", async () => {
    const form = messageShortcutForm({ text: "The militias have attacked American forces 61 times since Oct. 17", triggerId: newTriggerId(), responseUrl: slack.fake.responseUrl("sc-replay") });
    await sendToApp(slack.eventsUrl, form, FORM);
    await sendToApp(slack.eventsUrl, form, FORM);
    await reply("sc-replay");
    await settle();
    expect(slack.fake.responses.filter((r) => r.id === "sc-replay")).toHaveLength(1);
  });
});

describe("the message shortcut when the desk fails", () => {
  it("apologizes privately, and checks the next message", async () => {
    const harness = await startSlackHarness({ desk: failingDesk("explode") });
    try {
      await sendToApp(harness.eventsUrl, messageShortcutForm({ text: "The militias explode 45 times", responseUrl: harness.fake.responseUrl("sc-fail") }), FORM);
      const apology = await waitFor(() => harness.fake.responses.find((r) => r.id === "sc-fail"), "the apology");
      expect(apology.body["response_type"]).toBe("ephemeral");
      expect(String(apology.body["text"])).toMatch(/^Sorry/);
      expect(harness.logs.lines().some((line) => line["msg"] === "could not answer")).toBe(true);
      await sendToApp(harness.eventsUrl, messageShortcutForm({ text: "Militants fired on US bases 29 times in Iraq", responseUrl: harness.fake.responseUrl("sc-next") }), FORM);
      const next = await waitFor(() => harness.fake.responses.find((r) => r.id === "sc-next"), "the next verdict");
      expect(String(next.body["text"])).toMatch(/^Supported/);
    } finally {
      await harness.stop();
    }
  });
});
