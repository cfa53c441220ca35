// The one logger (pino). Tokens and secrets are redacted wherever they appear in a logged object.
import pino, { type Logger } from "pino";

export type { Logger };

export const REDACTED_PATHS = [
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "appToken",
  "*.appToken",
  "signingSecret",
  "*.signingSecret",
  "headers.authorization",
  "*.headers.authorization",
  "config.*.token",
  "config.*.botToken",
  "config.*.appToken",
  "config.*.signingSecret",
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } }, destination ?? pino.destination(2));
}
