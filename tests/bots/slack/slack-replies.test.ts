// What a Slack reply shows, through the real Bolt in HTTP mode against the fake Web API: a reply
// that does not sit under its question says what it answers (privately "You asked", publicly who
// asked); sources come grouped, one heading per source with its passages numbered under it and
// its URL as a link; a multi-claim check says which passages bear on each claim; and the verdict
// is the engine's typed one, whatever its prose says.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CitationView } from "../../../src/answers/types.js";
import type { Desk, Reply } from "../../../src/bots/conversation.js";
import { createRateLimiter } from "../../../src/bots/rate-limit.js";
import { realDesk } from "../../helpers/desks.js";
import { BOT_USER_ID, buttonClickForm, commandForm, eventEnvelope, messageShortcutForm, sendToApp, waitFor, type RecordedCall } from "../../helpers/fake-slack.js";
import { startSlackHarness, type SlackHarness } from "../../helpers/slack-app.js";

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

type Block = { type: string; text?: { text: string }; elements?: Array<{ type?: string; text?: string | { text: string } }> };
const blocksOf = (source: { args: Record<string, unknown> } | { body: Record<string, unknown> }) => (("args" in source ? source.args : source.body)["blocks"] ?? []) as Block[];
/** The text of every context line: where "You asked" and "… asked" go. */
const contextLines = (blocks: Block[]) => blocks.filter((block) => block.type === "context").flatMap((block) => (block.elements ?? []).map((element) => (typeof element.text === "string" ? element.text : "")));
const sectionTexts = (blocks: Block[]) => blocks.filter((block) => block.type === "section").map((block) => block.text?.text ?? "");

let slack: SlackHarness;
let clock = 1700400000;
const nextTs = () => `${clock++}.000600`;

beforeAll(async () => {
  slack = await startSlackHarness({ limiter: createRateLimiter({ requests: 1000, windowMs: 60_000 }) });
});
afterAll(async () => {
  await slack.stop();
});

const responseTo = (harness: SlackHarness, id: string) => waitFor(() => harness.fake.responses.find((r) => r.id === id), `the reply through response_url ${id}`);
const postIn = (harness: SlackHarness, thread: string): Promise<RecordedCall> =>
  waitFor(() => harness.fake.calls.find((call) => call.method === "chat.postMessage" && call.args["thread_ts"] === thread), `the answer in thread ${thread}`);

describe("a Slack reply says what it answers", () => {
  it("a private /factdesk answer: 'You asked', the question escaped", async () => {
    // Slack sends typed <, > and & escaped, as here; the echo escapes them again after reading.
    await sendToApp(slack.eventsUrl, commandForm("/factdesk", "how many attacks in Syria &amp; Iraq &lt;since Oct. 17&gt;?", slack.fake.responseUrl("echo-ask")), FORM);
    const reply = await responseTo(slack, "echo-ask");
    expect(contextLines(blocksOf(reply))).toContain("You asked: _how many attacks in Syria &amp; Iraq &lt;since Oct. 17&gt;?_");
    // Shown nowhere unescaped (a button's value, never shown, carries it as typed).
    expect(JSON.stringify(blocksOf(reply).filter((block) => block.type !== "actions"))).not.toContain("<since");
  });

  it("a private /factcheck verdict and a message shortcut's: 'You checked'", async () => {
    await sendToApp(slack.eventsUrl, commandForm("/factcheck", "Militants struck US bases 50 times in Iraq", slack.fake.responseUrl("echo-check")), FORM);
    expect(contextLines(blocksOf(await responseTo(slack, "echo-check")))).toContain("You checked: _Militants struck US bases 50 times in Iraq_");
    await sendToApp(slack.eventsUrl, messageShortcutForm({ text: "US troops in Iraq number about 2,000", responseUrl: slack.fake.responseUrl("echo-shortcut") }), FORM);
    expect(contextLines(blocksOf(await responseTo(slack, "echo-shortcut")))).toContain("You checked: _US troops in Iraq number about 2,000_");
  });

  it("a follow-up clicked in a thread: who asked what, for everyone; clicked on a private answer: 'You asked'", async () => {
    const thread = nextTs();
    const click = buttonClickForm({ action_id: "factdesk_ask:0", value: "When did the attacks start?" }, { responseUrl: slack.fake.responseUrl("echo-click"), messageTs: nextTs(), threadTs: thread, userId: "UEDITOR" });
    await sendToApp(slack.eventsUrl, click, FORM);
    expect(contextLines(blocksOf(await postIn(slack, thread)))).toContain("<@UEDITOR> asked: _When did the attacks start?_");

    await sendToApp(slack.eventsUrl, buttonClickForm({ action_id: "factdesk_ask:1", value: "Who is behind the attacks?" }, { responseUrl: slack.fake.responseUrl("echo-private-click"), ephemeral: true }), FORM);
    expect(contextLines(blocksOf(await responseTo(slack, "echo-private-click")))).toContain("You asked: _Who is behind the attacks?_");
  });

  it("an answer in the thread under its question repeats nothing", async () => {
    const ts = nextTs();
    await sendToApp(slack.eventsUrl, eventEnvelope({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> how many attacks in Iraq?`, ts, channel: "CECHO", event_ts: ts }), JSON_TYPE);
    expect(contextLines(blocksOf(await postIn(slack, ts))).filter((line) => / asked: /.test(line))).toEqual([]);
  });
});

const AP: Omit<CitationView, "quote"> = { sourceId: "ap-1", publisher: "The Associated Press", title: "Attacks on US forces", published: "2023-11-17", url: "https://apnews.com/article/us-militia-attacks" };
const PENTAGON: Omit<CitationView, "quote"> = { sourceId: "dod-1", publisher: "Department of Defense", title: "Briefing <transcript>", published: "2023-11-16" };

/** A desk whose every reply is this one: what is rendered is known exactly. */
const deskReplying = (reply: Reply): Desk => ({ ...realDesk(), respond: async () => reply });

async function withDesk(desk: Desk, test: (harness: SlackHarness) => Promise<void>): Promise<void> {
  const harness = await startSlackHarness({ desk });
  try {
    await test(harness);
  } finally {
    await harness.stop();
  }
}

describe("sources in a Slack reply", () => {
  it("gives each source one heading, its title a link when it has a URL, and numbers its passages under it", async () => {
    const reply: Reply = {
      kind: "answer",
      question: "how many attacks?",
      result: {
        status: "answered",
        answer: "61 attacks.",
        citations: [
          { ...AP, quote: "First passage from the wire." },
          { ...PENTAGON, quote: "A passage from the briefing." },
          { ...AP, quote: "Second passage from the wire." },
          { ...AP, quote: "First passage from the wire." },
        ],
        factIds: ["f1"],
        confidence: 1,
        asOf: "2023-11-17",
        suggestions: [],
      },
    };
    await withDesk(deskReplying(reply), async (harness) => {
      await sendToApp(harness.eventsUrl, commandForm("/factdesk", "how many attacks?", harness.fake.responseUrl("grouped")), FORM);
      const sections = sectionTexts(blocksOf(await responseTo(harness, "grouped")));
      const shown = sections.join("\n");
      expect(shown.match(/The Associated Press/g)).toHaveLength(1);
      expect(sections).toContain(
        "*The Associated Press* · <https://apnews.com/article/us-militia-attacks|Attacks on US forces> · Nov. 17, 2023\n>*[1]* First passage from the wire.\n>*[2]* Second passage from the wire.",
      );
      expect(sections).toContain("*Department of Defense* · _Briefing &lt;transcript&gt;_ · Nov. 16, 2023\n>*[3]* A passage from the briefing.");
    });
  });

  it("says claim by claim which numbered passages bear on each claim of a check", async () => {
    await sendToApp(slack.eventsUrl, commandForm("/factcheck", "US troops in Syria number about 900, and the militias struck 50 times in Iraq", slack.fake.responseUrl("claims")), FORM);
    const shown = sectionTexts(blocksOf(await responseTo(slack, "claims"))).join("\n");
    expect(shown).toContain('• _"US troops in Syria number about 900"_: *Supported:* ');
    const lines = shown.split("\n");
    expect(lines.find((line) => line.startsWith('• _"US troops in Syria'))).toMatch(/ \[1\]$/);
    expect(lines.find((line) => line.startsWith('• _"the militias struck 50 times'))).toMatch(/^• _"the militias struck 50 times in Iraq"_: \*Contradicted:\* .* \[2\] \[3\]$/);
    expect(shown).toMatch(/>\*\[1\]\* The United States has about 2,000/);
    expect(shown).toMatch(/>\*\[2\]\* According to the Pentagon/);
  });
});

describe("the verdict in a Slack fact check", () => {
  it("is the engine's typed verdict, set once in bold, whatever the explanation's wording", async () => {
    const citation = { ...AP, quote: "The wire's passage." };
    const reply: Reply = {
      kind: "check",
      claim: "two claims",
      result: {
        verdict: "contradicted",
        explanation: "One of the two claims is ruled out by the source.",
        citations: [citation],
        factIds: ["f1"],
        claims: [
          { claim: "the first", verdict: "not_enough_info", explanation: "Not enough info: the sources don't say.", citations: [], factIds: [] },
          { claim: "the second", verdict: "contradicted", explanation: "the source says otherwise.", citations: [citation], factIds: ["f1"] },
        ],
      },
    };
    await withDesk(deskReplying(reply), async (harness) => {
      await sendToApp(harness.eventsUrl, commandForm("/factcheck", "two claims", harness.fake.responseUrl("typed")), FORM);
      const shown = sectionTexts(blocksOf(await responseTo(harness, "typed"))).join("\n");
      expect(shown).toContain("*Contradicted:* One of the two claims is ruled out by the source.");
      expect(shown).toContain('• _"the first"_: *Not enough info:* the sources don\'t say.');
      expect(shown).not.toContain("Not enough info: the sources");
      expect(shown).toContain('• _"the second"_: *Contradicted:* the source says otherwise. [1]');
    });
  });
});
