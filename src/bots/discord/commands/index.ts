// Every command FactDesk registers, by name: slash commands, and message commands (a message's Apps menu).
import { ask } from "./ask.js";
import type { MessageCommand, SlashCommand } from "./command.js";
import { factcheck } from "./factcheck.js";
import { factcheckMessage } from "./factcheck-message.js";
import { help } from "./help.js";
import { sources } from "./sources.js";

export const COMMANDS: ReadonlyMap<string, SlashCommand> = new Map([ask, factcheck, sources, help].map((command) => [command.definition.name, command]));

/** Discord keeps the two kinds' names apart, so each has its own map. */
export const MESSAGE_COMMANDS: ReadonlyMap<string, MessageCommand> = new Map([factcheckMessage].map((command) => [command.definition.name, command]));
