// What someone asked, as FactDesk reads and echoes it: without the bot's mention, and with other
// mentions (users, roles, channels, @everyone) dropped rather than echoed as pings or ids.
import { clipRequest } from "../clip.js";

/** The question without the bot's mention; other mentions are dropped too. */
export function questionText(content: string, botId: string): string {
  return clipRequest(content)
    .replace(new RegExp(`<@!?${botId}>`, "g"), " ")
    .replace(/<(@[!&]?|#)(\d+)>/g, " ")
    .replace(/@(everyone|here)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
