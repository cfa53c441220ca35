// Runs the real Bolt app in HTTP mode on a local port, talking to a local fake Slack, with a real
// store (in-memory SQLite unless a test hands it another) behind its desk and its claims.
import { createDesk } from "../../src/bots/conversation.js";
import { createSlackApp, type SlackAppOptions } from "../../src/bots/slack/app.js";
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

export interface SlackHarnessOptions
  extends Partial<Pick<SlackAppOptions, "desk" | "limiter" | "claims" | "clientOptions" | "authBackoff" | "delivery" | "limits" | "onTokenRefused">> {
  /** Start with Slack's Web API down (fake.comeBack() brings it up). */
  slackDown?: boolean;
  /** Defaults to a fresh in-memory SQLite store, closed with the harness. */
  store?: Store;
  /** A fake Slack shared with another harness (left open when this one stops). */
  fake?: FakeSlack;
}

export async function startSlackHarness(options: SlackHarnessOptions = {}): Promise<SlackHarness> {
  const { slackDown, desk, store: given, fake: sharedFake, claims, ...rest } = options;
  const fake = sharedFake ?? (await startFakeSlack({ down: slackDown ?? false }));
  const logs = captureLogs("debug");
  const store = given ?? (await memoryStore(logs.logger));
  const app = createSlackApp({
    config: { mode: "http", botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 },
    desk: desk ?? createDesk(realEngine(), store),
    logger: logs.logger,
    claims: claims ?? store.claims,
    ...rest,
  });
  const port = await app.start();
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    eventsUrl: `${baseUrl}/slack/events`,
    baseUrl,
    fake,
    logs,
    store,
    async stop() {
      await app.stop();
      if (!sharedFake) await fake.close();
      if (!given) await store.close();
    },
  };
}
