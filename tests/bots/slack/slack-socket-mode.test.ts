// Socket Mode as Slack runs it: the app asks the Web API for a websocket URL, connects, receives an
// event envelope, acknowledges it, and answers through the Web API. All of it local.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { WebSocketServer, type WebSocket } from "ws";
import { createDesk } from "../../../src/bots/conversation.js";
import { createSlackApp } from "../../../src/bots/slack/app.js";
import type { SlackConfig } from "../../../src/config.js";
import { realEngine } from "../../helpers/engine.js";
import { BOT_USER_ID, eventEnvelope, startFakeSlack, waitFor, type FakeSlack } from "../../helpers/fake-slack.js";
import { captureLogs } from "../../helpers/log-capture.js";

let fake: FakeSlack;
let sockets: WebSocketServer;
const received: Array<Record<string, unknown>> = [];
let connection: WebSocket | undefined;

beforeAll(async () => {
  fake = await startFakeSlack();
  sockets = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise((resolve) => sockets.once("listening", resolve));
  fake.socketUrl = `ws://127.0.0.1:${(sockets.address() as AddressInfo).port}/link`;
  sockets.on("connection", (socket) => {
    connection = socket;
    socket.on("message", (data: Buffer) => received.push(JSON.parse(data.toString("utf8")) as Record<string, unknown>));
    socket.send(JSON.stringify({ type: "hello", num_connections: 1, debug_info: { host: "local" }, connection_info: { app_id: "AFACTDESK" } }));
  });
});

afterAll(async () => {
  await new Promise((resolve) => sockets.close(resolve));
  await fake.close();
});

it("answers a mention delivered over Socket Mode and acknowledges the envelope", async () => {
  const config: SlackConfig = { mode: "socket", botToken: "xoxb-1111-2222-socket", appToken: "xapp-1-A1-socket", apiUrl: fake.apiUrl };
  const app = createSlackApp({ config, desk: createDesk(realEngine()), logger: captureLogs().logger });
  await app.start();
  try {
    const socket = await waitFor(() => connection, "the app to connect");
    expect(fake.calls.some((call) => call.method === "apps.connections.open")).toBe(true);
    const payload = JSON.parse(
      eventEnvelope({ type: "app_mention", user: "UREPORTER", text: `<@${BOT_USER_ID}> who is al-Sudani?`, ts: "1700004000.000100", channel: "CSOCKET", event_ts: "1700004000.000100" }),
    ) as Record<string, unknown>;
    socket.send(JSON.stringify({ envelope_id: "env-1", type: "events_api", payload, accepts_response_payload: false, retry_attempt: 0, retry_reason: "" }));
    await waitFor(() => received.find((message) => message["envelope_id"] === "env-1"), "the envelope ack");
    const post = await waitFor(() => fake.calls.find((call) => call.method === "chat.postMessage" && call.args["channel"] === "CSOCKET"), "the answer");
    expect(post.args["thread_ts"]).toBe("1700004000.000100");
    expect(post.args["text"]).toMatch(/prime minister/i);
  } finally {
    await app.stop();
  }
});
