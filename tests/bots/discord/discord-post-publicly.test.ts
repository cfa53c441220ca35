// Private answers and "Post publicly", met as Discord meets them (the real discord.js, gateway
// payloads, the fake REST API): slash commands answer only the asker unless `private: False`, as
// Slack's do; a private answer's Post button puts that same answer in the channel, says so
// privately and is spent.
import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOT_POSTED_MESSAGE, POSTED_MESSAGE } from "../../../src/bots/discord/post-publicly.js";
import { startDiscordHarness, type DiscordHarness, interactionCallback } from "../../helpers/discord-client.js";
import { APP_ID, buttonData, commandData, interactionPayload, messageCommandData, messagePayload, messageWithButtons, USER_ID, type RecordedRequest } from "../../helpers/fake-discord.js";
import { waitFor } from "../../helpers/wait-for.js";

type Button = { custom_id: string; label: string; disabled?: boolean };
type Row = { type: number; components: Button[] };
type Data = { embeds?: APIEmbed[]; components?: Row[]; flags?: number; content?: string; allowed_mentions?: unknown };
type Body = { type: number; data?: Data };

let discord: DiscordHarness;
beforeAll(async () => {
  discord = await startDiscordHarness();
});
afterAll(async () => {
  await discord.stop();
});

const callbackFor = (payload: Record<string, unknown>) => interactionCallback<Body>(discord, payload);
const followUpTo = (payload: Record<string, unknown>, nth = 0) =>
  waitFor(() => discord.fake.requests.filter((r) => r.method === "POST" && r.path === `/api/v10/webhooks/${APP_ID}/${String(payload["token"])}`)[nth] as (RecordedRequest & { body: Data }) | undefined, "a follow-up");
const buttons = (rows: Row[] = []) => rows.flatMap((row) => row.components);
const postButtonOf = (data: Data) => buttons(data.components).find((button) => button.custom_id.startsWith("factdesk:post:"));

/** A slash command as someone types it, with no `private` option. */
const command = (name: "ask" | "factcheck", text: string) => interactionPayload("command", commandData(name, [{ name: name === "ask" ? "question" : "claim", type: 3, value: text }]));

/** Someone clicks Post under the private answer they were given (Discord sends the message with the click). */
function clickPost(answer: Data): Record<string, unknown> {
  return interactionPayload("button", buttonData(postButtonOf(answer)!.custom_id), messageWithButtons(64, answer.components, answer.embeds));
}

describe("a private Discord answer", () => {
  it.each([
    ["/ask", command("ask", "roughly how many soldiers does America have stationed in Syria?")],
    ["/factcheck", command("factcheck", "The US has about 9,000 troops in Syria.")],
    ["the message command", interactionPayload("command", messageCommandData("Fact-check with FactDesk", messagePayload("The US has about 9,000 troops in Syria.")))],
  ])("is what %s gives by default, with 👍/👎 and a Post publicly button beside them", async (_name, payload) => {
    discord.interaction(payload);
    const { data } = (await callbackFor(payload)).body;
    expect(data!.flags).toBe(64);
    const row = data!.components!.at(-1)!.components;
    expect(row.map((button) => button.label)).toEqual(["Helpful", "Not right", "Post publicly"]);
    expect(row[2]!.custom_id).toBe(`factdesk:post:${row[0]!.custom_id.split(":").at(-1)}`);
  });

  it("is posted in the channel as it was when Post publicly is clicked, and then says so privately, its button spent", async () => {
    const asked = command("ask", "roughly how many soldiers does America have stationed in Syria?");
    discord.interaction(asked);
    const answer = (await callbackFor(asked)).body.data!;
    const click = clickPost(answer);
    discord.interaction(click);
    expect((await callbackFor(click)).body.type).toBe(6); // the click is acknowledged at once

    const posted = (await followUpTo(click)).body;
    expect(posted.flags ?? 0).toBe(0);
    expect(posted.embeds).toEqual(answer.embeds);
    expect(posted.content).toBe(`Shared by <@${USER_ID}>`);
    expect(posted.allowed_mentions).toEqual({ parse: [], replied_user: false });
    // Follow-up questions and votes come along; the Post button does not.
    expect(buttons(posted.components).map((button) => button.label)).toEqual(buttons(answer.components).map((button) => button.label).filter((label) => label !== "Post publicly"));

    const marked = await waitFor(() => discord.fake.requests.find((r) => r.method === "PATCH" && r.path === `/api/v10/webhooks/${APP_ID}/${String(click["token"])}/messages/@original`), "the private copy marked");
    const privately = marked.body as Data;
    expect(privately.content).toBe(POSTED_MESSAGE);
    expect(postButtonOf(privately)).toMatchObject({ label: "Posted", disabled: true });
    expect(buttons(privately.components).filter((button) => button.disabled)).toHaveLength(1);
  });

  it("says privately when the answer could not be posted, and leaves the private copy as it was", async () => {
    const asked = command("factcheck", "The US has about 9,000 troops in Syria.");
    discord.interaction(asked);
    const click = clickPost((await callbackFor(asked)).body.data!);
    discord.fake.failNext(`/webhooks/${APP_ID}/${String(click["token"])}`);
    discord.interaction(click);
    const notice = (await followUpTo(click, 1)).body;
    expect(notice.flags).toBe(64);
    expect(notice.embeds![0]!.description).toBe(NOT_POSTED_MESSAGE);
    expect(discord.logs.lines().some((line) => line["msg"] === "could not post an answer publicly")).toBe(true);
    expect(discord.fake.requests.some((r) => r.method === "PATCH" && r.path.includes(String(click["token"])))).toBe(false);
  });
});
