// The App Home tab, through the real Bolt in HTTP mode against the fake Web API: opening it
// publishes the help card for that person (what FactDesk covers, its sources and how current they
// are, questions to try, how to fact-check); opening the Messages tab publishes nothing; a refused
// publish is logged and the app goes on serving; a view stays within Slack's limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { helpCard, type Desk } from "../../../src/bots/conversation.js";
import { realDesk } from "../../helpers/desks.js";
import { realEngine } from "../../helpers/engine.js";
import { eventEnvelope, sendToApp, waitFor, type RecordedCall } from "../../helpers/fake-slack.js";
import { startSlackHarness, type SlackHarness } from "../../helpers/slack-app.js";

const JSON_TYPE = "application/json";

type Block = { type: string; text?: { text: string }; elements?: unknown[] };
type PublishedView = { type: string; blocks: Block[] };

let slack: SlackHarness;
let clock = 1700300000;

beforeAll(async () => {
  slack = await startSlackHarness();
});
afterAll(async () => {
  await slack.stop();
});

async function openAppHome(harness: SlackHarness, user: string, tab: "home" | "messages"): Promise<void> {
  const ts = `${clock++}.000500`;
  const response = await sendToApp(harness.eventsUrl, eventEnvelope({ type: "app_home_opened", user, channel: `D${user}`, tab, event_ts: ts }), JSON_TYPE);
  expect(response.status).toBe(200);
}

const publishedFor = (harness: SlackHarness, user: string): RecordedCall[] => harness.fake.calls.filter((call) => call.method === "views.publish" && call.args["user_id"] === user);
const viewOf = (call: RecordedCall) => call.args["view"] as PublishedView;
const shownText = (view: PublishedView) => view.blocks.map((block) => JSON.stringify(block)).join("\n");

describe("the App Home tab", () => {
  it("publishes, for the person who opened it, what FactDesk covers, its sources as of their date, questions to try and how to fact-check", async () => {
    await openAppHome(slack, "UREPORTER", "home");
    const view = viewOf(await waitFor(() => publishedFor(slack, "UREPORTER")[0], "the published Home tab"));
    expect(view.type).toBe("home");
    const shown = shownText(view);
    const card = helpCard(realEngine());
    for (const topic of card.topics) expect(shown).toContain(topic.replace(/&/g, "&amp;"));
    for (const question of card.examples) expect(shown).toContain(`• ${question}`);
    expect(shown).toContain("The Associated Press");
    expect(shown).toContain("as of Nov. 17, 2023");
    expect(shown).toContain("*Fact-check with FactDesk*");
    expect(shown).toContain("/factcheck &lt;sentence&gt;");
    // A Home tab click has no response_url or channel to answer in: the questions are a list, not buttons.
    expect(view.blocks.filter((block) => block.type === "actions")).toEqual([]);
  });

  it("publishes nothing when the Messages tab is opened", async () => {
    await openAppHome(slack, "UMESSAGES", "messages");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(publishedFor(slack, "UMESSAGES")).toEqual([]);
  });

  it("logs a publish Slack refuses, and publishes when the tab is opened again", async () => {
    slack.fake.failNext("views.publish", "invalid_arguments");
    await openAppHome(slack, "UREFUSED", "home");
    await waitFor(() => slack.logs.lines().find((line) => line["msg"] === "could not publish the Home tab" && line["user"] === "UREFUSED"), "the logged refusal");
    await openAppHome(slack, "UREFUSED", "home");
    await waitFor(() => publishedFor(slack, "UREFUSED")[1], "the second publish");
    expect(slack.fake.calls.some((call) => call.method === "chat.postMessage" && call.args["channel"] === "DUREFUSED")).toBe(false);
  });

  it("logs a desk that fails, and publishes nothing rather than a broken view", async () => {
    const desk: Desk = { ...realDesk(), respond: () => Promise.reject(new Error("index corrupted")) };
    const harness = await startSlackHarness({ desk });
    try {
      await openAppHome(harness, "UREPORTER", "home");
      await waitFor(() => harness.logs.lines().find((line) => line["msg"] === "could not publish the Home tab"), "the logged failure");
      expect(publishedFor(harness, "UREPORTER")).toEqual([]);
    } finally {
      await harness.stop();
    }
  });

  it("keeps the Home tab within 100 blocks and 3,000 characters a section, with its questions to try, however many sources there are", async () => {
    const card = helpCard(realEngine());
    const sources = Array.from({ length: 4000 }, (_, i) => ({ publisher: "The Associated Press", title: `A story with a long headline about the strikes, part ${i}`, published: "2023-11-17" }));
    const desk: Desk = { ...realDesk(), respond: async () => ({ kind: "help", help: { ...card, sources } }) };
    const harness = await startSlackHarness({ desk });
    try {
      await openAppHome(harness, "UREPORTER", "home");
      const view = viewOf(await waitFor(() => publishedFor(harness, "UREPORTER")[0], "the long Home tab"));
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      for (const block of view.blocks) if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
      expect(shownText(view)).toContain(`• ${card.examples[0]}`);
    } finally {
      await harness.stop();
    }
  });
});
