// Grouping a reply's passages by source, as every front end shows them.
import { describe, expect, it } from "vitest";
import type { CitationView } from "../../src/answers/types.js";
import { groupBySource, passageNumbers } from "../../src/bots/sources.js";

const cite = (sourceId: string, quote: string): CitationView => ({ sourceId, publisher: "The Associated Press", title: `Story ${sourceId}`, published: "2023-11-17", quote });

describe("passages grouped by source", () => {
  it("gives each source one heading (in the order first cited), numbers passages as shown, and quotes each passage once", () => {
    const groups = groupBySource([cite("a", "first"), cite("b", "second"), cite("a", "third"), cite("a", "first")]);
    expect(groups.map((group) => [group.sourceId, group.passages])).toEqual([
      ["a", [{ number: 1, quote: "first" }, { number: 2, quote: "third" }]],
      ["b", [{ number: 3, quote: "second" }]],
    ]);
    expect(groups[0]).not.toHaveProperty("quote");
  });

  it("tells which numbered passages a claim's citations are", () => {
    const groups = groupBySource([cite("a", "first"), cite("b", "second"), cite("a", "third")]);
    expect(passageNumbers(groups, [cite("a", "third"), cite("b", "second"), cite("a", "third")])).toEqual([2, 3]);
    expect(passageNumbers(groups, [cite("c", "elsewhere")])).toEqual([]);
  });
});
