// Conversations in Slack, through the real Bolt in HTTP mode against the fake Web API: a reply in
// a thread FactDesk answered goes on without a new mention, read against the thread's last turn;
// a thread FactDesk is not in, a bot's message and another channel's context are left alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter } from "../../../src/bots/rate-limit.js";
import { BOT_USER_ID, eventEnvelope, sendToApp, waitFor, type RecordedCall } from "../../helpers/fake-slack.js";
import { startSlackHarness, type SlackHarness } from "../../helpers/slack-app.js";

const JSON_TYPE = "application/json";
let slack: SlackHarness;
let clock = 1700100000;
const nextTs = () => `${clock++}.000400`;

beforeAll(async () => {
  slack = await startSlackHarness({ limiter: createRateLimiter({ requests: 1000, windowMs: 60_000 }) });
});
afterAll(async () => {
  await slack.stop();
});

const postsIn = (thread: string): RecordedCall[] => slack.fake.calls.filter((call) => call.method === "chat.postMessage" && call.args["thread_ts"] === thread);

async function send(event: Record<string, unknown>): Promise<void> {
  const response = await sendToApp(slack.eventsUrl, eventEnvelope({ channel: "CDESK", event_ts: event["ts"], ...event }), JSON_TYPE);
  expect(response.status).toBe(200);
}

async function nthAnswer(thread: string, n: number): Promise<string> {
  const post = await waitFor(() => postsIn(thread)[n - 1], `answer ${n} in thread ${thread}`);
  return String(post.args["text"]);
}

/** Waits a little, then says how many answers the thread has: for checking that nothing more came. */
async function settledCount(thread: string): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 150));
  return postsIn(thread).length;
}

describe("a Slack thread", () => {
  it("goes on without a new mention: the reply is read against the thread's last question", async () => {
    const thread = nextTs();
    await send({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> how many US troops are stationed in Iraq?`, ts: thread });
    expect(await nthAnswer(thread, 1)).toMatch(/2,000/);
    // Slack sends a thread reply that mentions no one as a plain message event.
    await send({ type: "message", channel_type: "channel", user: "UREPORTER", text: "what about syria", ts: nextTs(), thread_ts: thread });
    const followUp = await nthAnswer(thread, 2);
    expect(followUp).toMatch(/Reading this as: how many US troops are stationed in syria/);
    expect(followUp).toMatch(/900/);
  });

  it("is left alone when FactDesk has not answered in it, and a bot's reply is never answered", async () => {
    const thread = nextTs();
    await send({ type: "message", channel_type: "channel", user: "UREPORTER", text: "and in syria?", ts: nextTs(), thread_ts: thread });
    expect(await settledCount(thread)).toBe(0);

    const answered = nextTs();
    await send({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> how many attacks in iraq`, ts: answered });
    await nthAnswer(answered, 1);
    await send({ type: "message", channel_type: "channel", bot_id: "BOTHER", user: "UOTHERBOT", text: "and in syria?", ts: nextTs(), thread_ts: answered });
    expect(await settledCount(answered)).toBe(1);
  });

  it("lets people's own talk in the thread pass, and answers the next question in it", async () => {
    const thread = nextTs();
    await send({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> how many American soldiers are based in Iraq?`, ts: thread });
    await nthAnswer(thread, 1);
    await send({ type: "message", channel_type: "channel", user: "UEDITOR", text: "thanks, that's what I needed", ts: nextTs(), thread_ts: thread });
    await send({ type: "message", channel_type: "channel", user: "UREPORTER", text: ":+1:", ts: nextTs(), thread_ts: thread });
    expect(await settledCount(thread)).toBe(1);
    await send({ type: "message", channel_type: "channel", user: "UREPORTER", text: "and in Syria?", ts: nextTs(), thread_ts: thread });
    expect(await nthAnswer(thread, 2)).toMatch(/Reading this as: how many American soldiers are based in Syria/);
  });

  it("answers a reply that mentions FactDesk once, as the mention", async () => {
    const thread = nextTs();
    await send({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> how many attacks in iraq`, ts: thread });
    await nthAnswer(thread, 1);
    // Slack sends both events for a mention in a thread: the message event is left to the mention.
    const ts = nextTs();
    await send({ type: "message", channel_type: "channel", user: "UREPORTER", text: `<@${BOT_USER_ID}> and in syria?`, ts, thread_ts: thread });
    await send({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> and in syria?`, ts, thread_ts: thread });
    expect(await nthAnswer(thread, 2)).toMatch(/32 in Syria/);
    expect(await settledCount(thread)).toBe(2);
  });

  it("keeps each thread's context its own", async () => {
    const troops = nextTs();
    const attacks = nextTs();
    await send({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> how many US troops are stationed in Iraq?`, ts: troops });
    await send({ type: "app_mention", user: "UEDITOR", text: `<@${BOT_USER_ID}> how many attacks in iraq`, ts: attacks });
    await nthAnswer(troops, 1);
    await nthAnswer(attacks, 1);
    await send({ type: "message", channel_type: "channel", user: "UEDITOR", text: "what about syria", ts: nextTs(), thread_ts: attacks });
    await send({ type: "message", channel_type: "channel", user: "UREPORTER", text: "what about syria", ts: nextTs(), thread_ts: troops });
    expect(await nthAnswer(attacks, 2)).toMatch(/attacks in syria/i);
    expect(await nthAnswer(troops, 2)).toMatch(/troops are stationed in syria/i);
  });

  it("carries context in a DM too", async () => {
    const dm = (text: string) => send({ type: "message", channel: "DREPORTER2", channel_type: "im", user: "UREPORTER", text, ts: nextTs() });
    await dm("check there were 32 attacks on US bases in Iraq");
    await waitFor(() => slack.fake.calls.filter((call) => call.method === "chat.postMessage" && call.args["channel"] === "DREPORTER2")[0], "the DM's first answer");
    await dm("and in Syria?");
    const second = await waitFor(() => slack.fake.calls.filter((call) => call.method === "chat.postMessage" && call.args["channel"] === "DREPORTER2")[1], "the DM's follow-up");
    expect(String(second.args["text"])).toMatch(/Reading this as: there were 32 attacks on US bases in Syria/);
    expect(String(second.args["text"])).toMatch(/Supported/);
  });
});
