// The editors' review as an editor meets it: FactDesk started with no configuration, questions
// asked in the terminal chat, then `factdesk review` and `--add-phrasing`, all as processes, on a
// copy of data/ so the real files are never touched.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReviewReport } from "../../src/review/review-report.js";

const root = path.resolve(import.meta.dirname, "../..");
let env: NodeJS.ProcessEnv;
let dataDir: string;

const run = (args: string[], input = "") =>
  spawnSync(process.execPath, ["--import", "tsx", ...args], { cwd: root, input, encoding: "utf8", env: { ...process.env, ...env } });

/** Refused by today's engine (the fact it is nearest to says nothing of "home") until a fact lists it. */
const BRING_HOME = "Is America bringing its soldiers home from Iraq?";

beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), "factdesk-review-"));
  dataDir = path.join(dir, "data");
  cpSync(path.join(root, "data"), dataDir, { recursive: true });
  // Only the store and the data directory are set: `npm start` with no platform configured.
  env = { FACTDESK_DB: path.join(dir, "var", "factdesk.db"), FACTDESK_DATA_DIR: dataDir, DOTENV_CONFIG_PATH: "/dev/null", SLACK_BOT_TOKEN: "", DISCORD_TOKEN: "", DISCORD_PUBLIC_KEY: "", FACTDESK_SALT: "" };
  const chat = run(["src/main.ts"], [BRING_HOME, "is america bringing soldiers home from iraq", BRING_HOME.toLowerCase(), "how many attacks?", "How many US troops are in Jordan?", "check Iran paid the militias $5 million"].join("\n"));
  expect(chat.status).toBe(0);
  expect(chat.stdout).toContain("61 attacks");
}, 60_000);

describe("factdesk review", { timeout: 60_000 }, () => {
  it("lists the refused questions since a date, the same question in other words as one group, with the nearest facts", () => {
    const { stdout, status } = run(["src/cli.ts", "review", "--since", "7d"]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Refused or voted 👎 since .+: 5 asks in 3 groups\./);
    expect(stdout).toMatch(/q[0-9a-f]{6} {2}3 questions: 3 refused, 0 👎/);
    expect(stdout).toContain(`"${BRING_HOME}" ×2`);
    expect(stdout).toContain(`"is america bringing soldiers home from iraq"`);
    expect(stdout).toMatch(/c[0-9a-f]{6} {2}1 claim: 1 refused/);
    expect(stdout).toMatch(/nearest facts:\n {4}0\.\d\d {2}[a-z-]+ {2}\(/);
    expect(stdout).not.toContain("how many attacks?");
  });

  it("gives the same groups as JSON, and nothing for a window with no asks", () => {
    const report = JSON.parse(run(["src/cli.ts", "review", "--json"]).stdout) as ReviewReport;
    const group = report.groups.find((g) => g.wordings[0]!.text === BRING_HOME)!;
    expect(group).toMatchObject({ kind: "ask", count: 3, refused: 3, downVotes: 0, now: { status: "no_answer" } });
    expect(group.nearestFacts.length).toBeGreaterThan(0);
    expect(group.nearestFacts[0]!.score).toBeGreaterThan(0);
    const future = run(["src/cli.ts", "review", "--since", "2999-01-01"]);
    expect(future.stdout).toMatch(/0 asks in 0 groups\. Nothing to review\./);
  });

  it("adds a group's wording to a fact's questions, keeping the file's comments and layout, and the next ask answers it", () => {
    const report = JSON.parse(run(["src/cli.ts", "review", "--json"]).stdout) as ReviewReport;
    const group = report.groups.find((g) => g.wordings[0]!.text === BRING_HOME)!;
    const file = path.join(dataDir, "facts", "forces.yaml");
    const before = readFileSync(file, "utf8");
    const added = run(["src/cli.ts", "review", "--add-phrasing", group.id, "why-stay-in-iraq"]);
    expect(added.stderr).toBe("");
    expect(added.status).toBe(0);
    expect(added.stdout).toContain(`Added "${BRING_HOME}" to the questions of why-stay-in-iraq in data/facts/forces.yaml.`);
    expect(added.stdout).toContain("is answered from why-stay-in-iraq");
    const after = readFileSync(file, "utf8");
    const addedLines = after.split("\n").filter((line, i, lines) => lines.length > before.split("\n").length && !before.split("\n").includes(line));
    expect(addedLines).toEqual([`      - ${BRING_HOME}`]);
    expect(after.replace(`      - ${BRING_HOME}\n`, "")).toBe(before);
    const asked = JSON.parse(run(["src/cli.ts", "ask", "--json", BRING_HOME]).stdout) as { status: string; factIds: string[] };
    expect(asked).toMatchObject({ status: "answered", factIds: ["why-stay-in-iraq"] });
    expect(run(["src/cli.ts", "review"]).stdout).toContain("now answered from why-stay-in-iraq");
  });

  it("refuses, changing nothing, an unknown group, an unknown fact, a wording the fact has, and bad usage", () => {
    const report = JSON.parse(run(["src/cli.ts", "review", "--json"]).stdout) as ReviewReport;
    const jordan = report.groups.find((g) => g.wordings[0]!.text.includes("Jordan"))!;
    const before = readFileSync(path.join(dataDir, "facts", "forces.yaml"), "utf8");
    const cases: Array<[string[], number, RegExp]> = [
      [["review", "--add-phrasing", "q000000", "troop-levels"], 1, /no group "q000000"/],
      [["review", "--add-phrasing", jordan.id, "no-such-fact"], 1, /no fact "no-such-fact"/],
      [["review", "--add-phrasing", report.groups.find((g) => g.wordings[0]!.text === BRING_HOME)!.id, "why-stay-in-iraq"], 1, /already lists/],
      [["review", "--add-phrasing", jordan.id], 2, /usage: factdesk review --add-phrasing <group> <fact-id>/],
      [["review", "--since", "last tuesday"], 2, /--since takes a date/],
    ];
    for (const [args, code, message] of cases) {
      const result = run(["src/cli.ts", ...args]);
      expect(result.status, args.join(" ")).toBe(code);
      expect(result.stderr).toMatch(message);
    }
    expect(readFileSync(path.join(dataDir, "facts", "forces.yaml"), "utf8")).toBe(before);
  });

  it("stops with one line naming the variable when the store can't be opened", () => {
    const notADatabase = path.join(dataDir, "lexicon.yaml");
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", "review"], { cwd: root, encoding: "utf8", env: { ...process.env, ...env, FACTDESK_DB: notADatabase } });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([`factdesk: configuration error: FACTDESK_DB ${notADatabase} cannot be opened: file is not a database`]);
  });
});
