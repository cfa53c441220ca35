// npm run soak: FactDesk's Slack app as operators run it (src/main.ts in HTTP mode, its own
// process) under load from this one, against the local fake of Slack's Web API, all on loopback.
//   1. 3,000 signed @mentions, 50 in flight at a time: the share acknowledged (HTTP 200) within
//      Slack's 3 seconds, and how many answers each mention got (exactly one is right).
//   2. More, up to 30,000 requests in all, every tenth a retry of an earlier mention (which must
//      not be answered again): the app's resident memory at start, after 3,000 and after 30,000.
//   3. The per-user rate limiter's upkeep, per call, with 10,000 and 50,000 users active.
// Prints a summary and writes bench/soak.json. Reports only: nothing here is asserted.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRateLimiter } from "../src/bots/rate-limit.js";
import { BOT_USER_ID, eventEnvelope, sendToApp, SIGNING_SECRET, startFakeSlack } from "../tests/helpers/fake-slack.js";
import { summarize } from "./measure.js";
import { QUESTIONS } from "./mix.js";

const FIRST = 3_000;
// SOAK_REQUESTS=90000 runs longer, to tell a leak from a heap that has grown to its working size.
const TOTAL = Number(process.env.SOAK_REQUESTS ?? 30_000);
const IN_FLIGHT = 50;
const RETRY_EVERY = 10;
const ACK_DEADLINE_MS = 3_000;
/** Enough askers that none reaches the limit of 10 a minute. */
const USERS = 5_000;

const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port: free } = probe.address() as { port: number };
    probe.close(() => resolve(free));
  });
});
const fake = await startFakeSlack();
// A store of its own (SQLite, as npm start keeps by default): the soak's 30,000 asks never land in var/.
const scratch = mkdtempSync(path.join(tmpdir(), "factdesk-soak-"));
const app = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
  env: { PATH: process.env.PATH ?? "", DOTENV_CONFIG_PATH: "/dev/null", LOG_LEVEL: "info", SLACK_BOT_TOKEN: "xoxb-0000-0000-soaktest", SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port), FACTDESK_DB: path.join(scratch, "factdesk.db") },
});
let logLines = 0;
let started = false;
app.stdout.on("data", (chunk: Buffer) => {
  logLines += chunk.toString("utf8").split("\n").length - 1;
  if (chunk.includes("FactDesk is serving")) started = true;
});
app.stderr.on("data", (chunk: Buffer) => process.stderr.write(chunk));
while (!started) await new Promise((resolve) => setTimeout(resolve, 50));

/** The app's resident memory, from /proc (Linux). */
const rssMB = () => {
  const status = readFileSync(`/proc/${app.pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
};

const url = `http://127.0.0.1:${port}/slack/events`;
const sent: Array<{ ts: string; body: string }> = [];
const ackMs: number[] = [];
let late = 0;
let failed = 0;

/** Request i: a new mention, or (every tenth after the first phase) a retry of an earlier one. */
async function request(i: number): Promise<void> {
  const retry = i >= FIRST && i % RETRY_EVERY === 0;
  let body: string;
  if (retry) body = sent[(i * 7919) % sent.length]!.body;
  else {
    const ts = `${1700000000 + i}.000100`;
    const text = `<@${BOT_USER_ID}> ${QUESTIONS[i % QUESTIONS.length]!}`;
    body = eventEnvelope({ type: "app_mention", user: `U${String(i % USERS).padStart(6, "0")}`, text, ts, channel: "CSOAK", event_ts: ts });
    sent.push({ ts, body });
  }
  const start = performance.now();
  const response = await sendToApp(url, body, "application/json", retry ? { retryNum: 1 } : {});
  await response.arrayBuffer();
  const took = performance.now() - start;
  if (i < FIRST) ackMs.push(took);
  if (response.status !== 200) failed += 1;
  else if (took > ACK_DEADLINE_MS) late += 1;
}

async function run(from: number, to: number): Promise<number> {
  let next = from;
  const started = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < to) await request(next++);
  }));
  return performance.now() - started;
}

/** Waits until every mention sent has its answer (or nothing new arrives for 5 s). */
async function settle(expected: number): Promise<void> {
  let last = -1;
  let quietSince = performance.now();
  for (;;) {
    const answered = new Set(fake.messages.map((m) => m.thread_ts)).size;
    if (answered >= expected) return;
    if (answered !== last) [last, quietSince] = [answered, performance.now()];
    else if (performance.now() - quietSince > 5_000) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function answersPerMention(): Record<string, number> {
  const counts = new Map<string, number>(sent.map(({ ts }) => [ts, 0]));
  for (const message of fake.messages) if (message.thread_ts) counts.set(message.thread_ts, (counts.get(message.thread_ts) ?? 0) + 1);
  const histogram: Record<string, number> = {};
  for (const count of counts.values()) histogram[String(count)] = (histogram[String(count)] ?? 0) + 1;
  return histogram;
}

const rssAtStart = rssMB();
console.error(`soak: ${FIRST} mentions, ${IN_FLIGHT} in flight`);
const firstMs = await run(0, FIRST);
await settle(sent.length);
const first = { mentions: FIRST, ackedWithin3s: (FIRST - late - failed) / FIRST, failed, ack: summarize([...ackMs]), answersPerMention: answersPerMention(), seconds: firstMs / 1000 };
const rssAfterFirst = rssMB();
console.error(`soak: on to ${TOTAL} requests, every ${RETRY_EVERY}th a retry`);
const restMs = await run(FIRST, TOTAL);
await settle(sent.length);
const all = { requests: TOTAL, mentions: sent.length, retries: TOTAL - sent.length, failed, answersPerMention: answersPerMention(), seconds: (firstMs + restMs) / 1000 };
const rssAfterAll = rssMB();
app.kill("SIGTERM");
await new Promise((resolve) => app.once("exit", resolve));
await fake.close();
rmSync(scratch, { recursive: true, force: true });

// The limiter on its own: every user asked once within the window, then 100,000 more requests.
function limiterMicroseconds(users: number): number {
  const limiter = createRateLimiter();
  for (let u = 0; u < users; u++) limiter.allow(`U${u}`);
  const calls = 100_000;
  const start = performance.now();
  for (let c = 0; c < calls; c++) limiter.allow(`U${(c * 7919) % users}`);
  return ((performance.now() - start) * 1000) / calls;
}
const limiter = { usersActive10k: limiterMicroseconds(10_000), usersActive50k: limiterMicroseconds(50_000) };

const pct = (share: number) => `${(share * 100).toFixed(2)}%`;
console.log(`Soak: the Slack app as a process (src/main.ts, HTTP mode), the fake Web API on loopback, ${IN_FLIGHT} requests in flight.`);
console.log(
  `- ${first.mentions} signed mentions: ${pct(first.ackedWithin3s)} acked within 3 s (ack p50 ${first.ack.p50.toFixed(1)} ms, p99 ${first.ack.p99.toFixed(1)} ms, max ${first.ack.max.toFixed(1)} ms; ${failed} not 200), answers per mention ${JSON.stringify(first.answersPerMention)}, in ${first.seconds.toFixed(1)} s`,
);
console.log(`- ${all.requests} requests (${all.mentions} mentions, ${all.retries} retries): answers per mention ${JSON.stringify(all.answersPerMention)}, in ${all.seconds.toFixed(1)} s; ${logLines} log lines`);
console.log(`- app RSS: ${rssAtStart} MB at start, ${rssAfterFirst} MB after ${FIRST} requests, ${rssAfterAll} MB after ${TOTAL}`);
console.log(`- rate limiter: ${limiter.usersActive10k.toFixed(2)} µs a call with 10,000 users active, ${limiter.usersActive50k.toFixed(2)} µs with 50,000`);
writeFileSync(
  "bench/soak.json",
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, first, all, rssMB: { start: rssAtStart, afterFirst: rssAfterFirst, afterAll: rssAfterAll }, limiterMicroseconds: limiter }, null, 2)}\n`,
);
