// The shape an interaction must have before discord.js reads it. discord.js trusts Discord and
// throws on a payload missing what it reads (an interaction with no user, a command with no data,
// a button with no message), so HTTP interactions are checked here first and refused with 400.
import { z } from "zod";

const snowflake = z.string().regex(/^\d{1,20}$/, "must be a snowflake");
const bitfield = z.string().regex(/^\d{1,40}$/, "must be a permission bitfield");
const user = z.looseObject({ id: snowflake, username: z.string() });

/** An option of a command or autocomplete: values are scalars; subcommands nest options. */
type Option = { name: string; type: number; value?: string | number | boolean; focused?: boolean; options?: Option[] };
const option: z.ZodType<Option> = z.lazy(() =>
  z.looseObject({
    name: z.string(),
    type: z.number().int().min(1).max(11),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    focused: z.boolean().optional(),
    options: z.array(option).max(25).optional(),
  }),
);

const commandData = z.looseObject({
  id: snowflake,
  name: z.string(),
  type: z.number().int(),
  options: z.array(option).max(25).optional(),
  resolved: z.looseObject({}).optional(),
  target_id: snowflake.optional(),
});

/** A message command (a message's Apps menu) carries the message it was used on, whole, in `resolved`. */
const MESSAGE_COMMAND = 3;
const targetMessage = z.looseObject({ id: snowflake, content: z.string(), author: user });
const hasTargetMessage = (data: z.infer<typeof commandData>) =>
  data.target_id !== undefined && targetMessage.safeParse((data.resolved?.["messages"] as Record<string, unknown> | undefined)?.[data.target_id]).success;

/** The message a component sits on: discord.js builds a Message from it (its id must be a snowflake). */
const message = z.looseObject({ id: snowflake, channel_id: snowflake.optional(), flags: z.number().int().optional() });

const common = {
  id: snowflake,
  application_id: snowflake,
  token: z.string().min(1).max(1000),
  version: z.number().int(),
  guild_id: snowflake.optional(),
  channel_id: snowflake.optional(),
  channel: z.looseObject({ id: snowflake, type: z.number().int() }).optional(),
  member: z.looseObject({ user, roles: z.array(snowflake).optional(), permissions: bitfield.optional() }).optional(),
  user: user.optional(),
  app_permissions: bitfield.optional(),
  // FactDesk sells nothing, and discord.js reads entitlements through the gateway's application,
  // which HTTP mode never has: they are dropped rather than handed on.
  entitlements: z.array(z.unknown()).optional().transform(() => []),
  locale: z.string().optional(),
};

const interaction = z.discriminatedUnion("type", [
  z.looseObject({ ...common, type: z.literal(2), data: commandData }),
  z.looseObject({
    ...common,
    type: z.literal(3),
    data: z.looseObject({ custom_id: z.string().max(100), component_type: z.number().int(), values: z.array(z.string()).max(25).optional() }),
    message,
  }),
  z.looseObject({ ...common, type: z.literal(4), data: commandData }),
  z.looseObject({
    ...common,
    type: z.literal(5),
    data: z.looseObject({ custom_id: z.string().max(100), components: z.array(z.looseObject({ type: z.number().int() })).max(25) }),
    message: message.optional(),
  }),
]);

export type CheckedInteraction = z.infer<typeof interaction>;

/** The interaction types FactDesk answers (1 is PING, answered before any of this). */
export const ANSWERED_TYPES: ReadonlySet<number> = new Set([2, 3, 4, 5]);

/** The payload, checked; or a one-line reason it was refused (for the log and the 400 body). */
export function checkInteraction(payload: unknown): { ok: true; interaction: CheckedInteraction } | { ok: false; reason: string } {
  const type = (payload as { type?: unknown } | null)?.type;
  if (typeof type !== "number" || !ANSWERED_TYPES.has(type)) return { ok: false, reason: `unknown interaction type ${JSON.stringify(type) ?? "(none)"}` };
  const parsed = interaction.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `${issue.path.join(".") || "payload"}: ${issue.message}` };
  }
  if (!parsed.data.user && !parsed.data.member) return { ok: false, reason: "has neither user nor member" };
  if (parsed.data.type === 2 && parsed.data.data.type === MESSAGE_COMMAND && !hasTargetMessage(parsed.data.data)) return { ok: false, reason: "a message command without its target message" };
  return { ok: true, interaction: parsed.data };
}
