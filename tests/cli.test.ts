// The CLI as a process, the way an editor or a script runs it.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
/** Runs a TypeScript entry point the way the npm scripts do: node with tsx's loader. */
const run = (args: string[], input?: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ["--import", "tsx", ...args], { cwd: root, input: input ?? "", encoding: "utf8", env: { ...process.env, FACTDESK_DB: scratchStore(), DOTENV_CONFIG_PATH: "/dev/null", ...env } });

/** A store of the test's own, never the project's var/factdesk.db. */
const scratchStore = () => path.join(mkdtempSync(path.join(tmpdir(), "factdesk-cli-")), "factdesk.db");

// Each test spawns real processes that build the engine: on a busy 2-core machine that takes seconds, and speed is the bench's business.
describe("factdesk", { timeout: 30_000 }, () => {
  it("asks a question and prints the answer, the sources and the as-of date", () => {
    const { stdout, status } = run(["src/cli.ts", "ask", "hw many us troops in sirya"]);
    expect(status).toBe(0);
    expect(stdout).toContain("about 900 in Syria");
    expect(stdout).toContain("As of Nov. 17, 2023.");
    expect(stdout).toMatch(/\[1\] The Associated Press, ".+", Nov\. 17, 2023\n {6}"The United States has about 2,000 American soldiers/);
  });

  it("prints one JSON line with --json, and a line per question with --jsonl", () => {
    const one = JSON.parse(run(["src/cli.ts", "ask", "--json", "why only syria"]).stdout);
    expect(one).toMatchObject({ status: "answered", factIds: ["why-only-syria"] });
    const lines = run(["src/cli.ts", "ask", "--jsonl"], "how many attacks\n\nwho is sudani\nhow many troops in kuwait\n").stdout.trim().split("\n");
    expect(lines.map((line) => JSON.parse(line).status)).toEqual(["answered", "no_answer", "answered", "no_answer"]);
  });

  it("gives one result per input line: a lone carriage return does not split a line, CRLF ends one", () => {
    const lines = run(["src/cli.ts", "ask", "--jsonl"], "who is sudani\rhow many troops\nhow many attacks\r\n").stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!)).toMatchObject({ status: "answered", factIds: ["attack-tally"] });
  });

  it("ends quietly, exit 0, when the reader closes its output (ask --jsonl | head -1)", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "ask", "--jsonl"], { cwd: root });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.stdin.on("error", () => undefined); // it may stop reading before we stop writing
    child.stdin.end("how many attacks\n".repeat(5000));
    await new Promise<void>((resolve) =>
      child.stdout.on("data", (chunk: Buffer) => {
        if (chunk.includes("\n")) {
          child.stdout.destroy(); // what head does after its first line
          resolve();
        }
      }),
    );
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  }, 20_000);

  it("says in one line that it could not write, exit 1, when the output device is full", () => {
    const full = openSync("/dev/full", "w");
    try {
      const { stderr, status } = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", "ask", "how many attacks"], { cwd: root, stdio: ["ignore", full, "pipe"], encoding: "utf8" });
      expect(status).toBe(1);
      expect(stderr.trim().split("\n")).toEqual(["factdesk: could not write the output: ENOSPC: no space left on device, write"]);
    } finally {
      closeSync(full);
    }
  });

  it("fact-checks a claim, readable and as JSON lines", () => {
    expect(run(["src/cli.ts", "check", "The US has about 9,000 troops in Syria."]).stdout).toMatch(/^Contradicted: /);
    const lines = run(["src/cli.ts", "check", "--jsonl"], "29 of the attacks were in Iraq.\nIran's supreme leader visited Washington.\n").stdout.trim().split("\n");
    expect(lines.map((line) => JSON.parse(line).verdict)).toEqual(["supported", "not_enough_info"]);
  });

  it("validates data/ and lists topics", () => {
    expect(run(["src/cli.ts", "validate"]).stdout).toMatch(/^data\/ is valid: 1 source\(s\), \d+ facts, \d+ entities\./);
    expect(run(["src/cli.ts", "topics"]).stdout).toContain("The US strikes in response");
  });

  it("exits 2 with usage on a bad command, and 1 naming the file on bad data", () => {
    const bad = run(["src/cli.ts", "frobnicate"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("unknown command");
    const missing = run(["src/cli.ts", "validate"], "", { FACTDESK_DATA_DIR: path.join(root, "tests") });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("problem");
  });

  it("answers piped questions through npm start's terminal chat and exits at end of input", () => {
    const { stdout, status } = run(["src/main.ts"], "how many attacks?\ncheck No US troops were injured\n", {
      SLACK_BOT_TOKEN: "",
      SLACK_APP_TOKEN: "",
      SLACK_SIGNING_SECRET: "",
      DISCORD_TOKEN: "",
      DISCORD_PUBLIC_KEY: "",
    });
    expect(status).toBe(0);
    expect(stdout).toContain("61 attacks");
    expect(stdout).toContain("Contradicted:");
  });

  it("keeps the conversation in the terminal chat: a follow-up is read against the last question", () => {
    const noPlatforms = { SLACK_BOT_TOKEN: "", SLACK_APP_TOKEN: "", SLACK_SIGNING_SECRET: "", DISCORD_TOKEN: "", DISCORD_PUBLIC_KEY: "" };
    for (const entry of [["src/main.ts"], ["src/cli.ts", "chat"]]) {
      const { stdout, status } = run(entry, "how many American soldiers are based in Iraq?\nand in Syria?\nsource?\n", noPlatforms);
      expect(status).toBe(0);
      expect(stdout).toContain("(Reading this as: how many American soldiers are based in Syria?)");
      expect(stdout.match(/about 900 in Syria/g)?.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("exits 1 with one line naming a malformed variable", () => {
    const { stderr, status } = run(["src/main.ts"], "", { SLACK_BOT_TOKEN: "xoxp-wrong", SLACK_APP_TOKEN: "xapp-1" });
    expect(status).toBe(1);
    expect(stderr.trim().split("\n")).toEqual(["factdesk: configuration error: SLACK_BOT_TOKEN must be the Bot User OAuth Token (xoxb- and the rest of the token)"]);
  });

  it("runs as the installed bin", () => {
    expect(execFileSync(path.join(root, "bin/factdesk.js"), ["ask", "who is al-sudani"], { cwd: root, encoding: "utf8" })).toContain("prime minister");
  });
});
