// The shape of every data file, as zod schemas. Editors read the errors these produce, so each
// field says what it expects in newsroom terms.
import { z } from "zod";

const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens, like attack-tally");
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD");
const isoDate = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be a date written YYYY, YYYY-MM or YYYY-MM-DD"));
const text = z.string().trim().min(1, "must not be empty");

export const citationSchema = z.strictObject({
  source: id,
  quote: text.min(12, "must quote at least a phrase of the source"),
});

export const sourceSchema = z.strictObject({
  id,
  file: text,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "must be the SHA-256 of the source text, 64 hex digits (sha256sum FILE)"),
  publisher: text,
  dateline: text.optional(),
  title: text,
  reprintTitle: text.optional(),
  published: isoDay,
  url: z.url().optional(),
  contributors: z.array(text).optional(),
  quality: text.optional(),
  boilerplateStartsAt: text.optional(),
});

export const entitySchema = z.strictObject({
  id,
  kind: z.enum(["person", "group", "place", "base"]),
  name: text,
  aliases: z.array(text).min(1, "must list at least the name people type"),
  caseSensitiveAliases: z.array(text).optional(),
  /** Titles that name the entity when nothing else qualifies them ("the prime minister", but not "Israel's prime minister"). */
  titles: z.array(text).optional(),
  /** The place it is in (Albukamal: Syria), or for a body of a government the country it belongs to (the Pentagon: the United States). */
  within: id.optional(),
  /** What kind of place or group it is ("country", "town", "district", "militia"): answers "which town", "which district". */
  category: text.optional(),
  /** Metonymy: the entity a name often stands for ("Tehran" for Iran's government, "Baghdad" for Iraq's). */
  standsFor: id.optional(),
  description: text,
  citations: z.array(citationSchema).min(1, "every entity needs a citation"),
});

export const qualifierSchema = z.enum(["exact", "about", "at_least", "more_than", "nearly", "fewer_than"]);

export const valueSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("count"),
    of: text,
    value: z.number().nonnegative(),
    qualifier: qualifierSchema.default("exact"),
    place: id.optional(),
    since: isoDate.optional(),
    /** The source's own vague wording ("thousands"): the value is then only its floor, never a figure to quote. */
    wording: text.optional(),
  }),
  z.strictObject({
    kind: z.literal("share"),
    of: text,
    value: z.number().min(0).max(1),
    qualifier: qualifierSchema.default("exact"),
    place: id.optional(),
  }),
  z.strictObject({ kind: z.literal("date"), of: text, value: isoDate }),
  /** Where something happened; `only` where nowhere else; `since`: for the period from that date (the response to the attacks). */
  z.strictObject({ kind: z.literal("place"), of: text, entity: id, only: z.boolean().default(false), since: isoDate.optional() }),
  /** Who: a group or a person that fills a role ("attackers", "contributor"). */
  z.strictObject({ kind: z.enum(["group", "person"]), of: text, entity: id }),
  z.strictObject({ kind: z.literal("distinct"), entities: z.array(id).length(2, "names exactly two entities") }),
  /**
   * Who did what to whom, as the source states it: the slots a claim is compared with. `actor` and
   * `target` name entities (or, for things the catalogue doesn't hold, plain words: "contractor");
   * `negated` states what the source rules out ("no US troops killed").
   */
  z.strictObject({
    kind: z.literal("action"),
    actor: z.array(text).min(1, "names at least one actor (an entity id or a word)"),
    action: text,
    target: z.array(text).optional(),
    object: text.optional(),
    owner: id.optional(),
    place: id.optional(),
    date: isoDate.optional(),
    means: text.optional(),
    /** What it came after, in the source's order of events ("meeting Blinken"). */
    after: text.optional(),
    /** The period it speaks of, from this date on: "the US has not struck in Iraq" since Oct. 17, not ever. */
    since: isoDate.optional(),
    negated: z.boolean().default(false),
  }),
  z.strictObject({
    kind: z.enum(["weapon", "injury", "status", "cause"]),
    of: text,
    value: text,
    share: z.enum(["all", "most", "some"]).optional(),
  }),
]);

export const factSchema = z.strictObject({
  id,
  questions: z.array(text).min(1, "every fact needs at least one question it answers"),
  answer: text,
  values: z.array(valueSchema).default([]),
  entities: z.array(id).default([]),
  saidBy: text.optional(),
  asOf: isoDay,
  editorNote: text.optional(),
  citations: z.array(citationSchema).min(1, "every fact needs a citation"),
});

export const factFileSchema = z.strictObject({
  topic: id,
  title: text,
  facts: z.array(factSchema).min(1, "a fact file needs at least one fact"),
});

export const entityFileSchema = z.array(entitySchema);

export const lexiconSchema = z.strictObject({
  stopwords: z.array(text),
  filler: z.array(text).default([]),
  speechVerbs: z.array(text).default([]),
  opposites: z.array(z.tuple([text, text])).default([]),
  mutualActions: z.array(text).default([]),
  /** Verbs that may mean several of the facts' actions ("hit": a strike or an attack): the roles say which. */
  broadActions: z.record(z.string(), z.array(text)).default({}),
  lightWords: z.array(text).default([]),
  /** Thanks, greetings and assent ("thanks", "got it"): a message of nothing else asks nothing. */
  pleasantries: z.array(text).default([]),
  shorthand: z.record(z.string(), text),
  synonyms: z.record(z.string(), z.array(text)),
  outOfScopePlaces: z.array(text),
});

export type SourceRecord = z.infer<typeof sourceSchema>;
export type EntityRecord = z.infer<typeof entitySchema>;
export type FactRecord = z.infer<typeof factSchema>;
export type FactValue = z.infer<typeof valueSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type Lexicon = z.infer<typeof lexiconSchema>;
