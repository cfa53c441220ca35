// Configuration from the environment (or .env), validated once at start. A bad value is reported
// in one line naming the variable; main.ts prints it and exits 1.
import path from "node:path";
import { z } from "zod";
import { isEd25519PublicKey } from "./bots/discord/public-key.js";
import type { StoreLocation } from "./store/open-store.js";
import { DEFAULT_RETENTION_DAYS } from "./store/retention.js";

/** An empty value (KEY= in .env) means the variable is not set. */
const blankAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = (schema: z.ZodType<string>) => z.preprocess(blankAsUnset, schema.optional());
/** An API base URL: http(s) only, so a file:// or other scheme can't start a bot that never answers. */
const httpUrl = (example: string) => optional(z.url({ protocol: /^https?$/, error: `must be an http(s) URL such as ${example}` }));

const envSchema = z.object({
  // Real tokens are xoxb-/xapp- and about 50 more characters; "xoxb-" alone is a paste gone wrong.
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xoxb-[0-9A-Za-z-]{10,}$/, "must be the Bot User OAuth Token (xoxb- and the rest of the token)")),
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-[0-9A-Za-z-]{10,}$/, "must be an app-level token with connections:write (xapp- and the rest of the token)")),
  SLACK_SIGNING_SECRET: optional(z.string().regex(/^[0-9a-f]{32}$/i, "must be the 32-character hex Signing Secret from Basic Information")),
  SLACK_API_URL: httpUrl("https://slack.com/api/"),
  DISCORD_TOKEN: optional(z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, "must be a bot token (three dot-separated parts)")),
  DISCORD_APPLICATION_ID: optional(z.string().regex(/^\d{17,20}$/, "must be the numeric Application ID")),
  DISCORD_PUBLIC_KEY: optional(
    z
      .string()
      .regex(/^[0-9a-f]{64}$/i, "must be the 64-character hex Public Key")
      .refine(isEd25519PublicKey, "is not a valid Ed25519 public key: copy the Public Key from General Information again"),
  ),
  DISCORD_GUILD_ID: optional(z.string().regex(/^\d{17,20}$/, "must be a numeric server (guild) ID")),
  DISCORD_API_URL: httpUrl("https://discord.com/api"),
  // Digits only: Number() would read 1e3 as 1000 and 0x1F90 as 8080.
  PORT: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^\d{1,5}$/, "must be a port number (digits only, 1 to 65535)")
      .transform(Number)
      .refine((port) => port >= 1 && port <= 65535, "must be a port number (digits only, 1 to 65535)")
      .default(3000),
  ),
  LOG_LEVEL: z.preprocess(blankAsUnset, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
  // The store (src/store): SQLite by default, PostgreSQL when DATABASE_URL is set.
  FACTDESK_DB: optional(z.string()),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\/\S+$/, "must be a PostgreSQL URL such as postgres://factdesk:PASSWORD@db.internal:5432/factdesk")),
  FACTDESK_SALT: optional(z.string().min(16, "must be a secret of at least 16 characters (for example: openssl rand -hex 32)")),
  // How long a conversation's context lasts after its last turn: a follow-up after that starts afresh.
  FACTDESK_CONVERSATION_MINUTES: z.preprocess(blankAsUnset, z.coerce.number({ error: "must be a number of minutes" }).int("must be a whole number of minutes").min(1, "must be at least 1").max(24 * 60, "must be at most 1440 (a day)").default(30)),
  FACTDESK_RETENTION_DAYS: z.preprocess(blankAsUnset, z.coerce.number({ error: "must be a number of days" }).int("must be a whole number of days").min(1, "must be at least 1").default(DEFAULT_RETENTION_DAYS)),
});

export type SlackConfig =
  | { mode: "socket"; botToken: string; appToken: string; apiUrl?: string }
  | { mode: "http"; botToken: string; signingSecret: string; apiUrl?: string; port: number };

export type DiscordConfig =
  | { mode: "gateway"; token: string; applicationId: string; apiUrl?: string }
  | { mode: "http"; publicKey: string; applicationId: string; token?: string; apiUrl?: string; port: number };

/** Where the store is, and what it needs. Without FACTDESK_SALT, SQLite keeps a random salt in a file beside the database. */
export interface StoreConfig {
  location: StoreLocation;
  salt?: string;
  retentionDays: number;
}

/** The store's default file, beside data/ in the project, wherever FactDesk is started from. */
export const DEFAULT_STORE_FILE = path.resolve(import.meta.dirname, "../var/factdesk.db");

export interface AppConfig {
  slack?: SlackConfig;
  discord?: DiscordConfig;
  store: StoreConfig;
  /** How long a conversation's context lasts (FACTDESK_CONVERSATION_MINUTES), in ms. */
  conversationTtlMs: number;
  port: number;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
}

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; error: string };

export function readConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `${String(issue.path[0])} ${issue.message}` };
  }
  const e = parsed.data;
  const fail = (error: string): ConfigResult => ({ ok: false, error });
  const apiUrl = (value: string | undefined) => (value ? { apiUrl: value } : {});

  let slack: SlackConfig | undefined;
  if (e.SLACK_BOT_TOKEN) {
    if (e.SLACK_APP_TOKEN) slack = { mode: "socket", botToken: e.SLACK_BOT_TOKEN, appToken: e.SLACK_APP_TOKEN, ...apiUrl(e.SLACK_API_URL) };
    else if (e.SLACK_SIGNING_SECRET)
      slack = { mode: "http", botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, port: e.PORT, ...apiUrl(e.SLACK_API_URL) };
    else return fail("SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN (Socket Mode or HTTP mode)");
  } else if (e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET) {
    return fail("SLACK_BOT_TOKEN is required when SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set");
  }

  let discord: DiscordConfig | undefined;
  if (e.DISCORD_TOKEN || e.DISCORD_PUBLIC_KEY) {
    if (!e.DISCORD_APPLICATION_ID) return fail("DISCORD_APPLICATION_ID is required with DISCORD_TOKEN or DISCORD_PUBLIC_KEY");
    if (e.DISCORD_PUBLIC_KEY) {
      if (slack?.mode === "http") return fail("PORT is shared: run Slack HTTP mode and Discord HTTP interactions in separate processes, or use Slack Socket Mode");
      discord = {
        mode: "http",
        publicKey: e.DISCORD_PUBLIC_KEY,
        applicationId: e.DISCORD_APPLICATION_ID,
        port: e.PORT,
        ...(e.DISCORD_TOKEN ? { token: e.DISCORD_TOKEN } : {}),
        ...apiUrl(e.DISCORD_API_URL),
      };
    } else {
      discord = { mode: "gateway", token: e.DISCORD_TOKEN!, applicationId: e.DISCORD_APPLICATION_ID, ...apiUrl(e.DISCORD_API_URL) };
    }
  }
  const store = storeConfig(e);
  if (typeof store === "string") return fail(store);
  return { ok: true, config: { ...(slack ? { slack } : {}), ...(discord ? { discord } : {}), store, conversationTtlMs: e.FACTDESK_CONVERSATION_MINUTES * 60_000, port: e.PORT, logLevel: e.LOG_LEVEL } };
}

function storeConfig(e: z.infer<typeof envSchema>): StoreConfig | string {
  const salt = e.FACTDESK_SALT ? { salt: e.FACTDESK_SALT } : {};
  if (e.DATABASE_URL) {
    if (e.FACTDESK_DB) return "FACTDESK_DB and DATABASE_URL are both set: set FACTDESK_DB for SQLite or DATABASE_URL for PostgreSQL, not both";
    // Every process must hash user ids alike, or votes and rate limits would not line up across them.
    if (!e.FACTDESK_SALT) return "FACTDESK_SALT is required with DATABASE_URL: the same secret in every process (for example: openssl rand -hex 32)";
    return { location: { engine: "postgres", url: e.DATABASE_URL }, ...salt, retentionDays: e.FACTDESK_RETENTION_DAYS };
  }
  return { location: { engine: "sqlite", file: !e.FACTDESK_DB ? DEFAULT_STORE_FILE : e.FACTDESK_DB === ":memory:" ? e.FACTDESK_DB : path.resolve(e.FACTDESK_DB) }, ...salt, retentionDays: e.FACTDESK_RETENTION_DAYS };
}
