// Runs the real Bolt app in HTTP mode on a local port, talking to a local fake Slack.
import { createDesk } from "../../src/bots/conversation.js";
import { createSlackApp, type SlackAppOptions } from "../../src/bots/slack/app.js";
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

export interface SlackHarnessOptions extends Partial<Pick<SlackAppOptions, "desk" | "limiter" | "clientOptions" | "authBackoff" | "delivery" | "limits" | "onTokenRefused">> {
  /** Start with Slack's Web API down (fake.comeBack() brings it up). */
  slackDown?: boolean;
}

export async function startSlackHarness(options: SlackHarnessOptions = {}): Promise<SlackHarness> {
  const { slackDown, desk, ...rest } = options;
  const fake = await startFakeSlack({ down: slackDown ?? false });
  const logs = captureLogs("debug");
  const app = createSlackApp({
    config: { mode: "http", botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 },
    desk: desk ?? createDesk(realEngine()),
    logger: logs.logger,
    ...rest,
  });
  const port = await app.start();
  const baseUrl = `http://127.0.0.1:${port}`;
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
