// What the Slack app keeps, met the way Slack meets it (the real Bolt, signed requests, a fake Web
// API, a real store): the ask record, votes on the buttons with a reason in a modal, replayed and
// retried deliveries answered once across two apps on one store, and answers that never wait on,
// or fail with, the store.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk } from "../../../src/bots/conversation.js";
import { createRateLimiter } from "../../../src/bots/rate-limit.js";
import type { DeliveryClaims } from "../../../src/store/delivery-claims.js";
import type { Store } from "../../../src/store/store.js";
import { realEngine } from "../../helpers/engine.js";
import {
  BOT_USER_ID,
  buttonClickForm,
  commandForm,
  eventEnvelope,
  newTriggerId,
  sendToApp,
  startFakeSlack,
  viewSubmissionForm,
  waitFor,
  type RecordedCall,
} from "../../helpers/fake-slack.js";
import { startSlackHarness, type SlackHarness } from "../../helpers/slack-app.js";
import { openTestStore, sqliteFile, type TestDatabase } from "../../helpers/stores.js";
import { pause } from "../../helpers/wait-for.js";

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";
type Block = { type: string; elements?: Array<{ action_id?: string; value?: string; text?: { text: string } }> };

let slack: SlackHarness;
let ts = 1700100000;

beforeAll(async () => {
  slack = await startSlackHarness({ limiter: createRateLimiter({ requests: 1000, windowMs: 60_000 }) });
});
afterAll(async () => {
  await slack.stop();
});

async function mention(harness: SlackHarness, text: string, channel = "CNEWSDESK"): Promise<{ post: RecordedCall; thread: string }> {
  const thread = `${ts++}.000100`;
  await sendToApp(harness.eventsUrl, eventEnvelope({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> ${text}`, ts: thread, channel, event_ts: thread }), JSON_TYPE);
  const post = await waitFor(() => harness.fake.calls.find((call) => call.method === "chat.postMessage" && call.args["thread_ts"] === thread), `the answer in ${thread}`);
  return { post, thread };
}

const feedbackLabels = (blocks: Block[]) =>
  blocks.flatMap((block) => block.elements ?? []).filter((element) => element.action_id?.startsWith("factdesk_feedback:")).map((element) => element.text!.text);

describe("the Slack app's record of what was asked", () => {
  it("records each question with its outcome, the asker only as a salted hash", async () => {
    const { post } = await mention(slack, "How many US troops are in Jordan?");
    expect(post.args["text"]).toMatch(/don't cover Jordan/);
    await slack.store.asks.flush();
    const refused = await slack.store.review.refusedOrDisliked(0);
    expect(refused.find((ask) => ask.text === "How many US troops are in Jordan?")).toMatchObject({ platform: "slack", kind: "ask", outcome: "no_answer" });
  });

  it("records a 👍 by the ask id on the buttons, then shows it counted on the message", async () => {
    const { post } = await mention(slack, "how many attacks on US forces?");
    const blocks = post.args["blocks"] as Block[];
    const up = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === "factdesk_feedback:up")!;
    expect(up.value).toMatch(/^[0-9a-f-]{36}$/);
    // The post carries the same ask id in its metadata, which delivery.ts looks for after an unclear failure.
    expect(post.args["metadata"]).toEqual({ event_type: "factdesk_answer", event_payload: { ask_id: up.value } });
    await sendToApp(slack.eventsUrl, buttonClickForm({ action_id: up.action_id!, value: up.value! }, { responseUrl: slack.fake.responseUrl("vote-up"), blocks }), FORM);
    const redraw = await waitFor(() => slack.fake.responses.find((r) => r.id === "vote-up"), "the message redrawn with the vote");
    expect(redraw.body["replace_original"]).toBe(true);
    expect(feedbackLabels(redraw.body["blocks"] as Block[])).toEqual(["👍 Helpful · 1", "👎 Not right"]);
    // The rest of the message is unchanged: the answer and its follow-up buttons, their block ids unique.
    const redrawn = redraw.body["blocks"] as Array<Block & { block_id?: string }>;
    expect(JSON.stringify(redrawn)).toContain("61 attacks");
    expect(redrawn.filter((block) => block.type !== "actions")).toEqual(blocks.filter((block) => block.type !== "actions"));
    const ids = redrawn.map((block) => block.block_id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    expect(redrawn.find((block) => block.elements?.some((e) => e.action_id?.startsWith("factdesk_ask:")))).toEqual(blocks.find((block) => block.elements?.some((e) => e.action_id?.startsWith("factdesk_ask:"))));
  });

  it("lets a second click change the vote, asks why in a modal, and keeps the reason for the editors", async () => {
    const { post } = await mention(slack, "how many American soldiers are based in Syria?");
    const blocks = post.args["blocks"] as Block[];
    const askId = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === "factdesk_feedback:up")!.value!;
    const click = (action: "up" | "down", id: string, userId = "UREPORTER") =>
      sendToApp(slack.eventsUrl, buttonClickForm({ action_id: `factdesk_feedback:${action}`, value: askId }, { responseUrl: slack.fake.responseUrl(id), blocks, userId }), FORM);
    await click("up", "change-1");
    await waitFor(() => slack.fake.responses.find((r) => r.id === "change-1"), "the first vote");
    await click("up", "change-other", "UEDITOR");
    await waitFor(() => slack.fake.responses.find((r) => r.id === "change-other"), "another person's vote");
    const trigger = newTriggerId();
    await sendToApp(slack.eventsUrl, buttonClickForm({ action_id: "factdesk_feedback:down", value: askId }, { responseUrl: slack.fake.responseUrl("change-2"), blocks, triggerId: trigger }), FORM);
    const redraw = await waitFor(() => slack.fake.responses.find((r) => r.id === "change-2"), "the changed vote");
    expect(feedbackLabels(redraw.body["blocks"] as Block[])).toEqual(["👍 Helpful · 1", "👎 Not right · 1"]);

    const opened = await waitFor(() => slack.fake.calls.find((call) => call.method === "views.open" && call.args["trigger_id"] === trigger), "the reason modal");
    const view = opened.args["view"] as { callback_id: string; private_metadata: string; blocks: Array<{ type: string; optional?: boolean }> };
    expect(view.private_metadata).toBe(askId);
    expect(view.blocks.find((block) => block.type === "input")?.optional).toBe(true);
    const submitted = await sendToApp(slack.eventsUrl, viewSubmissionForm(view, { reason: { reason: { type: "plain_text_input", value: "It left out the troops at al-Tanf." } } }), FORM);
    expect(submitted.status).toBe(200);
    await waitFor(() => slack.logs.lines().find((line) => line["msg"] === "feedback reason" && line["askId"] === askId), "the reason recorded");
    await slack.store.asks.flush();
    const disliked = (await slack.store.review.refusedOrDisliked(0)).find((ask) => ask.askId === askId);
    expect(disliked).toMatchObject({ outcome: "answered", downVotes: 1, reasons: ["It left out the troops at al-Tanf."] });
  });

  it("thanks privately for a 👍 on an ephemeral answer, whose blocks Slack doesn't send back", async () => {
    await sendToApp(slack.eventsUrl, commandForm("/factdesk", "who is al-Sudani?", slack.fake.responseUrl("eph-answer")), FORM);
    const answer = await waitFor(() => slack.fake.responses.find((r) => r.id === "eph-answer"), "the ephemeral answer");
    const askId = (answer.body["blocks"] as Block[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === "factdesk_feedback:up")!.value!;
    await sendToApp(slack.eventsUrl, buttonClickForm({ action_id: "factdesk_feedback:up", value: askId }, { responseUrl: slack.fake.responseUrl("eph-vote"), ephemeral: true }), FORM);
    const thanks = await waitFor(() => slack.fake.responses.find((r) => r.id === "eph-vote"), "the thanks");
    expect(thanks.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(thanks.body["text"]).toMatch(/Thanks/);
  });

  it("carries out a replayed /factdesk command and a replayed Share click once, and logs each dropped repeat", async () => {
    const trigger = newTriggerId();
    for (const id of ["replay-a", "replay-b"]) await sendToApp(slack.eventsUrl, commandForm("/factdesk", "when did the attacks start?", slack.fake.responseUrl(id), "UREPORTER", trigger), FORM);
    await waitFor(() => slack.fake.responses.find((r) => r.id === "replay-a"), "the command's answer");
    const shareTrigger = newTriggerId();
    const share = buttonClickForm({ action_id: "factdesk_share", value: JSON.stringify({ kind: "ask", text: "how many attacks in Iraq" }) }, { responseUrl: slack.fake.responseUrl("share-replay"), ephemeral: true, triggerId: shareTrigger });
    await sendToApp(slack.eventsUrl, share, FORM);
    await sendToApp(slack.eventsUrl, share, FORM);
    await waitFor(() => slack.fake.calls.find((call) => JSON.stringify(call.args["blocks"] ?? "").includes("asked: _how many attacks in Iraq_")), "the shared answer");
    await pause(200);
    expect(slack.fake.responses.filter((r) => r.id === "replay-a" || r.id === "replay-b")).toHaveLength(1);
    expect(slack.fake.calls.filter((call) => JSON.stringify(call.args["blocks"] ?? "").includes("asked: _how many attacks in Iraq_"))).toHaveLength(1);
    const dropped = slack.logs.lines().filter((line) => line["msg"]?.toString().startsWith("dropped a repeated delivery"));
    expect(dropped.map((line) => line["delivery"])).toEqual(expect.arrayContaining([`slack:trigger:${trigger}`, `slack:trigger:${shareTrigger}`]));
  });

  it("answers the retry of a delivery whose answer could not be posted, after the apology", async () => {
    const thread = `${ts++}.000100`;
    const body = eventEnvelope({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> how many attacks?`, ts: thread, channel: "CFAILED", event_ts: thread });
    slack.fake.failNext("chat.postMessage", "internal_error");
    await sendToApp(slack.eventsUrl, body, JSON_TYPE);
    const inThread = (method: string) => slack.fake.calls.filter((call) => call.method === method && call.args["thread_ts"] === thread);
    // The apology goes to the asker alone; the channel sees only the failed post.
    const apology = await waitFor(() => inThread("chat.postEphemeral")[0], "the apology");
    expect(apology.args).toMatchObject({ user: "UREPORTER", channel: "CFAILED" });
    expect(apology.args["text"]).toMatch(/^Sorry/);
    await sendToApp(slack.eventsUrl, body, JSON_TYPE, { retryNum: 1 });
    const answer = await waitFor(() => inThread("chat.postMessage")[1], "the retry's answer");
    expect(answer.args["text"]).toMatch(/61 attacks/);
  });

  it("refuses a request signed with a timestamp more than 5 minutes ahead, as it refuses a stale one", async () => {
    const before = slack.fake.calls.length;
    const body = eventEnvelope({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> how many attacks`, ts: "1700109999.000100", channel: "CFUTURE" });
    const ahead = await sendToApp(slack.eventsUrl, body, JSON_TYPE, { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 });
    const slightlyAhead = await sendToApp(slack.eventsUrl, eventEnvelope({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> how many attacks`, ts: "1700109998.000100", channel: "CSKEW", event_ts: "1700109998.000100" }), JSON_TYPE, { timestamp: Math.floor(Date.now() / 1000) + 60 });
    expect(ahead.status).toBe(401);
    expect(slightlyAhead.status).toBe(200);
    await waitFor(() => slack.fake.calls.find((call) => call.args["channel"] === "CSKEW"), "the answer to the slightly skewed request");
    expect(slack.fake.calls.slice(before).some((call) => call.args["channel"] === "CFUTURE")).toBe(false);
    expect(slack.logs.lines().some((line) => line["msg"] === "refused a Slack request timestamped more than 5 minutes ahead")).toBe(true);
  });
});

describe("two Slack apps on one store", () => {
  let database: TestDatabase;
  let stores: Store[];
  let apps: SlackHarness[];

  beforeAll(async () => {
    database = await sqliteFile();
    stores = [await openTestStore(database), await openTestStore(database)];
    const fake = await startFakeSlack();
    apps = [await startSlackHarness({ store: stores[0]!, fake }), await startSlackHarness({ store: stores[1]!, fake })];
  });
  afterAll(async () => {
    for (const app of apps) await app.stop();
    await apps[0]!.fake.close();
    for (const store of stores) await store.close();
    await database.drop();
  });

  it("answers a retry delivered to the other app once, and the other app logs the dropped repeat", async () => {
    const thread = `${ts++}.000100`;
    const body = eventEnvelope({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> how many attacks in Syria?`, ts: thread, channel: "CTWO", event_ts: thread });
    await sendToApp(apps[0]!.eventsUrl, body, JSON_TYPE);
    await waitFor(() => apps[0]!.fake.calls.find((call) => call.args["thread_ts"] === thread), "the answer");
    await sendToApp(apps[1]!.eventsUrl, body, JSON_TYPE, { retryNum: 1 });
    await waitFor(() => apps[1]!.logs.lines().find((line) => String(line["msg"]).startsWith("dropped a repeated delivery")), "the dropped retry's log line");
    await pause(100);
    expect(apps[0]!.fake.calls.filter((call) => call.method === "chat.postMessage" && call.args["thread_ts"] === thread)).toHaveLength(1);
  });
});

describe("a Slack app restarted on its store", () => {
  it("drops the retry of an event it answered before the restart, and logs it", async () => {
    const database = await sqliteFile();
    const fake = await startFakeSlack();
    try {
      const thread = `${ts++}.000100`;
      const body = eventEnvelope({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> who is al-Sudani?`, ts: thread, channel: "CRESTART", event_ts: thread });
      const before = await openTestStore(database);
      const first = await startSlackHarness({ store: before, fake });
      await sendToApp(first.eventsUrl, body, JSON_TYPE);
      await waitFor(() => fake.calls.find((call) => call.args["thread_ts"] === thread), "the answer");
      await first.stop();
      await before.close();
      const after = await openTestStore(database);
      const restarted = await startSlackHarness({ store: after, fake });
      try {
        await sendToApp(restarted.eventsUrl, body, JSON_TYPE, { retryNum: 2 });
        await waitFor(() => restarted.logs.lines().find((line) => String(line["msg"]).startsWith("dropped a repeated delivery")), "the dropped retry");
        await pause(100);
        expect(fake.calls.filter((call) => call.method === "chat.postMessage" && call.args["thread_ts"] === thread)).toHaveLength(1);
      } finally {
        await restarted.stop();
        await after.close();
      }
    } finally {
      await fake.close();
      await database.drop();
    }
  });
});

describe("the Slack app when the store is slow or failing", () => {
  it("answers a mention when the store can't be reached in time, and when it fails outright", async () => {
    const hung: DeliveryClaims = { claim: () => new Promise(() => undefined) };
    const broken: DeliveryClaims = { claim: async () => Promise.reject(new Error("connection refused")) };
    const throwing: DeliveryClaims = {
      claim: () => {
        throw new Error("no such table: delivery_claims");
      },
    };
    for (const claims of [hung, broken, throwing]) {
      const harness = await startSlackHarness({ claims });
      try {
        const started = Date.now();
        const { post } = await mention(harness, "how many attacks?", "CSLOWSTORE");
        expect(post.args["text"]).toMatch(/61/);
        expect(Date.now() - started).toBeLessThan(4000);
        expect(harness.logs.lines().some((line) => String(line["msg"]).startsWith("could not check whether this delivery was answered"))).toBe(true);
      } finally {
        await harness.stop();
      }
    }
  });

  it("opens the 👎 modal at once and still shows the vote, though the vote takes seconds to record or fails", async () => {
    const realDeskWithStore = async (store: Store, voteDelayMs: number, fail: boolean) => {
      const desk = createDesk(realEngine(), store);
      return {
        ...desk,
        vote: async (...args: Parameters<typeof desk.vote>) => {
          await pause(voteDelayMs);
          if (fail) throw new Error("database is locked");
          return desk.vote(...args);
        },
      };
    };
    for (const fail of [false, true]) {
      const harness = await startSlackHarness();
      const { stop } = harness;
      const desk = await realDeskWithStore(harness.store, 1500, fail);
      const slow = await startSlackHarness({ desk, store: harness.store, fake: harness.fake });
      try {
        const { post } = await mention(slow, "how many attacks?", "CSLOWVOTE");
        const blocks = post.args["blocks"] as Block[];
        const askId = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === "factdesk_feedback:down")!.value!;
        const trigger = newTriggerId();
        const clicked = Date.now();
        const response = await sendToApp(slow.eventsUrl, buttonClickForm({ action_id: "factdesk_feedback:down", value: askId }, { responseUrl: slow.fake.responseUrl(`slow-${fail}`), blocks, triggerId: trigger }), FORM);
        expect(response.status).toBe(200);
        await waitFor(() => slow.fake.calls.find((call) => call.method === "views.open" && call.args["trigger_id"] === trigger), "the modal");
        expect(Date.now() - clicked).toBeLessThan(1000);
        if (!fail) {
          const redraw = await waitFor(() => slow.fake.responses.find((r) => r.id === `slow-${fail}`), "the redrawn buttons", 5000);
          expect(feedbackLabels(redraw.body["blocks"] as Block[])).toEqual(["👍 Helpful", "👎 Not right · 1"]);
        } else {
          await waitFor(() => slow.logs.lines().find((line) => line["msg"] === "could not record a vote"), "the failed vote's log line", 5000);
        }
      } finally {
        await slow.stop();
        await stop();
      }
    }
  }, 20_000);
});
