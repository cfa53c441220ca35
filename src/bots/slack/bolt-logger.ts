// Bolt logs through our pino logger (and so through its redaction) instead of its console logger.
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../logger.js";

export function boltLogger(logger: Logger): BoltLogger {
  let log = logger.child({ component: "bolt" });
  const write = (level: "debug" | "info" | "warn" | "error") => (...parts: unknown[]) => {
    const [first, ...rest] = parts;
    if (first instanceof Error) log[level]({ err: first }, rest.map(String).join(" "));
    else log[level](parts.map((part) => (typeof part === "string" ? part : JSON.stringify(part))).join(" "));
  };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    // Our LOG_LEVEL rules; Bolt's own level setting is ignored.
    setLevel: () => undefined,
    getLevel: () => (log.isLevelEnabled("debug") ? LogLevel.DEBUG : LogLevel.INFO),
    setName: (name: string) => {
      log = logger.child({ component: name });
    },
  };
}
