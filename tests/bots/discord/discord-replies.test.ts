// What a Discord reply shows, met as Discord meets it (the real discord.js, gateway payloads, the
// fake REST API): a fact check's short title and its verdict stated once, and the sources grouped,
// one field per source with its passages numbered under it, a claim of several naming its passages.
import { embedLength, type APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../../src/answers/engine.js";
import { createDesk } from "../../../src/bots/conversation.js";
import { DISCORD_LIMITS } from "../../../src/bots/discord/embeds.js";
import { startDiscordHarness, type DiscordHarness } from "../../helpers/discord-client.js";
import { realKnowledge, resources } from "../../helpers/engine.js";
import { commandData, interactionPayload, type RecordedRequest } from "../../helpers/fake-discord.js";
import { waitFor } from "../../helpers/wait-for.js";

type Body = { type?: number; data?: { embeds?: APIEmbed[] } };

const SOURCE_URL = "https://apnews.com/article/us-response-militia-attacks-iraq-syria";

let discord: DiscordHarness;
beforeAll(async () => {
  // The real data, its one source given a web address as an editor would in its metadata.
  const knowledge = realKnowledge();
  const sources = new Map([...knowledge.sources].map(([id, source]) => [id, { ...source, url: SOURCE_URL }]));
  discord = await startDiscordHarness({ desk: createDesk(createEngine({ ...knowledge, sources }, resources())) });
});
afterAll(async () => {
  await discord.stop();
});

async function embedFor(command: "ask" | "factcheck", text: string): Promise<APIEmbed> {
  const payload = interactionPayload("command", commandData(command, [{ name: command === "ask" ? "question" : "claim", type: 3, value: text }]));
  discord.interaction(payload);
  const callback = await waitFor(
    () => discord.fake.requests.find((r) => r.path.endsWith(`/interactions/${String(payload["id"])}/${String(payload["token"])}/callback`)) as (RecordedRequest & { body: Body }) | undefined,
    "the callback",
  );
  const embed = callback.body.data!.embeds![0]!;
  expect(embedLength(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  return embed;
}

/** Everything the embed says, as one text. */
const shown = (embed: APIEmbed) => [embed.title, embed.description, ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]), embed.footer?.text].join("\n");
const VERDICTS = /Supported|Contradicted|Not enough info/g;

describe("a Discord fact check", () => {
  it("is titled 'Fact check', quotes the claim, and states its verdict once", async () => {
    const embed = await embedFor("factcheck", "The US has about 9,000 troops in Syria.");
    expect(embed.title).toBe("Fact check");
    expect(embed.description).toMatch(/^> The US has about 9,000 troops in Syria\.\nContradicted: /);
    expect(shown(embed).match(VERDICTS)).toEqual(["Contradicted"]);
  });

  it("words a claim the sources don't settle 'Not enough info', the one way it is worded", async () => {
    const embed = await embedFor("factcheck", "The moon is made of cheese.");
    expect(embed.title).toBe("Fact check");
    expect(shown(embed).match(VERDICTS)).toEqual(["Not enough info"]);
    expect(shown(embed)).not.toMatch(/information/i);
  });

  it("titles a check of two claims 'Fact check · 2 claims', a field each, naming the numbered passages each rests on", async () => {
    const embed = await embedFor("factcheck", "The US has about 2,500 troops in Iraq and the moon is made of cheese.");
    expect(embed.title).toBe("Fact check · 2 claims");
    const [first, second, source, ...rest] = embed.fields!;
    expect(rest).toEqual([]);
    expect(first!.name).toBe('1. "The US has about 2,500 troops in Iraq"');
    expect(first!.value).toMatch(/^Contradicted: .*2,000 troops in Iraq.*\n\*Passage \[1\]\*$/);
    expect(second!.name).toBe('2. "the moon is made of cheese"');
    expect(second!.value).toMatch(/^Not enough info: /);
    expect(second!.value).not.toMatch(/Passage/);
    expect(source!.value).toMatch(/\n> \*\*\[1\]\*\* The United States has about 2,000 American soldiers in Iraq/);
    // The overall verdict once, and each claim's once.
    expect(shown(embed).match(VERDICTS)).toEqual(["Contradicted", "Contradicted", "Not enough info"]);
  });
});

describe("the sources under a Discord reply", () => {
  it("are one field per source, the source's title a link to it, its passages numbered under it", async () => {
    const embed = await embedFor("ask", "how many attacks?");
    expect(embed.fields).toHaveLength(1);
    const [source] = embed.fields!;
    expect(source!.name).toBe("The Associated Press · Nov. 17, 2023");
    const lines = source!.value.split("\n");
    expect(lines[0]).toBe(`[How the US strikes a delicate balance in responding to attacks on its forces by Iran-backed militias](${SOURCE_URL})`);
    expect(lines.slice(1).map((line) => /^> \*\*\[(\d+)\]\*\* /.exec(line)?.[1])).toEqual(["1", "2"]);
    expect(source!.value.match(/The Associated Press/g)).toBeNull();
  });
});
