// Fitting a reply within what Slack accepts of a message: 50 blocks, 3,000 characters a section,
// and about 12,000 characters of text in all. The tail (as-of line, buttons) always stays, the lead
// (the answer) stays whole unless it alone is too long, and passages are shown whole, in order,
// until the room runs out, with a note saying how many were left out. Pure.
import type { types } from "@slack/bolt";
import { clip } from "../clip.js";
import { escapeText, SLACK_LIMITS, splitText } from "./mrkdwn.js";

type Block = types.KnownBlock;

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export const MESSAGE_BUDGET = Object.freeze({
  /** Text in all: under Slack's ~12,000 (messageText), since Slack counts the blocks' structure too. */
  text: 10_000,
  /** Kept for the passages when an answer alone would fill the message: a cut answer still shows a source. */
  sourcesReserve: 1_500,
  /** Kept for the "…and 3 more passages not shown." note. */
  note: 60,
});

/** One source's heading and its passages, as mrkdwn: each passage already quoted and numbered. */
export interface SourceText {
  heading: string;
  passages: string[];
}

/** The plain `text` beside the blocks (notifications, screen readers): the lines given, escaped and cut to fit. */
export function fallbackText(lines: readonly string[]): string {
  return clip(escapeText(lines.filter(Boolean).join("\n")), SLACK_LIMITS.fallbackText);
}

export function section(mrkdwn: string): Block {
  return { type: "section", text: { type: "mrkdwn", text: mrkdwn || " ", verbatim: true } };
}

export function sections(mrkdwn: string): Block[] {
  return splitText(mrkdwn).map(section);
}

export function context(mrkdwn: string): Block {
  return { type: "context", elements: [{ type: "mrkdwn", text: clip(mrkdwn, SLACK_LIMITS.sectionText), verbatim: true }] };
}

/** The characters of text in blocks: every `text` and `value` string, which is what Slack counts toward its limit. */
export function textLength(blocks: readonly unknown[]): number {
  let total = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === "string") total += key === "text" || key === "value" ? value.length : 0;
      else walk(value);
    }
  };
  walk(blocks);
  return total;
}

export interface MessageParts {
  lead: Block[];
  sources: readonly SourceText[];
  tail: Block[];
  /** Show at most this many passages (a brief reply shows one); the note counts the rest. */
  mostPassages?: number;
}

export function fitMessage(parts: MessageParts, text: string): SlackMessage {
  const total = parts.sources.reduce((count, source) => count + source.passages.length, 0);
  const roomBlocks = SLACK_LIMITS.blocksPerMessage - parts.tail.length;
  const roomText = MESSAGE_BUDGET.text - textLength(parts.tail);
  // Room for at least one source section and the note, when there are passages to show.
  const lead = within(parts.lead, roomBlocks - (total > 0 ? 2 : 0), roomText - (total > 0 ? MESSAGE_BUDGET.sourcesReserve : 0));
  const body = layOut(parts.sources, Math.min(parts.mostPassages ?? total, total), {
    blocks: roomBlocks - lead.length - 1,
    text: roomText - textLength(lead) - MESSAGE_BUDGET.note,
  });
  const left = total - body.shown;
  const note = left > 0 ? [context(`…and ${left} more passage${left === 1 ? "" : "s"} not shown.`)] : [];
  return { text, blocks: [...lead, ...body.blocks.map(section), ...note, ...parts.tail] };
}

/** The blocks in order while they fit; the one that overflows the text is cut, and nothing after it is kept. */
function within(blocks: readonly Block[], maxBlocks: number, maxText: number): Block[] {
  const kept: Block[] = [];
  let used = 0;
  for (const block of blocks.slice(0, Math.max(0, maxBlocks))) {
    const size = textLength([block]);
    if (used + size <= maxText) {
      kept.push(block);
      used += size;
      continue;
    }
    if (block.type === "section" && block.text && maxText - used > 1) kept.push(section(cut(block.text.text, maxText - used)));
    break;
  }
  return kept;
}

/** At most `limit` characters, ending in an ellipsis, never inside an escape. */
function cut(mrkdwn: string, limit: number): string {
  return `${splitText(mrkdwn, limit - 1)[0]}…`;
}

/**
 * Section texts holding the first `most` passages that fit, each source starting a new section
 * under its heading (given once), and how many passages are shown. A first passage too long for
 * all the room is shown cut, so an answer never loses every source to one long quote.
 */
function layOut(sources: readonly SourceText[], most: number, room: { blocks: number; text: number }): { blocks: string[]; shown: number } {
  let texts: string[] = [];
  let shown = 0;
  const size = (pieces: string[]) => pieces.reduce((sum, piece) => sum + piece.length, 0);
  outer: for (const source of sources) {
    for (const [i, passage] of source.passages.entries()) {
      if (shown >= most) break outer;
      const next = i === 0 ? [...texts, ...splitText(`${source.heading}\n${passage}`)] : appended(texts, passage);
      if (next.length > room.blocks || size(next) > room.text) break outer;
      texts = next;
      shown += 1;
    }
  }
  const first = sources[0];
  if (shown === 0 && most > 0 && first && room.blocks >= 1 && room.text > first.heading.length + 100) {
    return { blocks: [cut(`${first.heading}\n${first.passages[0] ?? ""}`, Math.min(room.text, SLACK_LIMITS.sectionText))], shown: 1 };
  }
  return { blocks: texts, shown };
}

/** The passage added to the last section if it fits there, else in sections of its own. */
function appended(texts: readonly string[], passage: string): string[] {
  const last = texts.at(-1);
  if (last !== undefined && last.length + 1 + passage.length <= SLACK_LIMITS.sectionText) return [...texts.slice(0, -1), `${last}\n${passage}`];
  return [...texts, ...splitText(passage)];
}
