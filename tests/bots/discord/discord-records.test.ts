// What the Discord app keeps, met as Discord meets it (the real discord.js, gateway payloads, a fake
// REST API, a real store): the ask record, 👍/👎 buttons counting the votes, the 👎 modal and its
// reason, and first responses that never wait on the store.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDesk } from "../../../src/bots/conversation.js";
import { startDiscordHarness, type DiscordHarness, interactionCallback } from "../../helpers/discord-client.js";
import { realEngine } from "../../helpers/engine.js";
import { buttonData, commandData, interactionPayload, messagePayload, messageWithButtons, modalData, USER_ID_OTHER, APP_ID, type RecordedRequest } from "../../helpers/fake-discord.js";
import { pause, waitFor } from "../../helpers/wait-for.js";

type Button = { custom_id: string; label: string; emoji?: { name: string } };
type Row = { type: number; components: Button[] };
type Body = { type: number; data?: { components?: Row[]; custom_id?: string; title?: string } };

let discord: DiscordHarness;
beforeAll(async () => {
  discord = await startDiscordHarness();
});
afterAll(async () => {
  await discord.stop();
});

const callbackFor = (harness: DiscordHarness, payload: Record<string, unknown>) => interactionCallback<Body>(harness, payload);
const ask = (question: string) => interactionPayload("command", commandData("ask", [{ name: "question", type: 3, value: question }]));
const asUser = (id: string) => ({ member: { user: { id, username: `user${id.slice(-2)}`, discriminator: "0", global_name: null, avatar: null }, roles: [], permissions: "0", joined_at: "2023-01-01T00:00:00.000Z", deaf: false, mute: false, flags: 0 } });
const voteLabels = (rows: Row[]) => rows.flatMap((row) => row.components).filter((b) => b.custom_id.startsWith("factdesk:vote:")).map((b) => `${b.emoji?.name} ${b.label}`);

async function answeredRows(harness: DiscordHarness, question: string): Promise<Row[]> {
  const payload = ask(question);
  harness.interaction(payload);
  return (await callbackFor(harness, payload)).body.data!.components!;
}

describe("the Discord app's record of what was asked", () => {
  it("records each question with its outcome and puts 👍/👎 under an answer, not under a refusal", async () => {
    const rows = await answeredRows(discord, "how many attacks?");
    expect(voteLabels(rows)).toEqual(["👍 Helpful", "👎 Not right"]);
    expect(voteLabels(await answeredRows(discord, "How many US troops are in Jordan?"))).toEqual([]);
    await discord.store.asks.flush();
    const refused = await discord.store.review.refusedOrDisliked(0);
    expect(refused.find((row) => row.text === "How many US troops are in Jordan?")).toMatchObject({ platform: "discord", outcome: "no_answer" });
  });

  it("counts a 👍 on the message at once, and a second person's too", async () => {
    const rows = await answeredRows(discord, "who is al-Sudani?");
    const up = rows.flatMap((r) => r.components).find((b) => b.custom_id.startsWith("factdesk:vote:up:"))!;
    const click = interactionPayload("button", buttonData(up.custom_id), messageWithButtons(0, rows));
    discord.interaction(click);
    const update = (await callbackFor(discord, click)).body;
    expect(update.type).toBe(7);
    expect(voteLabels(update.data!.components!)).toEqual(["👍 Helpful · 1", "👎 Not right"]);
    expect(update.data!.components![0]!.components[0]!.custom_id).toMatch(/^factdesk:ask:/);
    const other = interactionPayload("button", buttonData(up.custom_id), { ...messageWithButtons(0, rows), ...asUser(USER_ID_OTHER) });
    discord.interaction(other);
    expect(voteLabels((await callbackFor(discord, other)).body.data!.components!)).toEqual(["👍 Helpful · 2", "👎 Not right"]);
  });

  it("opens a modal for a 👎, changes the vote, and keeps the reason submitted for the editors", async () => {
    const rows = await answeredRows(discord, "how many American soldiers are based in Syria?");
    const askId = rows.flatMap((r) => r.components).find((b) => b.custom_id.startsWith("factdesk:vote:up:"))!.custom_id.split(":").at(-1)!;
    const up = interactionPayload("button", buttonData(`factdesk:vote:up:${askId}`), messageWithButtons(0, rows));
    discord.interaction(up);
    await callbackFor(discord, up);
    const down = interactionPayload("button", buttonData(`factdesk:vote:down:${askId}`), messageWithButtons(0, rows));
    discord.interaction(down);
    const modal = (await callbackFor(discord, down)).body;
    expect(modal.type).toBe(9);
    expect(modal.data!.custom_id).toBe(`factdesk:reason:${askId}`);
    const submit = interactionPayload("modal", modalData(`factdesk:reason:${askId}`, { reason: "It leaves out al-Tanf." }), messageWithButtons(0, rows));
    discord.interaction(submit);
    const redraw = (await callbackFor(discord, submit)).body;
    expect(redraw.type).toBe(7);
    expect(voteLabels(redraw.data!.components!)).toEqual(["👍 Helpful", "👎 Not right · 1"]);
    await discord.store.asks.flush();
    const disliked = (await discord.store.review.refusedOrDisliked(0)).find((row) => row.askId === askId);
    expect(disliked).toMatchObject({ outcome: "answered", downVotes: 1, reasons: ["It leaves out al-Tanf."] });
  });

  it("records a mention's question, and puts the buttons under the reply when it answers", async () => {
    const replyTo = (payload: Record<string, unknown>) =>
      waitFor(() => discord.fake.requests.find((r) => (r.body as { message_reference?: { message_id: string } })?.message_reference?.message_id === payload["id"]), "the reply");
    const answered = messagePayload(`<@${APP_ID}> when did the attacks start?`, { mentionsBot: true });
    const refused = messagePayload(`<@${APP_ID}> how many US troops are in Kuwait?`, { mentionsBot: true });
    discord.message(answered);
    discord.message(refused);
    expect(voteLabels(((await replyTo(answered)).body as { components: Row[] }).components)).toEqual(["👍 Helpful", "👎 Not right"]);
    expect(voteLabels(((await replyTo(refused)).body as { components: Row[] }).components)).toEqual([]);
    await discord.store.asks.flush();
    const recorded = (await discord.store.review.refusedOrDisliked(0)).find((row) => row.text === "how many US troops are in Kuwait?");
    expect(recorded).toMatchObject({ platform: "discord", kind: "ask", outcome: "no_answer" });
  });
});

describe("the Discord app when the store is slow", () => {
  it("defers the update when a vote takes longer than the deferral window, then edits the counts in", async () => {
    const harness = await startDiscordHarness({ deferAfterMs: 50 });
    const desk = createDesk(realEngine(), harness.store);
    const slow = await startDiscordHarness({ store: harness.store, deferAfterMs: 50, desk: { ...desk, vote: async (...args) => (await pause(400), desk.vote(...args)) } });
    try {
      const rows = await answeredRows(slow, "how many attacks?");
      const up = rows.flatMap((r) => r.components).find((b) => b.custom_id.startsWith("factdesk:vote:up:"))!;
      const click = interactionPayload("button", buttonData(up.custom_id), messageWithButtons(0, rows));
      slow.interaction(click);
      expect((await callbackFor(slow, click)).body.type).toBe(6);
      const edit = await waitFor(() => slow.fake.requests.find((r) => r.method === "PATCH" && r.path.endsWith(`/${String(click["token"])}/messages/@original`)), "the edited counts");
      expect(voteLabels((edit.body as { components: Row[] }).components)).toEqual(["👍 Helpful · 1", "👎 Not right"]);
    } finally {
      await slow.stop();
      await harness.stop();
    }
  });

  it("answers a slash command within the deferral window while the rate limit's store hangs", async () => {
    const harness = await startDiscordHarness({ deferAfterMs: 50, limiter: { allow: () => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 400)) } });
    try {
      const payload = ask("how many attacks?");
      const started = Date.now();
      harness.interaction(payload);
      const first = await callbackFor(harness, payload);
      expect(first.body.type).toBe(5);
      expect(Date.now() - started).toBeLessThan(400);
      await waitFor(() => harness.fake.requests.find((r) => r.method === "PATCH" && r.path.endsWith(`/${String(payload["token"])}/messages/@original`)), "the answer edited in");
    } finally {
      await harness.stop();
    }
  });
});
