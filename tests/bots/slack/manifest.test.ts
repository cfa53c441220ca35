// The app manifests in manifests/ must ask Slack for exactly what the app listens to.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { FACT_CHECK_SHORTCUT } from "../../../src/bots/slack/blocks.js";

const root = path.resolve(import.meta.dirname, "../../..");

type Manifest = {
  features: {
    slash_commands: Array<{ command: string; url?: string }>;
    shortcuts: Array<{ name: string; type: string; callback_id: string; description: string }>;
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[]; request_url?: string }; interactivity: { is_enabled: boolean; request_url?: string }; socket_mode_enabled: boolean };
};

describe.each(["slack.socket-mode.yaml", "slack.http.yaml"])("manifests/%s", (file) => {
  const manifest = parse(readFileSync(path.join(root, "manifests", file), "utf8")) as Manifest;

  it("declares the commands, events, scopes and interactivity the app uses", () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(["/factdesk", "/factcheck"]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_home_opened", "app_mention", "message.channels", "message.groups", "message.im"]);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(["app_mentions:read", "chat:write", "commands", "im:history", "channels:history", "groups:history"]));
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it("turns on the Home tab the app publishes, and a Messages tab people can write in (the DM)", () => {
    expect(manifest.features.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  });

  it("declares the message shortcut the app listens to, under the name the help card gives it", () => {
    expect(manifest.features.shortcuts).toEqual([
      { type: "message", callback_id: FACT_CHECK_SHORTCUT.callbackId, name: FACT_CHECK_SHORTCUT.name, description: expect.any(String) as string },
    ]);
    // Slack's manifest schema: a shortcut's description holds at most 150 characters.
    expect(manifest.features.shortcuts[0]!.description.length).toBeLessThanOrEqual(150);
  });

  it("points every request at /slack/events in HTTP mode, and nowhere in Socket Mode", () => {
    const urls = [...manifest.features.slash_commands.map((c) => c.url), manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url];
    if (manifest.settings.socket_mode_enabled) expect(urls.filter(Boolean)).toEqual([]);
    else for (const url of urls) expect(url).toMatch(/\/slack\/events$/);
  });
});
