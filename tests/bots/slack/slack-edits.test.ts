// Edited questions, through the real Bolt in HTTP mode against the fake Web API: when someone
// edits a message FactDesk answered (a mention, a DM, a reply in a thread), FactDesk's answer is
// updated in place (chat.update), not posted again; an edit that changes no words, of a message
// FactDesk never answered, or by a bot, is left alone; an answer deleted meanwhile is posted anew.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnsweredMessages } from "../../../src/bots/slack/answered-messages.js";
import { createRateLimiter } from "../../../src/bots/rate-limit.js";
import { BOT_USER_ID, eventEnvelope, messageChangedEvent, sendToApp, waitFor, type EditOptions, type RecordedCall, type StoredMessage } from "../../helpers/fake-slack.js";
import { startSlackHarness, type SlackHarness } from "../../helpers/slack-app.js";
import { pause } from "../../helpers/wait-for.js";

const JSON_TYPE = "application/json";
let slack: SlackHarness;
let clock = 1700700000;
const nextTs = () => `${clock++}.000900`;

beforeAll(async () => {
  slack = await startSlackHarness({ limiter: createRateLimiter({ requests: 1000, windowMs: 60_000 }) });
});
afterAll(async () => {
  await slack.stop();
});

async function send(event: Record<string, unknown>): Promise<void> {
  expect((await sendToApp(slack.eventsUrl, eventEnvelope(event), JSON_TYPE)).status).toBe(200);
}

const edit = (options: EditOptions) => send(messageChangedEvent(options));
const stored = (channel: string): StoredMessage[] => slack.fake.messages.filter((m) => m.channel === channel);
const calls = (method: string, channel: string): RecordedCall[] => slack.fake.calls.filter((call) => call.method === method && call.args["channel"] === channel);
const firstAnswer = (channel: string) => waitFor(() => stored(channel)[0], `the answer in ${channel}`);

describe("an edited question", () => {
  it("updates FactDesk's answer to a mention in its thread, in place", async () => {
    const ts = nextTs();
    await send({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> how many American soldiers are based in Iraq?`, ts, channel: "CEDIT", event_ts: ts });
    const answer = await firstAnswer("CEDIT");
    expect(answer.text).toMatch(/2,000/);
    await edit({ channel: "CEDIT", ts, before: `<@${BOT_USER_ID}> how many American soldiers are based in Iraq?`, after: `<@${BOT_USER_ID}> how many American soldiers are based in Syria?` });
    const update = await waitFor(() => calls("chat.update", "CEDIT")[0], "the update");
    expect(update.args["ts"]).toBe(answer.ts);
    expect(stored("CEDIT")).toHaveLength(1);
    expect(stored("CEDIT")[0]!.text).toMatch(/900/);
    expect(stored("CEDIT")[0]!.thread_ts).toBe(ts);
    expect(stored("CEDIT")[0]!.metadata?.event_type).toBe("factdesk_answer");
  });

  it("updates the answer in a DM, and to a follow-up in a thread, read in its conversation", async () => {
    const dm = nextTs();
    await send({ type: "message", channel: "DEDIT", channel_type: "im", user: "UREPORTER", text: "how many attacks in Iraq?", ts: dm, event_ts: dm });
    const dmAnswer = await firstAnswer("DEDIT");
    await edit({ channel: "DEDIT", channelType: "im", ts: dm, before: "how many attacks in Iraq?", after: "how many attacks in Syria?" });
    await waitFor(() => calls("chat.update", "DEDIT")[0], "the DM's update");
    expect(stored("DEDIT")).toEqual([expect.objectContaining({ ts: dmAnswer.ts, text: expect.stringMatching(/32/) as string })]);

    const thread = nextTs();
    await send({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> how many US troops are stationed in Iraq?`, ts: thread, channel: "CFOLLOW", event_ts: thread });
    await firstAnswer("CFOLLOW");
    const reply = nextTs();
    await send({ type: "message", channel: "CFOLLOW", channel_type: "channel", user: "UREPORTER", text: "what about jordan", ts: reply, thread_ts: thread, event_ts: reply });
    const followUp = await waitFor(() => stored("CFOLLOW")[1], "the follow-up's answer");
    await edit({ channel: "CFOLLOW", ts: reply, threadTs: thread, before: "what about jordan", after: "what about syria" });
    const update = await waitFor(() => calls("chat.update", "CFOLLOW")[0], "the follow-up's update");
    expect(update.args["ts"]).toBe(followUp.ts);
    expect(stored("CFOLLOW")[1]!.text).toMatch(/Reading this as: how many US troops are stationed in syria/);
    expect(stored("CFOLLOW")).toHaveLength(2);
  });

  it("leaves alone an edit that changes no words, one of a message it never answered, and a bot's", async () => {
    const ts = nextTs();
    await send({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> how many attacks?`, ts, channel: "CALONE", event_ts: ts });
    await firstAnswer("CALONE");
    // A link unfurling, or a reply added beneath, changes the message but not its words.
    await edit({ channel: "CALONE", ts, before: `<@${BOT_USER_ID}> how many attacks?`, after: `<@${BOT_USER_ID}> how many attacks?` });
    await edit({ channel: "CALONE", ts: nextTs(), before: "lunch at noon?", after: `<@${BOT_USER_ID}> how many attacks in Syria?` });
    await edit({ channel: "CALONE", ts, botId: "BOTHER", user: "UOTHERBOT", before: `<@${BOT_USER_ID}> how many attacks?`, after: "how many strikes?" });
    await pause(200);
    expect(calls("chat.update", "CALONE")).toEqual([]);
    expect(stored("CALONE")).toHaveLength(1);
  });

  it("posts the new answer in the thread when FactDesk's answer was deleted meanwhile", async () => {
    const ts = nextTs();
    await send({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> how many attacks in Iraq?`, ts, channel: "CDELETED", event_ts: ts });
    const answer = await firstAnswer("CDELETED");
    slack.fake.messages.splice(slack.fake.messages.indexOf(answer), 1);
    await edit({ channel: "CDELETED", ts, before: `<@${BOT_USER_ID}> how many attacks in Iraq?`, after: `<@${BOT_USER_ID}> how many attacks in Syria?` });
    const reposted = await waitFor(() => stored("CDELETED")[0], "the answer posted anew");
    expect(reposted.thread_ts).toBe(ts);
    expect(reposted.text).toMatch(/32/);
    // It is the answer to that message now: a second edit updates it.
    await edit({ channel: "CDELETED", ts, before: `<@${BOT_USER_ID}> how many attacks in Syria?`, after: `<@${BOT_USER_ID}> how many attacks in Iraq?` });
    await waitFor(() => calls("chat.update", "CDELETED").find((call) => call.args["ts"] === reposted.ts), "the second edit's update");
    expect(stored("CDELETED")).toHaveLength(1);
  });
});

describe("createAnsweredMessages", () => {
  it("remembers at most its capacity, forgetting the first answered first", () => {
    const answered = createAnsweredMessages(2);
    answered.remember("T:C:1", { channel: "C", ts: "a" });
    answered.remember("T:C:2", { channel: "C", ts: "b" });
    answered.remember("T:C:1", { channel: "C", ts: "c" });
    answered.remember("T:C:3", { channel: "C", ts: "d" });
    expect(answered.answerTo("T:C:2")).toBeUndefined();
    expect(answered.answerTo("T:C:1")).toEqual({ channel: "C", ts: "c" });
    expect(answered.answerTo("T:C:3")).toEqual({ channel: "C", ts: "d" });
  });
});
