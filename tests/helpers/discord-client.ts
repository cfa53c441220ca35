// A real discord.js Client, not logged in, with its REST aimed at a local fake Discord API and a
// real store (in-memory SQLite unless a test hands it another) behind its desk. Tests feed it
// gateway payloads the way the gateway handler does.
import { Events, type Client } from "discord.js";
import { createDesk, type Desk } from "../../src/bots/conversation.js";
import { createDiscordClient } from "../../src/bots/discord/client.js";
import { createRateLimiter, type RateLimiter } from "../../src/bots/rate-limit.js";
import type { Store } from "../../src/store/store.js";
import { realEngine } from "./engine.js";
import { APP_ID, guildPayload, startFakeDiscord, type FakeDiscord, type RecordedRequest } from "./fake-discord.js";
import { captureLogs, type CapturedLogs } from "./log-capture.js";
import { memoryStore } from "./stores.js";
import { waitFor } from "./wait-for.js";

export const DISCORD_BOT_TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gabcde.fake-token-for-tests-only";

export interface DiscordHarness {
  client: Client;
  fake: FakeDiscord;
  logs: CapturedLogs;
  store: Store;
  interaction(payload: Record<string, unknown>): void;
  message(payload: Record<string, unknown>): void;
  /** A MESSAGE_UPDATE, as discord.js's gateway handler takes it. */
  edit(payload: Record<string, unknown>): void;
  stop(): Promise<void>;
}

type Actions = { actions: Record<"InteractionCreate" | "MessageCreate", { handle(data: unknown): unknown }> & { MessageUpdate: { handle(data: unknown): { old?: unknown; updated?: unknown } } } };

export async function startDiscordHarness(options: { desk?: Desk; limiter?: RateLimiter; deferAfterMs?: number; store?: Store } = {}): Promise<DiscordHarness> {
  const fake = await startFakeDiscord();
  const logs = captureLogs("debug");
  const store = options.store ?? (await memoryStore(logs.logger));
  const client = createDiscordClient({
    applicationId: APP_ID,
    desk: options.desk ?? createDesk(realEngine(), store),
    logger: logs.logger,
    apiUrl: fake.apiUrl,
    limiter: options.limiter ?? createRateLimiter({ requests: 1000, windowMs: 60_000 }),
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
    rest: { retries: 0 },
  });
  client.rest.setToken(DISCORD_BOT_TOKEN);
  const actions = (client as unknown as Actions).actions;
  // What the gateway's GUILD_CREATE handler does on connect: the server and its channels are cached.
  (client.guilds as unknown as { _add(data: unknown): unknown })._add(guildPayload());
  return {
    client,
    fake,
    logs,
    store,
    interaction: (payload) => void actions.InteractionCreate.handle(payload),
    message: (payload) => void actions.MessageCreate.handle(payload),
    edit(payload) {
      // What discord.js's MESSAGE_UPDATE handler does: the action, then the event when it found the message.
      const { old, updated } = actions.MessageUpdate.handle(payload);
      if (old && updated) client.emit(Events.MessageUpdate, old as never, updated as never);
    },
    async stop() {
      await client.destroy();
      await fake.close();
      if (!options.store) await store.close();
    },
  };
}

/** The callback FactDesk made to answer an interaction, once it has made it. */
export function interactionCallback<Body>(harness: DiscordHarness, payload: Record<string, unknown>): Promise<RecordedRequest & { body: Body }> {
  return waitFor(
    () => harness.fake.requests.find((r) => r.path.endsWith(`/interactions/${String(payload["id"])}/${String(payload["token"])}/callback`)) as (RecordedRequest & { body: Body }) | undefined,
    `the callback for interaction ${String(payload["id"])}`,
  );
}
