// Splitting mrkdwn into sections: a block quote cut mid-line goes on quoted, an escape is never cut.
import { describe, expect, it } from "vitest";
import { blockQuote, splitText } from "../../../src/bots/slack/mrkdwn.js";

describe("splitText", () => {
  it("goes on with the quote marker when it cuts a quoted line", () => {
    const quoted = `*Heading*\n${blockQuote("word ".repeat(60).trim())}`;
    const pieces = splitText(quoted, 100);
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces.slice(1)) expect(piece).toMatch(/^>word/);
    expect(pieces.every((piece) => piece.length <= 100)).toBe(true);
    expect(pieces.join(" ").replace(/ >/g, " ").replace(/\s+/g, " ")).toBe(quoted.replace(/\s+/g, " "));
  });

  it("adds no marker to text that is not quoted, or when it cuts at a line break", () => {
    expect(splitText("word ".repeat(60).trim(), 100).slice(1).some((piece) => piece.startsWith(">"))).toBe(false);
    const lines = [">".padEnd(60, "a"), ">".padEnd(60, "b")].join("\n");
    expect(splitText(lines, 80)).toEqual([">".padEnd(60, "a"), ">".padEnd(60, "b")]);
  });

  it("never cuts inside an escape", () => {
    for (const piece of splitText(`${"x".repeat(97)}&amp;${"y".repeat(50)}`, 100)) expect(piece).not.toMatch(/&(a|am|amp)?$/);
  });
});
