// The Slack app on a bad day, as Slack meets it: the real Bolt in HTTP mode, signed requests, and
// a fake Web API that stores a post and then drops the connection, answers 500 after storing,
// hangs, rate limits one channel for 30 seconds, or is down when FactDesk starts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Desk, Request } from "../../../src/bots/conversation.js";
import { createRateLimiter } from "../../../src/bots/rate-limit.js";
import { realDesk } from "../../helpers/desks.js";
import { createSlackApp } from "../../../src/bots/slack/app.js";
import {
  BOT_USER_ID,
  buttonClickForm,
  commandForm,
  eventEnvelope,
  sendToApp,
  SIGNING_SECRET,
  startFakeSlack,
  newTriggerId,
  waitFor,
  type Fault,
  type FakeSlack,
} from "../../helpers/fake-slack.js";
import { captureLogs } from "../../helpers/log-capture.js";
import { closedByServer, openConnection, statusOfUnfinished } from "../../helpers/raw-http.js";
import { BOT_TOKEN, startSlackHarness, type SlackHarness, type SlackHarnessOptions } from "../../helpers/slack-app.js";
import { pause } from "../../helpers/wait-for.js";

const JSON_TYPE = "application/json";
const FORM = "application/x-www-form-urlencoded";
/** Short, so a hung call is given up in a test's time; production waits 8 s. */
const TEST_CLIENT = { timeout: 300 };
const LIMITS = { headersTimeoutMs: 500, requestTimeoutMs: 1_000, keepAliveTimeoutMs: 1_000, maxConnections: 20 };
const many = createRateLimiter({ requests: 100_000, windowMs: 60_000 });

let tsCounter = 1700100000;
const nextTs = () => `${tsCounter++}.000100`;

function mentionBody(channel: string, text = "how many attacks?", ts = nextTs()): { body: string; ts: string } {
  return { ts, body: eventEnvelope({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> ${text}`, ts, channel, event_ts: ts }) };
}

async function mention(slack: SlackHarness, channel: string, text?: string): Promise<string> {
  const { body, ts } = mentionBody(channel, text);
  expect((await sendToApp(slack.eventsUrl, body, JSON_TYPE)).status).toBe(200);
  return ts;
}

const inThread = (fake: FakeSlack, channel: string, ts: string) => fake.messages.filter((m) => m.channel === channel && m.thread_ts === ts);
const ephemeralsTo = (fake: FakeSlack, channel: string) => fake.calls.filter((c) => c.method === "chat.postEphemeral" && c.args["channel"] === channel && c.args["user"] === "UREPORTER");

/** Waits for an async condition (a status code) to hold. */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(25);
  }
}

async function withHarness(options: SlackHarnessOptions, test: (slack: SlackHarness) => Promise<void>): Promise<void> {
  const slack = await startSlackHarness({ limiter: many, ...options });
  try {
    await test(slack);
  } finally {
    await slack.stop();
  }
}

describe("Slack unreachable or refusing the token at start-up", () => {
  it("says 503 on /healthz and to events while Slack can't be reached, keeps trying, then answers Slack's retry", async () => {
    await withHarness({ slackDown: true, authBackoff: { firstDelayMs: 50, maxDelayMs: 200 } }, async (slack) => {
      expect((await fetch(`${slack.baseUrl}/healthz`)).status).toBe(503);
      const { body, ts } = mentionBody("CDOWN");
      expect((await sendToApp(slack.eventsUrl, body, JSON_TYPE)).status).toBe(503); // Slack will retry it
      expect(slack.logs.lines().some((line) => line["msg"] === "Slack could not be reached to authorize; /healthz answers 503 until it is")).toBe(true);
      await slack.fake.comeBack();
      await eventually(async () => (await fetch(`${slack.baseUrl}/healthz`)).status === 200, "/healthz to say 200");
      expect((await sendToApp(slack.eventsUrl, body, JSON_TYPE, { retryNum: 1 })).status).toBe(200);
      const answer = await waitFor(() => inThread(slack.fake, "CDOWN", ts)[0], "the answer once Slack is back");
      expect(answer.text).toMatch(/61/);
    });
  });

  it("refuses to start, in one line, when Slack refuses the token", async () => {
    const fake = await startFakeSlack();
    try {
      fake.failNext("auth.test", "invalid_auth");
      const app = createSlackApp({
        config: { mode: "http", botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 },
        desk: realDesk(),
        logger: captureLogs().logger,
      });
      await expect(app.start()).rejects.toThrow("SLACK_BOT_TOKEN was refused by Slack (invalid_auth): check the Bot User OAuth Token, or reinstall the app");
    } finally {
      await fake.close();
    }
  });

  it("stops, through onTokenRefused, when Slack comes back and refuses the token", async () => {
    const refused: Error[] = [];
    await withHarness({ slackDown: true, authBackoff: { firstDelayMs: 20, maxDelayMs: 50 }, onTokenRefused: (error) => void refused.push(error) }, async (slack) => {
      slack.fake.failNext("auth.test", "token_revoked");
      await slack.fake.comeBack();
      await waitFor(() => refused[0], "the refusal");
      expect(refused[0]!.message).toBe("SLACK_BOT_TOKEN was refused by Slack (token_revoked): check the Bot User OAuth Token, or reinstall the app");
      expect((await fetch(`${slack.baseUrl}/healthz`)).status).toBe(503);
    });
  });
});

describe("a post that fails after Slack may have stored it", () => {
  let slack: SlackHarness;
  beforeAll(async () => {
    slack = await startSlackHarness({ limiter: many, clientOptions: TEST_CLIENT });
  });
  afterAll(async () => {
    await slack.stop();
  });

  it.each<[string, Fault["kind"], number]>([
    ["drops the connection after storing it", "reset-after-store", 1],
    ["answers 500 after storing it", "500-after-store", 1],
    ["drops the connection before storing it", "reset", 1],
    ["hangs without storing it", "hang", 1],
  ])("is in the thread exactly once, with no apology, when Slack %s", async (_name, kind, times) => {
    const channel = `C${kind.replace(/\W/g, "").toUpperCase()}${times}`;
    slack.fake.fault({ method: "chat.postMessage", channel, kind, times });
    const ts = await mention(slack, channel);
    await waitFor(() => inThread(slack.fake, channel, ts)[0], "the answer");
    await pause(400); // time for a second post, or an apology, to arrive if one were coming
    const posted = inThread(slack.fake, channel, ts);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.text).toMatch(/61/);
    expect(posted[0]!.metadata?.event_type).toBe("factdesk_answer");
  });
});

describe("a slow, hung or rate-limited Slack", () => {
  it("gives up on a hung Slack in bounded time and tells the asker privately, while others are answered", async () => {
    await withHarness({ clientOptions: TEST_CLIENT }, async (slack) => {
      slack.fake.fault({ method: "chat.postMessage", channel: "CHUNG", kind: "hang", times: Infinity });
      const hung = await mention(slack, "CHUNG");
      const calm = await mention(slack, "CCALM");
      await waitFor(() => inThread(slack.fake, "CCALM", calm)[0], "the answer in another channel");
      const told = await waitFor(() => ephemeralsTo(slack.fake, "CHUNG")[0], "the private apology", 10_000);
      expect(told.args["text"]).toMatch(/^Sorry/);
      expect(told.args["thread_ts"]).toBe(hung);
      expect(inThread(slack.fake, "CHUNG", hung)).toEqual([]);
      expect(slack.logs.lines().some((line) => line["msg"] === "could not post the answer")).toBe(true);
    });
  }, 15_000);

  it("gives up on a hung response_url in bounded time, and logs it", async () => {
    await withHarness({ clientOptions: TEST_CLIENT }, async (slack) => {
      slack.fake.fault({ method: "response_url", kind: "hang", times: Infinity });
      await sendToApp(slack.eventsUrl, commandForm("/factdesk", "how many attacks?", slack.fake.responseUrl("hung-respond")), FORM);
      const failed = await waitFor(() => slack.logs.lines().find((line) => line["msg"] === "could not post the answer"), "the failure to be logged");
      expect(String(failed["reason"])).toMatch(/abort|timeout/i);
      await waitFor(() => slack.logs.lines().find((line) => line["msg"] === "could not deliver the apology either"), "the apology's failure to be logged");
    });
  });

  it("holds back only the rate-limited channel, and gives its asker the answer privately when the wait is long", async () => {
    await withHarness({}, async (slack) => {
      slack.fake.fault({ method: "chat.postMessage", channel: "CBUSY", kind: "ratelimit", retryAfterS: 30 });
      const busy = await mention(slack, "CBUSY");
      await waitFor(() => slack.fake.calls.find((c) => c.method === "chat.postMessage" && c.args["channel"] === "CBUSY"), "the rate-limited post");
      const calm = await mention(slack, "CCALM");
      expect((await waitFor(() => inThread(slack.fake, "CCALM", calm)[0], "the answer in a channel that is not limited")).text).toMatch(/61/);
      const privately = await waitFor(() => ephemeralsTo(slack.fake, "CBUSY")[0], "the answer, privately");
      expect(JSON.stringify(privately.args["blocks"])).toContain("Slack is holding my posts in this channel for about 30 seconds");
      expect(privately.args["text"]).toMatch(/61/);
      expect(privately.args["thread_ts"]).toBe(busy);
      await mention(slack, "CBUSY"); // while the hold lasts, no post is even tried
      await waitFor(() => ephemeralsTo(slack.fake, "CBUSY")[1], "the second asker, privately");
      expect(slack.fake.calls.filter((c) => c.method === "chat.postMessage" && c.args["channel"] === "CBUSY")).toHaveLength(1);
      expect(slack.fake.messages.filter((m) => m.channel === "CBUSY")).toEqual([]);
    });
  });

  it("waits out a short Retry-After and then posts the answer once", async () => {
    await withHarness({}, async (slack) => {
      slack.fake.fault({ method: "chat.postMessage", channel: "CBRIEF", kind: "ratelimit", retryAfterS: 1 });
      const ts = await mention(slack, "CBRIEF");
      await waitFor(() => inThread(slack.fake, "CBRIEF", ts)[0], "the answer after the wait");
      expect(ephemeralsTo(slack.fake, "CBRIEF")).toEqual([]);
      expect(inThread(slack.fake, "CBRIEF", ts)).toHaveLength(1);
    });
  });
});

describe("retries and replays", () => {
  let slack: SlackHarness;
  beforeAll(async () => {
    slack = await startSlackHarness({ limiter: many });
  });
  afterAll(async () => {
    await slack.stop();
  });

  it("refuses a request stamped more than five minutes ahead, and answers nothing", async () => {
    const { body, ts } = mentionBody("CFUTURE");
    const ahead = await sendToApp(slack.eventsUrl, body, JSON_TYPE, { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 });
    expect(ahead.status).toBe(401);
    const tenYears = await sendToApp(slack.eventsUrl, body, JSON_TYPE, { timestamp: Math.floor(Date.now() / 1000) + 10 * 365 * 86_400 });
    expect(tenYears.status).toBe(401);
    await pause(150);
    expect(inThread(slack.fake, "CFUTURE", ts)).toEqual([]);
  });

  it("answers a retried event once and logs the dropped retry with its number and reason", async () => {
    const { body, ts } = mentionBody("CRETRIED");
    await sendToApp(slack.eventsUrl, body, JSON_TYPE);
    await sendToApp(slack.eventsUrl, body, JSON_TYPE, { retryNum: 1 });
    await waitFor(() => inThread(slack.fake, "CRETRIED", ts)[0], "the answer");
    const dropped = await waitFor(() => slack.logs.lines().find((line) => line["msg"] === "dropped a repeated delivery" && line["retryNum"] === 1), "the log line");
    expect(dropped).toMatchObject({ retryReason: "http_timeout" });
    await pause(150);
    expect(inThread(slack.fake, "CRETRIED", ts)).toHaveLength(1);
  });

  it("carries out a replayed /factdesk command once", async () => {
    const form = commandForm("/factdesk", "how many attacks?", slack.fake.responseUrl("replayed-command"), "UREPORTER", newTriggerId());
    await sendToApp(slack.eventsUrl, form, FORM);
    await sendToApp(slack.eventsUrl, form, FORM);
    await waitFor(() => slack.fake.responses.find((r) => r.id === "replayed-command"), "the answer");
    await waitFor(() => slack.logs.lines().find((line) => line["msg"] === "dropped a repeated delivery" && String(line["delivery"]).startsWith("slack:trigger:")), "the log line");
    await pause(150);
    expect(slack.fake.responses.filter((r) => r.id === "replayed-command")).toHaveLength(1);
  });

  it("shares in the channel once when a Share click is replayed", async () => {
    const value = JSON.stringify({ kind: "ask", text: "who is al-Sudani?" });
    const form = buttonClickForm({ action_id: "factdesk_share", value }, { responseUrl: slack.fake.responseUrl("replayed-share"), ephemeral: true });
    await sendToApp(slack.eventsUrl, form, FORM);
    await sendToApp(slack.eventsUrl, form, FORM);
    await waitFor(() => slack.fake.messages.find((m) => m.channel === "CNEWSDESK" && /prime minister/i.test(m.text ?? "")), "the shared answer");
    await pause(150);
    expect(slack.fake.messages.filter((m) => m.channel === "CNEWSDESK" && /prime minister/i.test(m.text ?? ""))).toHaveLength(1);
  });
});

describe("unauthenticated load", () => {
  let slack: SlackHarness;
  let port: number;
  beforeAll(async () => {
    slack = await startSlackHarness({ limiter: many, limits: LIMITS });
    port = Number(new URL(slack.baseUrl).port);
  });
  afterAll(async () => {
    await slack.stop();
  });

  it("refuses a request without signature headers before reading its body", async () => {
    expect(await statusOfUnfinished(port, ["POST /slack/events HTTP/1.1", "Host: x", "Content-Type: application/json", "Content-Length: 4000000", "", '{"type":'])).toBe(401);
  });

  it("refuses a signed-looking body larger than any Slack sends before reading it", async () => {
    const signed = [`X-Slack-Signature: v0=${"ab".repeat(32)}`, `X-Slack-Request-Timestamp: ${Math.floor(Date.now() / 1000)}`];
    expect(await statusOfUnfinished(port, ["POST /slack/events HTTP/1.1", "Host: x", ...signed, "Content-Type: application/json", "Content-Length: 2000000", "", "{"])).toBe(413);
  });

  it("closes connections that send nothing, or never finish their headers", async () => {
    const silent = await openConnection(port);
    const dribbling = await openConnection(port);
    dribbling.write("POST /slack/events HTTP/1.1\r\nHost: x\r\n");
    await Promise.all([closedByServer(silent), closedByServer(dribbling)]);
  });

  it("refuses connections over its limit, with a log line saying so, and serves again once they go", async () => {
    const sockets = await Promise.all(Array.from({ length: LIMITS.maxConnections + 3 }, () => openConnection(port)));
    await waitFor(() => slack.logs.lines().find((line) => line["msg"] === "refused connections: too many are open"), "the refusal to be logged");
    for (const socket of sockets) socket.destroy();
    await pause(100);
    expect((await fetch(`${slack.baseUrl}/healthz`)).status).toBe(200);
  });
});

describe("input cost", () => {
  // A claim: a question that long gets "ask one question at a time" before the desk is asked (slack-notices).
  it("cuts a 900 KB claim before reading it, and answers", async () => {
    const asked: Request[] = [];
    const desk = realDesk();
    const recording: Desk = { ...desk, respond: (request) => (asked.push(request), desk.respond(request)) };
    await withHarness({ desk: recording }, async (slack) => {
      const ts = await mention(slack, "CHUGE", `check militants attacked US forces 61 times ${"and more ".repeat(100_000)}`);
      await waitFor(() => inThread(slack.fake, "CHUGE", ts)[0], "the answer");
      expect(asked).toHaveLength(1);
      expect(asked[0]!.kind === "check" && asked[0]!.claim.length).toBeLessThanOrEqual(4000);
    });
  });
});
