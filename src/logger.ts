// The one logger (pino), built in main.ts and injected. Credentials are redacted wherever they
// appear in a logged object, so a token can't reach the logs by accident.
import { pino, type Logger } from "pino";

export type { Logger };

const SECRET_KEYS = ["token", "botToken", "appToken", "signingSecret", "publicKey", "authorization", "Authorization"];

export const REDACTED_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  ...SECRET_KEYS.map((key) => `*.*.${key}`),
  'headers["x-slack-signature"]',
  'headers["x-signature-ed25519"]',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = { level, base: { app: "factdesk" }, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } };
  return destination ? pino(options, destination as pino.DestinationStream) : pino(options);
}
