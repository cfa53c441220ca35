// Two FactDesk processes on one store, as behind a load balancer: each `npm start` (src/main.ts) in
// Slack HTTP mode on its own port, both on one database and one salt, answering one fake Slack.
// A retry that lands on the other process is answered once; the rate limit holds across both; and
// conversation context written by one process is read by another.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USER_RATE_LIMIT } from "../src/bots/rate-limit.js";
import { BOT_USER_ID, commandForm, eventEnvelope, sendToApp, SIGNING_SECRET, startFakeSlack, type FakeSlack } from "./helpers/fake-slack.js";
import { DATABASES, openTestStore, TEST_SALT, type TestDatabase } from "./helpers/stores.js";
import { pause, waitFor } from "./helpers/wait-for.js";

const root = path.resolve(import.meta.dirname, "..");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Instance {
  child: ChildProcess;
  eventsUrl: string;
  output: () => string;
}

async function startInstance(database: TestDatabase, fake: FakeSlack): Promise<Instance> {
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      DOTENV_CONFIG_PATH: "/dev/null",
      LOG_LEVEL: "info",
      SLACK_BOT_TOKEN: "xoxb-2222-3333-twoprocesses",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      FACTDESK_SALT: TEST_SALT,
      ...database.env,
    },
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  await waitFor(() => (output.includes("FactDesk is serving") ? true : child.exitCode !== null ? (() => { throw new Error(output); })() : undefined), "FactDesk to start", 30_000);
  return { child, eventsUrl: `http://127.0.0.1:${port}/slack/events`, output: () => output };
}

describe.each(DATABASES)("two FactDesk processes on %s", (_name, makeDatabase) => {
  let database: TestDatabase;
  let fake: FakeSlack;
  let instances: Instance[] = [];

  beforeAll(async () => {
    database = await makeDatabase();
    fake = await startFakeSlack();
    // One after the other, as a rolling deploy starts them; the first runs the migrations.
    instances.push(await startInstance(database, fake));
    instances.push(await startInstance(database, fake));
  }, 90_000);
  afterAll(async () => {
    for (const { child } of instances) child.kill("SIGTERM");
    await Promise.all(instances.map(({ child }) => (child.exitCode === null ? new Promise((resolve) => child.once("exit", resolve)) : undefined)));
    instances = [];
    await fake?.close();
    await database?.drop();
  }, 30_000);

  it("answers a Slack retry delivered to the other process once", async () => {
    const [a, b] = instances as [Instance, Instance];
    for (const [first, second, channel] of [[a, b, "CRETRYAB"], [b, a, "CRETRYBA"]] as const) {
      const ts = `${Math.floor(Date.now() / 1000)}.000100`;
      const body = eventEnvelope({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> how many attacks in Iraq?`, ts, channel, event_ts: ts });
      expect((await sendToApp(first.eventsUrl, body, "application/json")).status).toBe(200);
      expect((await sendToApp(second.eventsUrl, body, "application/json", { retryNum: 1 })).status).toBe(200);
      await waitFor(() => fake.calls.find((call) => call.method === "chat.postMessage" && call.args["channel"] === channel), "the answer");
      // Both arrive within milliseconds, so either process may win the claim; the other drops its copy.
      const dropped = `"delivery":"slack:event:${(JSON.parse(body) as { event_id: string }).event_id}"`;
      await waitFor(() => (first.output().includes(dropped) || second.output().includes(dropped) ? true : undefined), "a process's log of the dropped retry", 10_000);
      await pause(200);
      expect(fake.calls.filter((call) => call.method === "chat.postMessage" && call.args["channel"] === channel)).toHaveLength(1);
    }
  }, 30_000);

  it("holds one rate limit across both processes", async () => {
    const asked = USER_RATE_LIMIT.requests + 4;
    for (let i = 0; i < asked; i++) {
      const instance = instances[i % 2]!;
      await sendToApp(instance.eventsUrl, commandForm("/factdesk", "how many attacks?", fake.responseUrl(`limit-${i}`), "UEAGER"), "application/x-www-form-urlencoded");
    }
    const replies = await waitFor(() => {
      const got = fake.responses.filter((r) => r.id.startsWith("limit-"));
      return got.length === asked ? got : undefined;
    }, "every reply", 20_000);
    const limited = replies.filter((r) => String(r.body["text"]).includes("faster than I can keep up"));
    expect(replies.length - limited.length).toBe(USER_RATE_LIMIT.requests);
    expect(limited).toHaveLength(4);
  }, 30_000);

  it("shares conversation context: what one process keeps, another process reads", async () => {
    const key = "TNEWSROOM:CNEWSDESK:1700000000.000100";
    const script = `
      import { openTestStore } from "./tests/helpers/stores.ts";
      const store = await openTestStore(${JSON.stringify(database)});
      await store.conversations().set(${JSON.stringify(key)}, { lastFacts: ["attack-tally"], turn: 1 });
      await store.close();`;
    // Asynchronously: PGlite's server runs in this test's process and must keep serving meanwhile.
    const writer = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root });
    let stderr = "";
    writer.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    expect(await new Promise((resolve) => writer.once("exit", resolve))).toBe(0);
    expect(stderr).toBe("");
    const reader = await openTestStore(database);
    try {
      expect(await reader.conversations().get(key)).toEqual({ lastFacts: ["attack-tally"], turn: 1 });
    } finally {
      await reader.close();
    }
  }, 30_000);
});
