// Runs the real Bolt app in HTTP mode on a local port, talking to a local fake Slack.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createDesk, type Desk } from "../../src/bots/conversation.js";
import type { RateLimiter } from "../../src/bots/rate-limit.js";
import { createSlackApp } from "../../src/bots/slack/app.js";
import { realEngine } from "./engine.js";
import { SIGNING_SECRET, startFakeSlack, type FakeSlack } from "./fake-slack.js";
import { captureLogs, type CapturedLogs } from "./log-capture.js";

export const BOT_TOKEN = "xoxb-1111-2222-testtokenvalue";

export interface SlackHarness {
  eventsUrl: string;
  baseUrl: string;
  fake: FakeSlack;
  logs: CapturedLogs;
  stop(): Promise<void>;
}

export async function startSlackHarness(options: { desk?: Desk; limiter?: RateLimiter } = {}): Promise<SlackHarness> {
  const fake = await startFakeSlack();
  const logs = captureLogs("debug");
  const app = createSlackApp({
    config: { mode: "http", botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 },
    desk: options.desk ?? createDesk(realEngine()),
    logger: logs.logger,
    ...(options.limiter ? { limiter: options.limiter } : {}),
    clientOptions: { retryConfig: { retries: 0 } },
  });
  const server = (await app.start(0)) as Server;
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    eventsUrl: `${baseUrl}/slack/events`,
    baseUrl,
    fake,
    logs,
    async stop() {
      await app.stop();
      await fake.close();
    },
  };
}
