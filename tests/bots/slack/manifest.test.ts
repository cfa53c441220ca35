// The app manifests in manifests/ must ask Slack for exactly what the app listens to.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");

type Manifest = {
  features: { slash_commands: Array<{ command: string; url?: string }> };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[]; request_url?: string }; interactivity: { is_enabled: boolean; request_url?: string }; socket_mode_enabled: boolean };
};

describe.each(["slack.socket-mode.yaml", "slack.http.yaml"])("manifests/%s", (file) => {
  const manifest = parse(readFileSync(path.join(root, "manifests", file), "utf8")) as Manifest;

  it("declares the commands, events, scopes and interactivity the app uses", () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(["/factdesk", "/factcheck"]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_mention", "message.channels", "message.groups", "message.im"]);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(["app_mentions:read", "chat:write", "commands", "im:history", "channels:history", "groups:history"]));
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it("points every request at /slack/events in HTTP mode, and nowhere in Socket Mode", () => {
    const urls = [...manifest.features.slash_commands.map((c) => c.url), manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url];
    if (manifest.settings.socket_mode_enabled) expect(urls.filter(Boolean)).toEqual([]);
    else for (const url of urls) expect(url).toMatch(/\/slack\/events$/);
  });
});
