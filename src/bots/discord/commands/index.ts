// Every slash command FactDesk registers, by name.
import { ask } from "./ask.js";
import type { SlashCommand } from "./command.js";
import { factcheck } from "./factcheck.js";
import { help } from "./help.js";
import { sources } from "./sources.js";

export const COMMANDS: ReadonlyMap<string, SlashCommand> = new Map([ask, factcheck, sources, help].map((command) => [command.definition.name, command]));
