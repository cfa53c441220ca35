// How a message names FactDesk's slash commands: as a command mention (`</ask:123>`, which Discord
// shows as a clickable /ask) when the command's id is known, else as plain `/ask`. Ids come from
// Discord on first use (the server's own commands, where they were registered for one server,
// before the global ones) and are kept for a while; a failed or slow fetch costs only the mentions.
import type { Logger } from "../../logger.js";

/** Names a slash command, "ask" as `</ask:123>` or `/ask`. */
export type CommandMention = (name: string) => string;

/** The commands registered where `guildId` is (a server's own; `undefined` for the global ones). */
export type FetchCommands = (guildId?: string) => Promise<ReadonlyArray<{ id: string; name: string; type?: number }>>;

/** Registration changes ids rarely; a new command appears within this. */
const KEEP_IDS_MS = 10 * 60_000;
/**
 * After a failed fetch, commands are named plainly this long before Discord is asked again: in
 * HTTP interactions mode without a bot token every fetch fails, and help should not log each one.
 */
const RETRY_FAILED_MS = 60_000;
/** A slow Discord delays no help card: past this, commands are named plainly. */
const FETCH_TIMEOUT_MS = 1000;
const CHAT_INPUT = 1;

export const plainMention: CommandMention = (name) => `\`/${name}\``;

export function commandMentions(fetchCommands: FetchCommands, logger: Logger, now: () => number = Date.now): (guildId: string | null) => Promise<CommandMention> {
  const known = new Map<string, { ids: Map<string, string>; until: number }>();
  const idsWhere = async (scope: string | undefined): Promise<Map<string, string>> => {
    const key = scope ?? "global";
    const kept = known.get(key);
    if (kept && now() < kept.until) return kept.ids;
    try {
      const commands = await fetchCommands(scope);
      const ids = new Map(commands.filter((command) => (command.type ?? CHAT_INPUT) === CHAT_INPUT).map((command) => [command.name, command.id]));
      known.set(key, { ids, until: now() + KEEP_IDS_MS });
      return ids;
    } catch (error) {
      logger.warn({ err: error, guild: scope }, "could not list the commands: naming them plainly");
      known.set(key, { ids: new Map(), until: now() + RETRY_FAILED_MS });
      return new Map();
    }
  };
  return async (guildId) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), FETCH_TIMEOUT_MS).unref()));
    const found = await Promise.race([Promise.all([guildId ? idsWhere(guildId) : new Map<string, string>(), idsWhere(undefined)]), late]);
    clearTimeout(timer);
    if (!found) {
      logger.warn("Discord did not list the commands in time: naming them plainly");
      return plainMention;
    }
    const [inServer, global] = found;
    return (name) => {
      const id = inServer.get(name) ?? global.get(name);
      return id ? `</${name}:${id}>` : plainMention(name);
    };
  };
}
