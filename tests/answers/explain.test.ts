// `factdesk ask --explain` and `check --explain`, as an editor runs them: what was understood, the
// candidates with every factor of the score, and the rule that decided. As a process, then the
// figures it prints held to the score's formula.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ABSTENTION_RULES } from "../../src/answers/abstain.js";
import { CHECK_RULES } from "../../src/answers/check/rules.js";
import { ENGINE_CONFIG } from "../../src/answers/config.js";
import { realEngine } from "../helpers/engine.js";

const root = path.resolve(import.meta.dirname, "../..");
/** Runs the CLI as the npm scripts do; resolves with its output, and rejects on a non-zero exit. */
const factdesk = (...args: string[]) => promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], { cwd: root, encoding: "utf8" });
const engine = realEngine();

// The two processes run side by side: each spends most of its time starting up (a couple of
// seconds on a 2-core machine, more when it is busy: hence the longer timeout).
describe.concurrent("the CLI", { timeout: 20_000 }, () => {
  it("ask --explain prints what it understood, the candidates and the rule that refused the question", async () => {
    const { stdout, stderr } = await factdesk("ask", "--explain", "What is the weather in Baghdad?");
    expect(stderr).toBe("");
    expect(stdout).toContain("Understood:\n  type: what\n  names: Baghdad\n");
    expect(stdout).toMatch(/^ {4}weather: not in the knowledge base \(\d+% of the question\); may stand for /m);
    expect(stdout).toContain("Candidates (score = recall x (0.4 + 0.6 x phrasing) x names x type x measure):");
    expect(stdout).toContain("-- turned down: focus-not-covered (weather)");
    expect(stdout).toContain(`Decision:\n  not answered, rule focus-not-covered: ${ABSTENTION_RULES["focus-not-covered"]} (weather)\n`);
  });

  it("check --explain prints the claim's slots, the facts compared, every finding and the rule that decided", async () => {
    const { stdout, stderr } = await factdesk("check", "--explain", "Hamas raided Israel on Oct. 9.");
    expect(stderr).toBe("");
    expect(stdout).toContain('Claim 1 of 1: "Hamas raided Israel on Oct. 9."');
    expect(stdout).toContain("  names: Hamas, Israel\n  date: October 9\n  action: raid; by Hamas; to Israel\n");
    expect(stdout).toMatch(/^Facts compared: october-7\b/m);
    expect(stdout).toContain(`  date (${CHECK_RULES.date}): conflict [october-7] -- claim: Oct. 9; source: `);
    expect(stdout).toContain("Verdict: contradicted, by the date rule");
  });
});

describe("the figures --explain prints", () => {
  const CANDIDATE = /^ {2}([a-z0-9-]+): ([\d.]+) = recall ([\d.]+), phrasing ([\d.]+), names ([\d.]+), type ([\d.]+), measure ([\d.]+)/gm;

  it.each([
    "How many US strikes have hit Syria?",
    "Who is behind the attacks on Al-Tanf?",
    "What did the pullout of US garrisons cost?",
    "Did the Nov. 8 strike use drones?",
  ])("for %j: each candidate's score is its factors combined, best first", (question) => {
    const explained = engine.explain(question);
    const rows = [...explained.matchAll(CANDIDATE)].map((match) => match.slice(1));
    expect(rows.length).toBeGreaterThan(0);
    const scores: number[] = [];
    for (const [factId, score, recall, phrasing, names, type, measure] of rows) {
      expect(engine.knowledge.facts.some((fact) => fact.id === factId)).toBe(true);
      const combined = Number(recall) * (ENGINE_CONFIG.phrasingBase + (1 - ENGINE_CONFIG.phrasingBase) * Number(phrasing)) * Number(names) * Number(type) * Number(measure);
      // Each factor is printed to two places: the product may be off by their rounding.
      expect(Math.abs(combined - Number(score))).toBeLessThan(0.02);
      scores.push(Number(score));
    }
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("names the fact it answered with, and the shares of the question's words add up to the whole", () => {
    const explained = engine.explain("Which bases were hit in October 2023?");
    expect(explained).toMatch(/Decision:\n {2}answered with initial-attacks \(score [\d.]+\)$/);
    const shares = [...explained.matchAll(/(\d+)% of the question/g)].map((match) => Number(match[1]));
    expect(shares.length).toBeGreaterThan(1);
    expect(Math.abs(shares.reduce((sum, share) => sum + share, 0) - 100)).toBeLessThanOrEqual(shares.length);
  });

  it("says when it asks which was meant", () => {
    expect(engine.explain("Tell me about Iraq")).toMatch(/Decision:\n {2}clarify between [a-z0-9-]+, [a-z0-9-]+.*: the runner-up is within the clarify ratio of the best$/);
  });
});
