// An embed's fields: a reply's sources (one field per source, its passages numbered under it, as
// ../sources.ts groups and numbers them) and the fitting of any fields into Discord's limits,
// with a last field saying what was left out. Pure; measured with discord.js's own embedLength.
import { embedLength, escapeMarkdown, type APIEmbed, type APIEmbedField } from "discord.js";
import { apDate } from "../../answers/ap-date.js";
import { clip } from "../clip.js";
import type { Passage, SourceGroup } from "../sources.js";
import { DISCORD_LIMITS } from "./limits.js";

/** A field, and what it shows: what the "not shown" note counts when it is left out. */
export interface EmbedField extends APIEmbedField {
  shows?: { passages?: number; claims?: number };
}

/** A source's title shows at most this much: the passages are what the field is for. */
const TITLE_CHARS = 200;

/** The passage marker a claim's "Passages [1], [3]" points to. */
export const passageMark = (number: number) => `[${number}]`;

/**
 * One field per source: its publisher and date as the name; its title (a link when the source
 * has a URL) and its numbered passages as the value. A source whose passages don't fit one
 * field's 1,024 characters goes on in another under the same heading, marked "continued".
 */
export function sourceFields(groups: readonly SourceGroup[]): EmbedField[] {
  return groups.flatMap((group) => {
    const name = `${group.publisher} · ${apDate(group.published)}`;
    const heading = sourceHeading(group);
    const room = DISCORD_LIMITS.fieldValue - heading.length - 1;
    const packed: Passage[][] = [];
    let length = heading.length;
    for (const passage of group.passages) {
      const line = passageLine(passage, room);
      if (packed.length === 0 || length + 1 + line.length > DISCORD_LIMITS.fieldValue) {
        packed.push([]);
        length = heading.length;
      }
      packed.at(-1)!.push(passage);
      length += 1 + line.length;
    }
    return packed.map((passages, i) => ({
      name: clip(i === 0 ? name : `${name} (continued)`, DISCORD_LIMITS.fieldName),
      value: [heading, ...passages.map((passage) => passageLine(passage, room))].join("\n"),
      shows: { passages: passages.length },
    }));
  });
}

/** The source's title, in italics, or as a link to the source when it has a web address. */
function sourceHeading(group: SourceGroup): string {
  const title = clip(escapeMarkdown(group.title), TITLE_CHARS);
  if (!group.url || !/^https?:\/\//i.test(group.url)) return `*${title}*`;
  // In a masked link the text may hold no bare brackets and the address no bare parenthesis.
  return `[${title.replace(/[[\]]/g, "\\$&")}](${group.url.replace(/[()\s]/g, encodeURIComponent)})`;
}

/** A numbered passage, quoted, cut to `room` characters. */
function passageLine(passage: Passage, room: number): string {
  return clip(`> **${passageMark(passage.number)}** ${escapeMarkdown(passage.quote).replace(/\n/g, "\n> ")}`, room);
}

/**
 * Keeps an embed within 25 fields and 6,000 characters in total: fields are dropped from the end,
 * with a last field saying how many passages (or claims) were left out, then the description is
 * cut if still needed.
 */
export function fitEmbed(embed: APIEmbed, fields: readonly EmbedField[] = embed.fields ?? []): APIEmbed {
  const plain = (field: EmbedField): APIEmbedField => ({ name: field.name, value: field.value, ...(field.inline ? { inline: true } : {}) });
  const kept = [...fields];
  const dropped: EmbedField[] = [];
  const build = () => ({ ...embed, fields: [...kept.map(plain), ...(dropped.length ? [leftOutNote(dropped)] : [])] });
  let fitted: APIEmbed = build();
  while (kept.length > 0 && (fitted.fields!.length > DISCORD_LIMITS.fields || embedLength(fitted) > DISCORD_LIMITS.embedTotal)) {
    dropped.unshift(kept.pop()!);
    fitted = build();
  }
  const over = embedLength(fitted) - DISCORD_LIMITS.embedTotal;
  if (over > 0 && fitted.description) fitted = { ...fitted, description: clip(fitted.description, fitted.description.length - over) };
  return fitted;
}

/** "…and 2 more claims and 5 more passages not shown." */
function leftOutNote(dropped: readonly EmbedField[]): APIEmbedField {
  const count = (what: "passages" | "claims") => dropped.reduce((sum, field) => sum + (field.shows?.[what] ?? 0), 0);
  const plural = (n: number, one: string) => `${n} more ${one}${n === 1 ? "" : "s"}`;
  const parts = [count("claims") && plural(count("claims"), "claim"), count("passages") && plural(count("passages"), "passage")].filter(Boolean);
  return { name: "Not shown", value: `…and ${parts.length ? parts.join(" and ") : `${dropped.length} more`} not shown.` };
}
