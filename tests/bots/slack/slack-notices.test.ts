// Notices, through the real Bolt in HTTP mode against the fake Web API: in a channel the rate
// limit, apologies and "ask one question at a time" reach only the asker (chat.postEphemeral),
// never the channel; in a DM they are posted there; under a burst of 429s the asker still gets the
// answer privately; /factcheck with nothing to check gets its usage.
import { describe, expect, it } from "vitest";
import { helpCard, readRequest, type Desk, type Request } from "../../../src/bots/conversation.js";
import { createRateLimiter } from "../../../src/bots/rate-limit.js";
import { DELIVERY_POLICY } from "../../../src/bots/slack/delivery.js";
import { failingDesk, realDesk } from "../../helpers/desks.js";
import { realEngine } from "../../helpers/engine.js";
import { BOT_USER_ID, commandForm, eventEnvelope, sendToApp, waitFor, type RecordedCall } from "../../helpers/fake-slack.js";
import { startSlackHarness, type SlackHarness, type SlackHarnessOptions } from "../../helpers/slack-app.js";
import { pause } from "../../helpers/wait-for.js";

const JSON_TYPE = "application/json";
const FORM = "application/x-www-form-urlencoded";
const many = createRateLimiter({ requests: 100_000, windowMs: 60_000 });

async function withHarness(options: SlackHarnessOptions, test: (slack: SlackHarness) => Promise<void>): Promise<void> {
  const slack = await startSlackHarness({ limiter: many, ...options });
  try {
    await test(slack);
  } finally {
    await slack.stop();
  }
}

let clock = 1700600000;
async function mention(slack: SlackHarness, channel: string, text: string): Promise<string> {
  const ts = `${clock++}.000800`;
  expect((await sendToApp(slack.eventsUrl, eventEnvelope({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> ${text}`, ts, channel, event_ts: ts }), JSON_TYPE)).status).toBe(200);
  return ts;
}

const callsTo = (slack: SlackHarness, method: string, channel: string): RecordedCall[] => slack.fake.calls.filter((call) => call.method === method && call.args["channel"] === channel);
const privateTo = (slack: SlackHarness, channel: string, n = 0) =>
  waitFor(() => callsTo(slack, "chat.postEphemeral", channel).filter((call) => call.args["user"] === "UREPORTER")[n], `private note ${n + 1} in ${channel}`);

describe("notices in a channel reach only the asker", () => {
  it("tells someone over the rate limit privately in the thread, and posts nothing for the channel", async () => {
    await withHarness({ limiter: createRateLimiter({ requests: 1, windowMs: 60_000 }) }, async (slack) => {
      const first = await mention(slack, "CLIMIT", "how many attacks?");
      await waitFor(() => callsTo(slack, "chat.postMessage", "CLIMIT")[0], "the first answer");
      const second = await mention(slack, "CLIMIT", "how many attacks in Syria?");
      const notice = await privateTo(slack, "CLIMIT");
      expect(notice.args["text"]).toMatch(/faster than I can keep up/);
      expect(notice.args["thread_ts"]).toBe(second);
      await pause(150);
      expect(callsTo(slack, "chat.postMessage", "CLIMIT")).toHaveLength(1);
      expect(callsTo(slack, "chat.postMessage", "CLIMIT")[0]!.args["thread_ts"]).toBe(first);
    });
  });

  it("apologizes privately when the desk fails, and posts nothing for the channel", async () => {
    await withHarness({ desk: failingDesk("explode") }, async (slack) => {
      const ts = await mention(slack, "CBROKEN", "explode please");
      const apology = await privateTo(slack, "CBROKEN");
      expect(apology.args["text"]).toMatch(/^Sorry/);
      expect(apology.args["thread_ts"]).toBe(ts);
      await pause(150);
      expect(callsTo(slack, "chat.postMessage", "CBROKEN")).toEqual([]);
    });
  });

  it("posts the apology in a DM, where only the asker is", async () => {
    await withHarness({ desk: failingDesk("explode") }, async (slack) => {
      const ts = `${clock++}.000800`;
      await sendToApp(slack.eventsUrl, eventEnvelope({ type: "message", channel: "DREPORTER", channel_type: "im", user: "UREPORTER", text: "explode please", ts, event_ts: ts }), JSON_TYPE);
      const apology = await waitFor(() => callsTo(slack, "chat.postMessage", "DREPORTER")[0], "the apology in the DM");
      expect(apology.args["text"]).toMatch(/^Sorry/);
    });
  });

  it("under a burst of 429s gives up waiting and answers privately, waiting out a 429 on the private note too", async () => {
    const delivery = { ...DELIVERY_POLICY, maxRateLimitWaitS: 2 };
    await withHarness({ delivery }, async (slack) => {
      slack.fake.fault({ method: "chat.postMessage", channel: "CBURST", kind: "ratelimit", retryAfterS: 1, times: Infinity });
      slack.fake.fault({ method: "chat.postEphemeral", channel: "CBURST", kind: "ratelimit", retryAfterS: 1, times: 1 });
      const ts = await mention(slack, "CBURST", "how many attacks?");
      const answer = await privateTo(slack, "CBURST", 1);
      expect(answer.args["thread_ts"]).toBe(ts);
      expect(answer.args["text"]).toMatch(/61/);
      expect(JSON.stringify(answer.args["blocks"])).toContain("Slack is holding my posts in this channel");
      expect(JSON.stringify(answer.args["blocks"])).toContain("You asked: _how many attacks?_");
      expect(slack.fake.messages.filter((m) => m.channel === "CBURST")).toEqual([]);
      // A burst that lasts: tried about once a second until the 2 s are used up, then no more.
      const tries = callsTo(slack, "chat.postMessage", "CBURST").length;
      expect(tries).toBeGreaterThanOrEqual(2);
      expect(tries).toBeLessThanOrEqual(4);
    });
  }, 10_000);
});

describe("odd inputs get short replies", () => {
  it("answers /factcheck with no text with its usage and an example, privately", async () => {
    await withHarness({}, async (slack) => {
      await sendToApp(slack.eventsUrl, commandForm("/factcheck", "  ", slack.fake.responseUrl("usage")), FORM);
      const reply = await waitFor(() => slack.fake.responses.find((r) => r.id === "usage"), "the usage");
      expect(reply.body["response_type"]).toBe("ephemeral");
      const example = readRequest(helpCard(realEngine()).checkExample);
      expect(example.kind).toBe("check");
      const shown = JSON.stringify(reply.body["blocks"]);
      expect(shown).toContain("`/factcheck &lt;sentence&gt;`");
      expect(shown).toContain(`\`/factcheck ${example.kind === "check" ? example.claim : ""}\``);
      expect(shown).toContain("Fact-check with FactDesk");
      expect(shown).not.toContain("Try one of these");
    });
  });

  it("tells a 4,000-character mention, privately, to ask one question at a time or use /factcheck, and asks the desk nothing", async () => {
    const asked: Request[] = [];
    const desk = realDesk();
    const recording: Desk = { ...desk, respond: (request, options) => (asked.push(request), desk.respond(request, options)) };
    await withHarness({ desk: recording }, async (slack) => {
      const draft = "Militants attacked US forces again on Tuesday, officials said, and the Pentagon is weighing its response. ".repeat(38);
      expect(draft.length).toBeGreaterThan(3900);
      const ts = await mention(slack, "CDRAFT", draft);
      const notice = await privateTo(slack, "CDRAFT");
      expect(notice.args["text"]).toBe("That's more than one question: ask one question at a time, or use /factcheck for a draft.");
      expect(notice.args["thread_ts"]).toBe(ts);
      await pause(150);
      expect(asked).toEqual([]);
      expect(callsTo(slack, "chat.postMessage", "CDRAFT")).toEqual([]);
    });
  });

  it("says the same to a long /factdesk and a long DM, and checks a long draft given to /factcheck", async () => {
    await withHarness({}, async (slack) => {
      const draft = "The strikes hit weapons depots in eastern Syria, and officials said more could follow within days. ".repeat(8);
      await sendToApp(slack.eventsUrl, commandForm("/factdesk", draft, slack.fake.responseUrl("long-ask")), FORM);
      const reply = await waitFor(() => slack.fake.responses.find((r) => r.id === "long-ask"), "the /factdesk reply");
      expect(reply.body["text"]).toMatch(/^That's more than one question: ask one question at a time/);
      const ts = `${clock++}.000800`;
      await sendToApp(slack.eventsUrl, eventEnvelope({ type: "message", channel: "DLONG", channel_type: "im", user: "UREPORTER", text: draft, ts, event_ts: ts }), JSON_TYPE);
      expect((await waitFor(() => callsTo(slack, "chat.postMessage", "DLONG")[0], "the DM reply")).args["text"]).toMatch(/^That's more than one question/);
      await sendToApp(slack.eventsUrl, commandForm("/factcheck", draft, slack.fake.responseUrl("long-check")), FORM);
      const verdict = await waitFor(() => slack.fake.responses.find((r) => r.id === "long-check"), "the /factcheck verdict");
      expect(verdict.body["text"]).toMatch(/^(Supported|Contradicted|Not enough info)/);
    });
  });
});
