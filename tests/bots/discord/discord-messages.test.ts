// Mentions and replies as Discord meets them (the real discord.js, gateway payloads, the fake REST
// API): an edited question updates FactDesk's reply in place; a slow answer shows "typing…"; a
// message too long for one question is told how to ask.
import type { APIEmbed, TextChannel } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOO_LONG_MESSAGE } from "../../../src/bots/discord/messages.js";
import { startDiscordHarness, type DiscordHarness } from "../../helpers/discord-client.js";
import { slowDesk } from "../../helpers/desks.js";
import { APP_ID, CHANNEL_ID, editPayload, messagePayload, replyPayload, type RecordedRequest } from "../../helpers/fake-discord.js";
import { pause, waitFor } from "../../helpers/wait-for.js";

type Sent = { embeds: APIEmbed[]; message_reference?: { message_id: string } };

let discord: DiscordHarness;
beforeAll(async () => {
  discord = await startDiscordHarness();
});
afterAll(async () => {
  await discord.stop();
});

const mention = (text: string) => messagePayload(`<@${APP_ID}> ${text}`, { mentionsBot: true });

/** FactDesk's reply to a message: what it said and the id Discord (the fake) gave it. */
async function replyTo(payload: Record<string, unknown>, harness = discord): Promise<{ text: string; id: string }> {
  const request = await waitFor(() => harness.fake.requests.find((r) => r.method === "POST" && (r.body as Sent | undefined)?.message_reference?.message_id === payload["id"]), `the reply to ${String(payload["id"])}`);
  return { text: (request.body as Sent).embeds[0]!.description ?? "", id: request.createdId! };
}

const editsOf = (replyId: string, harness = discord): RecordedRequest[] => harness.fake.requests.filter((r) => r.method === "PATCH" && r.path === `/api/v10/channels/${CHANNEL_ID}/messages/${replyId}`);
const editOf = (replyId: string, harness = discord) => waitFor(() => editsOf(replyId, harness)[0], `the edit of ${replyId}`);
const description = (request: RecordedRequest) => (request.body as Sent).embeds[0]!.description ?? "";

describe("an edited question on Discord", () => {
  it("updates FactDesk's reply in place with the answer to the question as edited", async () => {
    const question = mention("roughly how many soldiers does America have stationed in Qatar?");
    discord.message(question);
    const answer = await replyTo(question);
    expect(answer.text).toMatch(/don't cover Qatar/);
    discord.edit(editPayload(question, `<@${APP_ID}> roughly how many soldiers does America have stationed in Syria?`));
    const edit = await editOf(answer.id);
    expect(description(edit)).toMatch(/900 in Syria/);
    expect((edit.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [], replied_user: false });
    await pause(50);
    expect(discord.fake.requests.filter((r) => r.method === "POST" && (r.body as Sent | undefined)?.message_reference?.message_id === question["id"])).toHaveLength(1);
  });

  it("reads an edited follow-up in the reply chain it was asked in", async () => {
    const question = mention("roughly how many soldiers does America have stationed in Iraq?");
    discord.message(question);
    const first = await replyTo(question);
    const followUp = replyPayload("and what about Qatar?", first.id);
    discord.message(followUp);
    const second = await replyTo(followUp);
    discord.edit(editPayload(followUp, "and what about Syria then?"));
    expect(description(await editOf(second.id))).toMatch(/Reading this as: roughly how many soldiers does America have stationed in Syria\?[\s\S]*900/);
  });

  it("updates the reply even when discord.js no longer holds the message", async () => {
    const question = mention("roughly how many soldiers does America have stationed in Qatar?");
    discord.message(question);
    const answer = await replyTo(question);
    (discord.client.channels.cache.get(CHANNEL_ID) as TextChannel).messages.cache.clear();
    discord.edit(editPayload(question, `<@${APP_ID}> roughly how many soldiers does America have stationed in Syria?`));
    expect(description(await editOf(answer.id))).toMatch(/900 in Syria/);
  });

  it("keeps an edit made while the question is still being answered: the reply, once sent, is updated", async () => {
    const harness = await startDiscordHarness({ desk: slowDesk(200) });
    try {
      const question = mention("roughly how many soldiers does America have stationed in Qatar?");
      harness.message(question);
      harness.edit(editPayload(question, `<@${APP_ID}> roughly how many soldiers does America have stationed in Syria?`));
      const answer = await replyTo(question, harness);
      expect(answer.text).toMatch(/don't cover Qatar/);
      expect(description(await editOf(answer.id, harness))).toMatch(/900 in Syria/);
    } finally {
      await harness.stop();
    }
  });

  it("changes nothing when the edit leaves the question as it was read (a link's preview arriving), or FactDesk never answered the message", async () => {
    const question = mention("tell me who Mohammed Shia al-Sudani is");
    discord.message(question);
    const answer = await replyTo(question);
    const before = discord.fake.requests.length;
    discord.edit({ ...editPayload(question, String(question["content"])), embeds: [{ type: "link", url: "https://example.com" }] });
    const unanswered = messagePayload("how many attacks?");
    discord.message(unanswered);
    discord.edit(editPayload(unanswered, `<@${APP_ID}> how many attacks?`));
    await pause(150);
    expect(editsOf(answer.id)).toEqual([]);
    expect(discord.fake.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });
});

describe("a message too long to be one question", () => {
  it.each([
    ["a question", `how many attacks ${"and what came after them ".repeat(200)}`],
    ["a check", `check ${"The militias attacked a base that week. ".repeat(45)}`],
  ])("as %s gets one line on how to ask instead of an answer", async (_kind, text) => {
    const question = mention(text);
    discord.message(question);
    expect((await replyTo(question)).text).toBe(TOO_LONG_MESSAGE);
    expect(TOO_LONG_MESSAGE).toMatch(/Ask one question at a time, or use `\/factcheck` for a draft/);
    expect(discord.logs.lines().some((line) => line["msg"] === "answered" && line["message"] === question["id"])).toBe(false);
  });

  it("is answered once edited down to one question", async () => {
    const question = mention(`how many attacks ${"and what came after them ".repeat(200)}`);
    discord.message(question);
    const notice = await replyTo(question);
    discord.edit(editPayload(question, `<@${APP_ID}> how many attacks?`));
    expect(description(await editOf(notice.id))).toMatch(/61 attacks/);
  });
});

describe("typing while Discord waits", () => {
  const typing = (harness: DiscordHarness) => harness.fake.requests.filter((r) => r.method === "POST" && r.path === `/api/v10/channels/${CHANNEL_ID}/typing`);

  it("shows FactDesk typing while a slow answer is prepared, before the answer", async () => {
    const harness = await startDiscordHarness({ desk: slowDesk(300), deferAfterMs: 50 });
    try {
      const question = mention("how many attacks?");
      harness.message(question);
      await replyTo(question, harness);
      const requests = harness.fake.requests.map((r) => r.path);
      expect(typing(harness)).toHaveLength(1);
      expect(requests.indexOf(`/api/v10/channels/${CHANNEL_ID}/typing`)).toBeLessThan(requests.indexOf(`/api/v10/channels/${CHANNEL_ID}/messages`));
    } finally {
      await harness.stop();
    }
  });

  it("shows no typing when the answer is quick", async () => {
    const question = mention("how many attacks?");
    discord.message(question);
    await replyTo(question);
    await pause(50);
    expect(typing(discord)).toEqual([]);
  });

  it("answers all the same when typing can't be shown", async () => {
    const harness = await startDiscordHarness({ desk: slowDesk(300), deferAfterMs: 50 });
    try {
      harness.fake.failNext("/typing");
      const question = mention("how many attacks?");
      harness.message(question);
      expect((await replyTo(question, harness)).text).toMatch(/61 attacks/);
      expect(typing(harness)).toHaveLength(1);
      expect(harness.logs.lines().some((line) => line["msg"] === "could not show typing")).toBe(true);
    } finally {
      await harness.stop();
    }
  });
});
