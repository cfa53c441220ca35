// Runs the real Bolt app in HTTP mode on a local port, talking to a local fake Slack, with a real
// store (in-memory SQLite unless a test hands it another) behind its desk.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createDesk, type Desk } from "../../src/bots/conversation.js";
import type { RateLimiter } from "../../src/bots/rate-limit.js";
import { createSlackApp } from "../../src/bots/slack/app.js";
import type { DeliveryClaims } from "../../src/store/delivery-claims.js";
import type { Store } from "../../src/store/store.js";
import { realEngine } from "./engine.js";
import { SIGNING_SECRET, startFakeSlack, type FakeSlack } from "./fake-slack.js";
import { captureLogs, type CapturedLogs } from "./log-capture.js";
import { memoryStore } from "./stores.js";

export const BOT_TOKEN = "xoxb-1111-2222-testtokenvalue";

export interface SlackHarness {
  eventsUrl: string;
  baseUrl: string;
  fake: FakeSlack;
  logs: CapturedLogs;
  store: Store;
  stop(): Promise<void>;
}

export interface SlackHarnessOptions {
  desk?: Desk;
  limiter?: RateLimiter;
  /** Defaults to a fresh in-memory SQLite store, closed with the harness. */
  store?: Store;
  claims?: DeliveryClaims;
  fake?: FakeSlack;
}

export async function startSlackHarness(options: SlackHarnessOptions = {}): Promise<SlackHarness> {
  const fake = options.fake ?? (await startFakeSlack());
  const logs = captureLogs("debug");
  const store = options.store ?? (await memoryStore(logs.logger));
  const app = createSlackApp({
    config: { mode: "http", botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 },
    desk: options.desk ?? createDesk(realEngine(), store),
    logger: logs.logger,
    claims: options.claims ?? store.claims,
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
    store,
    async stop() {
      await app.stop();
      if (!options.fake) await fake.close();
      if (!options.store) await store.close();
    },
  };
}
