// `npm start` as an operator runs it: the composition root started as a process, configured only
// through the environment, serving Slack and Discord against local fakes, stopping on SIGTERM.
import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync, sign } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { BOT_USER_ID, eventEnvelope, sendToApp, SIGNING_SECRET, startFakeSlack } from "./helpers/fake-slack.js";
import { APP_ID } from "./helpers/fake-discord.js";
import { waitFor } from "./helpers/wait-for.js";

const root = path.resolve(import.meta.dirname, "..");
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function start(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    // Each process gets its own store, so no test reads another's records (or the project's var/).
    env: { PATH: process.env.PATH ?? "", DOTENV_CONFIG_PATH: "/dev/null", LOG_LEVEL: "info", FACTDESK_DB: path.join(mkdtempSync(path.join(tmpdir(), "factdesk-main-")), "factdesk.db"), ...env },
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  children.push(child);
  return { child, output: () => output };
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

it("serves Slack in HTTP mode from environment variables, and stops cleanly on SIGTERM", async () => {
  const fake = await startFakeSlack();
  const port = await freePort();
  const token = "xoxb-9999-8888-processtoken";
  const { child, output } = start({ SLACK_BOT_TOKEN: token, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port) });
  try {
    await waitFor(() => (output().includes("FactDesk is serving") ? true : undefined), "start-up", 20_000);
    const ts = "1700005000.000100";
    await sendToApp(`http://127.0.0.1:${port}/slack/events`, eventEnvelope({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> how many attacks?`, ts, channel: "CPROCESS", event_ts: ts }), "application/json");
    const post = await waitFor(() => fake.calls.find((call) => call.method === "chat.postMessage"), "the answer");
    expect(post.args["text"]).toMatch(/61/);
    child.kill("SIGTERM");
    expect(await exited(child)).toBe(0);
    expect(output()).not.toContain(token);
  } finally {
    await fake.close();
  }
}, 30_000);

it("serves Discord HTTP interactions from environment variables", async () => {
  const keys = generateKeyPairSync("ed25519");
  const publicKey = keys.publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");
  const port = await freePort();
  const { child, output } = start({ DISCORD_PUBLIC_KEY: publicKey, DISCORD_APPLICATION_ID: APP_ID, PORT: String(port) });
  await waitFor(() => (output().includes("FactDesk is serving") ? true : undefined), "start-up", 20_000);
  const body = JSON.stringify({ id: "1", type: 1, application_id: APP_ID, token: "t", version: 1 });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(`http://127.0.0.1:${port}/discord/interactions`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-signature-timestamp": timestamp, "x-signature-ed25519": sign(null, Buffer.from(timestamp + body), keys.privateKey).toString("hex") },
    body,
  });
  expect(await response.json()).toEqual({ type: 1 });
  child.kill("SIGTERM");
  expect(await exited(child)).toBe(0);
}, 30_000);

it("exits 1 with one line naming the variable when a Discord variable is missing", async () => {
  const { child, output } = start({ DISCORD_TOKEN: "aaa.bbb.ccc" });
  expect(await exited(child)).toBe(1);
  expect(output().trim().split("\n")).toEqual(["factdesk: configuration error: DISCORD_APPLICATION_ID is required with DISCORD_TOKEN or DISCORD_PUBLIC_KEY"]);
}, 30_000);

it("exits 1 with one line naming PORT when the Discord endpoint's port is in use", async () => {
  const keys = generateKeyPairSync("ed25519");
  const publicKey = keys.publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");
  const taken = createServer();
  const port = await new Promise<number>((resolve) => taken.listen(0, () => resolve((taken.address() as { port: number }).port)));
  try {
    const { child, output } = start({ DISCORD_PUBLIC_KEY: publicKey, DISCORD_APPLICATION_ID: APP_ID, PORT: String(port) });
    expect(await exited(child)).toBe(1);
    expect(output().trim().split("\n")).toEqual([`factdesk: could not start: PORT ${port} is already in use: stop what is using it or set another PORT`]);
  } finally {
    taken.close();
  }
}, 30_000);

it("starts while Slack is down, says 503 on /healthz until Slack answers, then serves", async () => {
  const fake = await startFakeSlack({ down: true });
  const port = await freePort();
  const { child, output } = start({ SLACK_BOT_TOKEN: "xoxb-9999-8888-processtoken", SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port) });
  try {
    await waitFor(() => (output().includes("FactDesk is serving") ? true : undefined), "start-up", 20_000);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(503);
    await fake.comeBack();
    await waitFor(() => (output().includes("Slack accepted the token") ? true : undefined), "authorization once Slack is back", 10_000);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const ts = "1700005100.000100";
    await sendToApp(`http://127.0.0.1:${port}/slack/events`, eventEnvelope({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> how many attacks?`, ts, channel: "CLATE", event_ts: ts }), "application/json");
    const post = await waitFor(() => fake.messages.find((message) => message.channel === "CLATE"), "the answer");
    expect(post.text).toMatch(/61/);
  } finally {
    await fake.close();
  }
}, 40_000);

it("exits 1 with one line when Slack refuses the token at start-up", async () => {
  const fake = await startFakeSlack();
  fake.failNext("auth.test", "invalid_auth");
  const { child, output } = start({ SLACK_BOT_TOKEN: "xoxb-9999-8888-revokedtoken", SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(await freePort()) });
  try {
    expect(await exited(child)).toBe(1);
    expect(output().trim().split("\n")).toEqual(["factdesk: could not start: SLACK_BOT_TOKEN was refused by Slack (invalid_auth): check the Bot User OAuth Token, or reinstall the app"]);
  } finally {
    await fake.close();
  }
}, 30_000);

it("exits 1 with one line naming PORT when Slack's port is in use", async () => {
  const fake = await startFakeSlack();
  const taken = createServer();
  const port = await new Promise<number>((resolve) => taken.listen(0, () => resolve((taken.address() as { port: number }).port)));
  try {
    const { child, output } = start({ SLACK_BOT_TOKEN: "xoxb-9999-8888-processtoken", SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port) });
    expect(await exited(child)).toBe(1);
    const notLogs = output().trim().split("\n").filter((line) => !line.startsWith("{")); // its JSON log says Slack accepted the token
    expect(notLogs).toEqual([`factdesk: could not start: PORT ${port} is already in use: stop what is using it or set another PORT`]);
  } finally {
    taken.close();
    await fake.close();
  }
}, 30_000);

it("exits 1 with one line naming DATABASE_URL when the database can't be reached, without its password", async () => {
  const port = await freePort(); // nothing listens there
  const { child, output } = start({ FACTDESK_DB: "", DATABASE_URL: `postgres://factdesk:hunter22@127.0.0.1:${port}/factdesk`, FACTDESK_SALT: "0123456789abcdef0123" });
  expect(await exited(child)).toBe(1);
  const lines = output().trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^factdesk: configuration error: DATABASE_URL postgres://factdesk@127\\.0\\.0\\.1:${port}/factdesk cannot be opened: .*ECONNREFUSED`));
  expect(output()).not.toContain("hunter22");
}, 30_000);
