// Grouping what people asked: the same question in other words is one group; different questions,
// and claims beside questions, are not.
import { describe, expect, it } from "vitest";
import { groupQuestions } from "../../src/review/group-questions.js";
import type { ReviewedAsk } from "../../src/store/review-queries.js";
import { realEngine } from "../helpers/engine.js";

const stopwords = new Set(realEngine().knowledge.lexicon.stopwords);
let n = 0;
const asked = (text: string, extra: Partial<ReviewedAsk> = {}): ReviewedAsk => ({
  askId: `ask-${++n}`,
  askedAt: 1_700_000_000_000 + n,
  platform: "slack",
  kind: "ask",
  text,
  outcome: "no_answer",
  factIds: [],
  confidence: 0.1,
  downVotes: 0,
  reasons: [],
  ...extra,
});
const groupsOf = (texts: string[]) => groupQuestions(texts.map((text) => asked(text)), stopwords).map((group) => group.wordings.map((w) => w.text));

describe("grouping the questions to review", () => {
  it.each([
    [["How many US troops are in Jordan?", "how many troops in jordan", "troops in Jordan??"], 1],
    [["When did the attacks start?", "Why did the attacks start?"], 2],
    [["Who is Sabrina Singh?", "who's sabrina singh", "What is Tower 22?"], 2],
    [["Is the US going to pull its troops out of Iraq?", "is the us going to pull troops out of iraq"], 1],
  ])("reads %j as %i group(s)", (texts, groups) => {
    expect(groupsOf(texts)).toHaveLength(groups);
  });

  it("counts the same wording (case, spacing and end punctuation aside) once, most asked first, and leads with it", () => {
    const groups = groupsOf(["troops in jordan", "How many US troops are in Jordan?", "how many US troops are in  Jordan", "How many US troops are in Jordan?"]);
    expect(groups).toEqual([["How many US troops are in Jordan?", "troops in jordan"]]);
  });

  it("keeps claims apart from questions, totals refusals, votes and reasons, and gives stable ids", () => {
    const asks = [
      asked("how many attacks in Jordan", { outcome: "no_answer" }),
      asked("how many attacks in Jordan", { outcome: "answered", downVotes: 2, reasons: ["wrong country"] }),
      asked("how many attacks in Jordan", { kind: "check", outcome: "not_enough_info" }),
    ];
    const groups = groupQuestions(asks, stopwords);
    expect(groups.map((g) => [g.kind, g.count, g.refused, g.downVotes, g.reasons])).toEqual([
      ["ask", 2, 1, 2, ["wrong country"]],
      ["check", 1, 1, 0, []],
    ]);
    expect(groups[0]!.id).toMatch(/^q[0-9a-f]{6}$/);
    expect(groups[1]!.id).toMatch(/^c[0-9a-f]{6}$/);
    expect(groupQuestions([...asks].reverse(), stopwords).map((g) => g.id)).toEqual(groups.map((g) => g.id));
  });
});
