// Authorizing with Slack (auth.test) at start-up, instead of Bolt's one attempt whose failure it
// remembers forever. A token Slack refuses stops FactDesk with one line; Slack being unreachable
// is retried with backoff until it answers, and until then the app says it is not ready
// (/healthz 503) rather than acknowledging events it can't answer.
import type { webApi } from "@slack/bolt";
import type { Logger } from "../../logger.js";

export interface SlackIdentity {
  botId: string;
  botUserId: string;
  teamId?: string;
}

export interface Backoff {
  firstDelayMs: number;
  maxDelayMs: number;
}

/** Doubling from 1 s to at most 30 s: quick when Slack blips, two log lines a minute when it's down. */
export const AUTH_BACKOFF: Backoff = Object.freeze({ firstDelayMs: 1_000, maxDelayMs: 30_000 });

/** auth.test errors that say the token itself is wrong: no retry will fix them. */
const REFUSED_TOKEN_ERRORS: ReadonlySet<string> = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "no_permission",
  "not_allowed_token_type",
  "team_access_not_granted",
  "ekm_access_denied",
]);

/** Slack refused the token: start-up prints this message as its one line and exits 1. */
export class SlackTokenRefused extends Error {
  constructor(readonly slackError: string) {
    super(`SLACK_BOT_TOKEN was refused by Slack (${slackError}): check the Bot User OAuth Token, or reinstall the app`);
  }
}

export interface SlackAuthorization {
  /**
   * The first attempt: resolves true once Slack accepts the token, false when Slack could not be
   * reached (retries then continue in the background); rejects with SlackTokenRefused.
   */
  begin(): Promise<boolean>;
  /** Resolves once Slack has accepted the token; rejects if it refuses it. */
  authorized(): Promise<SlackIdentity>;
  /** Who the bot is, once Slack has said so. */
  identity(): SlackIdentity | undefined;
  stop(): void;
}

export interface AuthorizationOptions {
  client: webApi.WebClient;
  logger: Logger;
  backoff?: Backoff;
  /** Called when a retry, after start-up went on without Slack, finds the token refused. */
  onRefused?: (error: SlackTokenRefused) => void;
}

export function createSlackAuthorization({ client, logger, backoff = AUTH_BACKOFF, onRefused }: AuthorizationOptions): SlackAuthorization {
  let identity: SlackIdentity | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let settle!: { resolve(identity: SlackIdentity): void; reject(error: SlackTokenRefused): void };
  const authorized = new Promise<SlackIdentity>((resolve, reject) => (settle = { resolve, reject }));
  authorized.catch(() => undefined); // reported through begin() or onRefused

  /** One auth.test: the identity, a refusal, or (for anything else) undefined to try again. */
  const attempt = async (): Promise<SlackIdentity | SlackTokenRefused | undefined> => {
    try {
      const result = await client.auth.test();
      return { botId: String(result.bot_id), botUserId: String(result.user_id), ...(result.team_id ? { teamId: result.team_id } : {}) };
    } catch (error) {
      const slackError = (error as { data?: { error?: string } }).data?.error;
      if (slackError && REFUSED_TOKEN_ERRORS.has(slackError)) return new SlackTokenRefused(slackError);
      return void logger.warn({ err: error }, "Slack could not be reached to authorize; /healthz answers 503 until it is");
    }
  };

  const accept = (found: SlackIdentity) => {
    identity = found;
    logger.info({ botUserId: found.botUserId, team: found.teamId }, "Slack accepted the token");
    settle.resolve(found);
  };

  const retry = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(async () => {
      const outcome = await attempt();
      if (stopped) return;
      if (outcome instanceof SlackTokenRefused) {
        settle.reject(outcome);
        onRefused?.(outcome);
      } else if (outcome) accept(outcome);
      else retry(Math.min(delayMs * 2, backoff.maxDelayMs));
    }, delayMs);
  };

  return {
    async begin() {
      const outcome = await attempt();
      if (outcome instanceof SlackTokenRefused) {
        settle.reject(outcome);
        throw outcome;
      }
      if (outcome) {
        accept(outcome);
        return true;
      }
      retry(backoff.firstDelayMs);
      return false;
    },
    authorized: () => authorized,
    identity: () => identity,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
