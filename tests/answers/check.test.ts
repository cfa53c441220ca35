// Fact-check mode through claims a reporter would write: at least 90% correct verdicts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { compareNumbers } from "../../src/answers/check/rules.js";
import type { Verdict } from "../../src/answers/types.js";
import { realEngine } from "../helpers/engine.js";

const engine = realEngine();
const set = parse(readFileSync(path.join(import.meta.dirname, "claims-set.yaml"), "utf8")) as Record<Verdict, string[]>;
const claims = (Object.entries(set) as [Verdict, string[]][]).flatMap(([verdict, texts]) => texts.map((text) => ({ text, verdict })));

describe("the claims set", () => {
  it("holds at least 60 claims, roughly a third of each verdict", () => {
    expect(claims.length).toBeGreaterThanOrEqual(60);
    for (const texts of Object.values(set)) expect(texts.length).toBeGreaterThanOrEqual(claims.length / 4);
  });

  it("gets at least 90% of verdicts right", () => {
    const wrong = claims.filter(({ text, verdict }) => engine.check(text).verdict !== verdict);
    const accuracy = 1 - wrong.length / claims.length;
    console.log(`fact-check: ${(accuracy * 100).toFixed(1)}% of ${claims.length} claims\n${wrong.map((w) => `  miss: ${w.verdict}: ${w.text}`).join("\n")}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });
});

describe("a verdict", () => {
  it.each([
    ["All of the US retaliatory strikes were in Syria.", "supported"],
    ["29 of the attacks were in Iraq.", "supported"],
    ["The US has about 9,000 troops in Syria.", "contradicted"],
    ["The attacks have mostly used one-way drones and rockets.", "supported"],
    ["Iran's supreme leader visited Washington.", "not_enough_info"],
  ] as const)("on %j is %s", (claim, verdict) => {
    expect(engine.check(claim).verdict).toBe(verdict);
  });

  it("never takes the words of what a fact rules out as stated (the militia official named no one, himself included)", () => {
    expect(engine.check("The official from the militia was identified by name.").verdict).not.toBe("supported");
    expect(engine.ask("Was the official from the militia identified by name?").answer).not.toMatch(/^Yes/);
  });

  it("leads with the verdict and states the deciding fact with its as-of date", () => {
    const result = engine.check("There were more attacks in Iraq than in Syria.");
    expect(result.explanation).toMatch(/^Contradicted: the claim says "There were more attacks in Iraq than in Syria"; according to the Pentagon, the source says 29 attacks in Iraq, and 32 attacks in Syria/);
    expect(result.explanation).toContain("(as of Nov. 17, 2023)");
    expect(result.citations[0]!.quote).toContain("29 were in Iraq and 32 in Syria");
  });

  it("says when a claim presents an attributed statement as settled fact", () => {
    expect(engine.check("There are fears inside the administration that stronger retaliation could spark deadlier attacks.").explanation).toContain(
      "Note: the source attributes this to the Biden administration; it is not stated as settled fact.",
    );
    expect(engine.check("According to the Biden administration, there are fears that stronger retaliation could spark deadlier attacks.").explanation).not.toContain("attributes this");
  });

  // Known regression: "US strikes" is read as the action "strike" by the United States; the
  // sources' strikes are each of another event, so the claim is left unsettled ("my sources don't
  // say that") instead of being supported, with the note, by pentagon-strike-rationale.
  it.fails("reads 'US strikes ...' as the strikes, not as the US striking (known regression)", () => {
    const result = engine.check("US strikes hit Revolutionary Guard sites to pressure Iran.");
    expect(result.factIds).toEqual(["pentagon-strike-rationale"]);
    expect(result.verdict).toBe("supported");
  });

  it("gives one verdict per claim and an overall one", () => {
    const result = engine.check("61 attacks, 29 of them in Syria");
    expect(result.claims.map((c) => c.verdict)).toEqual(["supported", "contradicted"]);
    expect(result.verdict).toBe("contradicted");
  });

  it("reads dates in a claim, and the order of events", () => {
    const result = engine.check("The attacks began on October 7.");
    expect(result.verdict).toBe("contradicted");
    expect(result.explanation).toContain("Oct. 17");
  });
});

describe("number tolerance", () => {
  it.each([
    [{ value: 900, qualifier: "about" }, { value: 900, qualifier: "about" }, "match"],
    [{ value: 950, qualifier: "exact" }, { value: 900, qualifier: "about" }, "match"],
    [{ value: 9000, qualifier: "about" }, { value: 900, qualifier: "about" }, "conflict"],
    [{ value: 60, qualifier: "exact" }, { value: 60, qualifier: "at_least" }, "match"],
    [{ value: 24, qualifier: "at_least" }, { value: 60, qualifier: "at_least" }, "match"],
    [{ value: 100, qualifier: "exact" }, { value: 60, qualifier: "at_least" }, "unknown"],
    [{ value: 20, qualifier: "exact" }, { value: 60, qualifier: "at_least" }, "conflict"],
    [{ value: 50, qualifier: "more_than" }, { value: 61, qualifier: "exact" }, "match"],
    [{ value: 61, qualifier: "more_than" }, { value: 61, qualifier: "exact" }, "conflict"],
    [{ value: 0.5, qualifier: "nearly" }, { value: 0.5, qualifier: "nearly" }, "match"],
    [{ value: 0.5, qualifier: "more_than" }, { value: 0.5, qualifier: "nearly" }, "conflict"],
  ] as const)("claim %j against source %j: %s", (claim, fact, outcome) => {
    expect(compareNumbers(claim, fact)).toBe(outcome);
  });
});
