// The Slack app end to end on loopback: a signed @mention POSTed to the app in HTTP mode, timed
// until the answer's chat.postMessage reaches the local fake of Slack's Web API. With a store, the
// app runs as main.ts wires it: the desk records each ask, claims and the rate limit are the store's.
import type { Engine } from "../src/answers/engine.js";
import { createDesk } from "../src/bots/conversation.js";
import { createRateLimiter } from "../src/bots/rate-limit.js";
import { createSlackApp } from "../src/bots/slack/app.js";
import { createLogger } from "../src/logger.js";
import { withLocalFallback } from "../src/store/shared-rate-limit.js";
import type { Store } from "../src/store/store.js";
import { BOT_USER_ID, eventEnvelope, sendToApp, SIGNING_SECRET, startFakeSlack } from "../tests/helpers/fake-slack.js";
import { summarize, type Latency } from "./measure.js";

export async function slackRoundTrips(engine: Engine, questions: readonly string[], requests: number, store?: Store): Promise<Latency> {
  const app = await startRoundTrips(engine, questions, store);
  try {
    for (let i = 0; i < 50; i++) await app.roundTrip(); // warm-up (auth.test, JIT)
    const samples: number[] = [];
    for (let i = 0; i < requests; i++) samples.push(await app.roundTrip());
    return summarize(samples);
  } finally {
    await app.stop();
  }
}

/**
 * The round trips of two apps, without and with a store, taken in turns so the machine's noise
 * falls on both alike: their difference is what the store adds.
 */
export async function pairedRoundTrips(engine: Engine, questions: readonly string[], requests: number, store: Store): Promise<{ without: Latency; with: Latency }> {
  const [plain, stored] = [await startRoundTrips(engine, questions), await startRoundTrips(engine, questions, store)];
  try {
    for (let i = 0; i < 50; i++) {
      await plain.roundTrip(); // warm-up (auth.test, JIT)
      await stored.roundTrip();
    }
    const without: number[] = [];
    const withStore: number[] = [];
    for (let i = 0; i < requests; i++) {
      without.push(await plain.roundTrip());
      withStore.push(await stored.roundTrip());
    }
    return { without: summarize(without), with: summarize(withStore) };
  } finally {
    await plain.stop();
    await stored.stop();
  }
}

export interface RoundTrips {
  /** One signed @mention, timed until its answer is posted, in ms. */
  roundTrip(): Promise<number>;
  stop(): Promise<void>;
}

export async function startRoundTrips(engine: Engine, questions: readonly string[], store?: Store): Promise<RoundTrips> {
  const fake = await startFakeSlack();
  const unlimited = { requests: Number.MAX_SAFE_INTEGER, windowMs: 60_000 };
  const logger = createLogger("silent");
  const app = createSlackApp({
    config: { mode: "http", botToken: "xoxb-0000-0000-bench", signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 },
    desk: createDesk(engine, store),
    logger,
    limiter: store ? withLocalFallback(store.rateLimiter("slack", unlimited), createRateLimiter(unlimited), logger) : createRateLimiter(unlimited),
    ...(store ? { claims: store.claims } : {}),
  });
  const url = `http://127.0.0.1:${await app.start()}/slack/events`;
  const waiting = new Map<string, () => void>();
  fake.onCall = (call) => {
    if (call.method === "chat.postMessage") waiting.get(String(call.args["thread_ts"]))?.();
  };
  let i = 0;
  return {
    async roundTrip() {
      i += 1;
      const ts = `${1700000000 + i}.000100`;
      const answered = new Promise<void>((resolve) => waiting.set(ts, resolve));
      const event = { type: "app_mention", user: "UBENCH", text: `<@${BOT_USER_ID}> ${questions[i % questions.length]!}`, ts, channel: "CBENCH", event_ts: ts };
      const body = eventEnvelope(event);
      const start = process.hrtime.bigint();
      await sendToApp(url, body, "application/json");
      await answered;
      waiting.delete(ts);
      return Number(process.hrtime.bigint() - start) / 1e6;
    },
    async stop() {
      await app.stop();
      await fake.close();
    },
  };
}
