// Adding a wording to a fact's questions changes that list and nothing else in the file.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { withPhrasing } from "../../src/review/add-phrasing.js";

const FILE = `# Facts about the troops. Keep each answer short.
topic: forces
title: US forces in Iraq and Syria
facts:
  - id: troop-levels
    questions:
      - What is the size of the US force in Iraq and Syria?   # the usual wording
      - How many American soldiers are there?
    answer: >-
      The US has about 2,000 troops in Iraq, under an agreement with the government in Baghdad,
      and about 900 in Syria.

  - id: flow-style
    questions: [Why?, Why not?]
    answer: Because.
`;

describe("adding a phrasing to a fact", () => {
  it("appends it after the list's last item, in its indentation, keeping comments, folding and blank lines", () => {
    const added = withPhrasing(FILE, "troop-levels", "troops in jordan?");
    expect(added.ok).toBe(true);
    const text = added.ok ? added.text : "";
    expect(text).toBe(FILE.replace("are there?\n", "are there?\n      - troops in jordan?\n"));
  });

  it("quotes a wording YAML would misread", () => {
    const added = withPhrasing(FILE, "troop-levels", "Troops: how many? #count");
    const parsed = parse(added.ok ? added.text : "") as { facts: Array<{ questions: string[] }> };
    expect(parsed.facts[0]!.questions.at(-1)).toBe("Troops: how many? #count");
  });

  it("adds to a list written [a, b] too", () => {
    const added = withPhrasing(FILE, "flow-style", "How come?");
    const parsed = parse(added.ok ? added.text : "") as { facts: Array<{ questions: string[] }> };
    expect(parsed.facts[1]!.questions).toEqual(["Why?", "Why not?", "How come?"]);
    expect(added.ok && added.text).toContain("# Facts about the troops.");
  });

  it.each([
    ["no-such-fact", "anything", 'has no fact "no-such-fact"'],
    ["troop-levels", "how many american soldiers are there?", "already lists"],
  ])("refuses fact %s with %j: %s", (factId, wording, problem) => {
    const added = withPhrasing(FILE, factId, wording);
    expect(added.ok).toBe(false);
    expect(added.ok ? "" : added.problem).toContain(problem);
  });
});
