// The slot-by-slot comparison of a claim with the facts it is about. Each rule looks at one kind of
// slot (a figure, a date, who did what to whom, a stance, ...) and says whether the facts match it,
// rule it out, or don't settle it, with the sourced statement that decides. check.ts combines the
// findings into a verdict: one ruled-out slot contradicts the claim; it is supported only when
// every slot it states is matched and a fact covers the rest of what it says.
import { apDate } from "../ap-date.js";
import { CHECK_CONFIG, ENGINE_CONFIG } from "../config.js";
import type { FactIndex, IndexedFact, Measure } from "../fact-index.js";
import { earliestDay, sameDate, type ClaimDate, type ClaimNumber } from "../figures.js";
import { wordTokens } from "../../knowledge/text-folding.js";
import { isEntityTerm } from "../understand.js";
import type { Language } from "../words/language.js";
import type { ClaimAction, ClaimFigure, ClaimReading } from "./read-claim.js";

export type SlotOutcome = "match" | "conflict" | "unknown";

export const CHECK_RULES = Object.freeze({
  scope: "names a place or someone the sources don't cover",
  identity: "says two groups are, or are not, the same",
  comparison: "compares two figures",
  "only-place": "says where something happened, or didn't",
  whereabouts: "says a place is in another (Al-Asad in Syria)",
  share: "gives a share (most, half)",
  figure: "gives a figure",
  date: "gives a date",
  action: "says who did what to whom",
  stance: "says something a fact states the opposite of",
  negation: "says something did not happen",
  attribution: "says who said it",
  ranking: "ranks something (the most, the largest) the sources don't rank",
  universal: "says something of every one (all, every, each)",
  order: "says what came before or after",
  role: "gives someone a role",
  cause: "says what someone died of",
  coverage: "says things a fact states",
} as const);

export type CheckRule = keyof typeof CHECK_RULES;

export interface SlotFinding {
  rule: CheckRule;
  outcome: SlotOutcome;
  /** The fact whose statement decides, if any. */
  fact?: IndexedFact;
  /** What the claim says, in a few words ("5 strikes"). */
  claimed: string;
  /** What the source says instead or as well ("3 strikes"), or why it doesn't settle it. */
  sourced: string;
}

export interface RuleContext {
  index: FactIndex;
  language: Language;
  /** The facts the claim is about, best first. */
  facts: readonly IndexedFact[];
  /** More of the facts near it: where a claim that mixes two events finds the other one. */
  nearby: readonly IndexedFact[];
  nameOf(entityId: string): string;
  /** Is the place inside the region (or the region itself)? */
  within(place: string, region: string): boolean;
  /** The places the catalogue puts this one within, nearest first ([] when it says none). */
  enclosing(place: string): readonly string[];
  /** Is the entity a place or a base? */
  isPlace(entityId: string): boolean;
  /** Does the fact use the term (its questions, answer, quotes or values)? */
  uses(entry: IndexedFact, term: string): boolean;
  /** Does the fact state the term: in its answer, its quotes or its values, not only in the questions it answers? */
  states(entry: IndexedFact, term: string): boolean;
  /** Does the fact state the term as so, not only under a negation ("did not provide details")? What a positive claim needs. */
  affirms(entry: IndexedFact, term: string): boolean;
  opposites: ReadonlyMap<string, ReadonlySet<string>>;
  /** The terms of a text, as the engine reads it. */
  wordsOf(text: string): readonly string[];
  /** Actions done with each other ("meet"), as terms. */
  mutual: ReadonlySet<string>;
  /** Does the fact assert the term: in its answer, quotes or values' values (not in what a value measures)? */
  asserts(entry: IndexedFact, term: string): boolean;
  /** Does the fact say it only as a goal or a wish ("the goal is to pressure Iran")? A claim of a goal may use it. */
  wishes(entry: IndexedFact, term: string): boolean;
  /** Verbs that may mean several actions (the lexicon's broadActions), as terms: "hit" -> strike, attack. */
  broad: ReadonlyMap<string, ReadonlySet<string>>;

}

const f = (finding: SlotFinding) => finding;

export function scopeRule(claim: ClaimReading, coveredUntil: string, storyYear: number): SlotFinding[] {
  const reading = claim.understood.question!;
  const outside = [...claim.understood.elsewhere.map((place) => place.slice(1)), ...reading.unknownNames];
  if (outside.length > 0) return [f({ rule: "scope", outcome: "unknown", claimed: outside.join(", "), sourced: `my sources don't mention ${outside.join(" or ")}` })];
  const late = claim.dates.find((date) => date.relation !== "before" && earliestDay(date, storyYear) > coveredUntil);
  if (late) return [f({ rule: "scope", outcome: "unknown", claimed: describeDate(late), sourced: `my sources are as of ${apDate(coveredUntil)}` })];
  return [];
}

/**
 * "Every one of the attacks caused casualties": a claim about all of something needs a fact that
 * says all of it, and is ruled out by one that says most or some of it were otherwise.
 */
export function universalRule(claim: ClaimReading, context: RuleContext): SlotFinding[] {
  if (!claim.universalClaim) return [];
  for (const entry of context.nearby) {
    for (const value of entry.fact.values) {
      if (!("share" in value) || (value.share !== "most" && value.share !== "some") || typeof value.value !== "string") continue;
      const words = context.wordsOf(`${value.of} ${value.value}`);
      const about = claim.contentTerms.filter((term) => words.includes(term));
      if (about.length === 0) continue;
      const denies = /^(no|not|none|never)\b/i.test(value.value);
      if (denies !== claim.negated) return [f({ rule: "universal", outcome: "conflict", fact: entry, claimed: "every one", sourced: `${value.share === "most" ? "in most cases" : "in some cases"} ${value.value}` })];
    }
  }
  // Only a fact that itself says "all" of the claim's subject (or gives a share of all of it)
  // supports it: "all have returned to duty" is said of the injured troops, not of every attack.
  // The subject: the phrase after "all of the", up to its verb ("the US retaliatory strikes").
  const subject = /\b(?:every one of|each one of|each of|all of|every single|every|all)\s+(?:the\s+|these\s+|those\s+)?((?:[\w-]+\s+){0,3}?[\w-]+?)(?=\s+(?:were|was|is|are|have|has|had|did|do|does|will|would|could|can|caused|hit|came|took|happened|targeted|struck|killed|in|on|at)\b|$)/i.exec(claim.text)?.[1];
  const subjectTerms = (subject ? context.wordsOf(subject).filter((term) => !isEntityTerm(term)) : []).concat(subject ? [] : claim.contentTerms.slice(0, 1));
  const ofSubject = (text: string) => context.wordsOf(text).some((term) => subjectTerms.includes(term));
  // A clause of the fact that says all (or only) of the subject: "the US has struck only in Syria".
  const saysOfAll = (answer: string) => answer.split(/[.;,]/).some((clause) => /\b(?:all|every|each|only)\b/i.test(clause) && ofSubject(clause));
  const says = context.facts.some((entry) => saysOfAll(entry.fact.answer) || entry.fact.values.some((value) => "share" in value && value.share === "all" && ofSubject(value.of)));
  return says ? [] : [f({ rule: "universal", outcome: "unknown", claimed: "every one", sourced: "my sources don't say it of every one" })];
}

export function rankingRule(claim: ClaimReading): SlotFinding[] {
  return claim.ranking ? [f({ rule: "ranking", outcome: "unknown", claimed: "a ranking", sourced: "my sources don't rank them" })] : [];
}

const SAME = /\b(same|part of|branch of|wing of|arm of|belongs? to|affiliate of|offshoot of|subsidiary of|one and the same|identical)\b/i;
const SEPARATE = /\b(separate|different|distinct|independent|unrelated|not the same|not part of)\b/i;

export function identityRule(claim: ClaimReading, context: RuleContext): SlotFinding[] {
  for (const entry of context.facts) {
    for (const value of entry.fact.values) {
      if (value.kind !== "distinct" || !value.entities.every((id) => claim.entities.includes(id))) continue;
      const same = SAME.test(claim.text) && !SEPARATE.test(claim.text);
      const separate = SEPARATE.test(claim.text) || (SAME.test(claim.text) && claim.negated);
      if (!same && !separate) continue;
      const holds = separate && !(same && !claim.negated);
      return [f({ rule: "identity", outcome: holds ? "match" : "conflict", fact: entry, claimed: holds ? "they are separate" : "they are the same", sourced: entry.fact.answer })];
    }
  }
  return [];
}

/** Count measures (and their facts) whose head is what the figure counts. */
function countsOf(context: RuleContext, head: string | undefined, claim: ClaimReading, said: readonly string[]): { entry: IndexedFact; measure: Measure }[] {
  if (!head) return [];
  const asked = claim.understood.question!.asked;
  const expansions = asked.find((term) => term.term === head)?.expansions ?? [];
  const heads = new Set([head, ...expansions.filter((e) => e.relation !== "broader" && e.weight >= ENGINE_CONFIG.closeRelation).map((e) => e.term)]);
  const found = context.facts.flatMap((entry) =>
    entry.measures.filter((measure) => measure.value?.kind === "count" && [...measure.heads].some((h) => heads.has(h))).map((measure) => ({ entry, measure })),
  );
  // What is said of it tells counts apart ("troops killed" from "injured troops"), where counts use that word.
  const telling = said.filter((term) => context.index.measureTerms.has(term) && !heads.has(term));
  if (telling.length === 0) return found;
  return found.filter(({ measure }) => telling.every((term) => measure.terms.has(term)));
}

const countOf = (measure: Measure): ClaimNumber & { value: number; wording?: string } => measure.value as ClaimNumber & { value: number; wording?: string };

function describeCount(measure: Measure, nameOf: (entityId: string) => string): string {
  const value = measure.value as { value: number; qualifier: ClaimNumber["qualifier"]; of: string; since?: string; wording?: string };
  const place = measure.place ? nameOf(measure.place) : undefined;
  const since = value.since ? ` since ${apDate(value.since)}` : "";
  const amount = value.wording ?? `${QUALIFIER_WORDS[value.qualifier]}${value.value.toLocaleString("en-US")}`;
  return `${amount} ${value.of.split(" / ")[0]}${place ? ` in ${place}` : ""}${since}`;
}

const QUALIFIER_WORDS: Record<ClaimNumber["qualifier"], string> = { exact: "", about: "about ", at_least: "at least ", more_than: "more than ", nearly: "nearly ", fewer_than: "fewer than " };

export function figureRule(claim: ClaimReading, context: RuleContext, claimContext: ClaimReading | undefined): SlotFinding[] {
  const findings: SlotFinding[] = [];
  const figures = claim.figures.filter((figure) => !(claim.comparison?.ratio && figure.value === claim.comparison.ratio));
  for (const figure of figures) {
    // "Of the attacks, 32 were in Iraq": what is counted may come before the figure, or from the first clause.
    const head = figure.head ?? claim.contentTerms.find((term) => context.index.measureHeads.has(term)) ?? claimContext?.figures[0]?.head ?? claimContext?.contentTerms.find((term) => context.index.measureHeads.has(term));
    const said = figure.said.length > 0 ? figure.said : (claimContext?.figures[0]?.said ?? []);
    const measures = countsOf(context, head, claim, said);
    const claimed = `${figure.written}${head ? ` ${head}` : ""}${figure.place ? ` in ${context.nameOf(figure.place)}` : ""}`;
    if (measures.length === 0) {
      findings.push({ rule: "figure", outcome: "unknown", claimed, sourced: `my sources give no figure for ${figure.following || "that"}` });
      continue;
    }
    const place = figure.place ?? claimContext?.figures.find((other) => other.place)?.place;
    const exact = measures.filter(({ measure }) => measure.place === place);
    const inside = place ? measures.filter(({ measure }) => measure.place && measure.place !== place && context.within(place, measure.place)) : [];
    // A count with no place of its own counts where its fact is ("people killed in the Hamas raid" is about Israel).
    const unplaced = measures.filter(({ entry, measure }) => !measure.place && (place === undefined || entry.entities.has(place)));
    const pick = exact[0] ?? unplaced[0];
    if (!pick) {
      // "300 troops at Al-Tanf": the sources count only the country around it.
      const broader = inside[0] ?? measures[0]!;
      findings.push({ rule: "figure", outcome: "unknown", fact: broader.entry, claimed, sourced: `my sources give ${describeCount(broader.measure, context.nameOf)}, not a figure for ${place ? context.nameOf(place) : "that"}` });
      continue;
    }
    const value = countOf(pick.measure);
    const outcome = figure.vague && !value.wording ? vagueAgainst(figure, value) : value.wording && !figure.vague ? "unknown" : compareNumbers(figure, value);
    findings.push({ rule: "figure", outcome, fact: pick.entry, claimed, sourced: describeCount(pick.measure, context.nameOf) });
  }
  return findings;
}

/** "Dozens" against 61: a vague amount is never as good as the figure, but can rule it out. */
function vagueAgainst(figure: ClaimFigure, value: ClaimNumber): SlotOutcome {
  const verdict = compareNumbers(figure, value);
  return verdict === "conflict" ? "conflict" : "match";
}

/**
 * Tolerance rules (docs/DESIGN.md): each side becomes a range ("about" +-10%, "nearly" up to 15%
 * below, "at least"/"more than" open above). Ranges that don't meet contradict. When the source
 * gives only a floor ("at least 60"), a claim above the floor is unsettled, not supported.
 */
export function compareNumbers(claim: ClaimNumber, fact: ClaimNumber): SlotOutcome {
  const [claimLow, claimHigh] = range(claim);
  const [factLow, factHigh] = range(fact);
  if (Math.max(claimLow, factLow) > Math.min(claimHigh, factHigh)) return "conflict";
  if (factHigh === Infinity && claimLow > factLow) return "unknown";
  return "match";
}

function range({ value, qualifier }: ClaimNumber): [number, number] {
  const step = value < 1 ? 0.001 : 1;
  switch (qualifier) {
    case "about":
      return [value * (1 - CHECK_CONFIG.aboutTolerance), value * (1 + CHECK_CONFIG.aboutTolerance)];
    case "nearly":
      return [value * (1 - CHECK_CONFIG.nearlyTolerance), value];
    case "at_least":
      return [value, Infinity];
    case "more_than":
      return [value + step, Infinity];
    case "fewer_than":
      return [0, value - step];
    default:
      return [value, value];
  }
}

export function comparisonRule(claim: ClaimReading, context: RuleContext): SlotFinding[] {
  if (!claim.comparison) return [];
  const places = claim.places.filter((place) => place !== "united-states");
  if (places.length < 2) return [];
  const [first, second] = places as [string, string];
  const head = claim.figures.find((figure) => figure.head)?.head ?? claim.contentTerms.find((term) => context.index.measureTerms.has(term));
  for (const { entry, measure } of countsOf(context, head, claim, claim.contentTerms)) {
    const a = entry.measures.find((m) => m.place === first && m.value?.kind === "count" && [...m.heads].some((h) => measure.heads.has(h)));
    const b = entry.measures.find((m) => m.place === second && m.value?.kind === "count" && [...m.heads].some((h) => measure.heads.has(h)));
    if (!a || !b) continue;
    const [x, y] = [countOf(a).value, countOf(b).value];
    const ratio = claim.comparison.ratio;
    const holds = ratio ? (claim.comparison.direction === "more" ? x > y * ratio : x * ratio < y) : claim.comparison.direction === "more" ? x > y : x < y;
    return [f({ rule: "comparison", outcome: holds ? "match" : "conflict", fact: entry, claimed: asQuoted(claim.text), sourced: `${describeCount(a, context.nameOf)}, and ${describeCount(b, context.nameOf)}` })];
  }
  return [];
}

export function onlyPlaceRule(claim: ClaimReading, context: RuleContext): SlotFinding[] {
  // "only in Syria, not in Iraq": a place the claim rules out must be outside, the others inside.
  const ruledOut = new Set(claim.negatedPlaces);
  const places = claim.places.filter((place) => place !== "united-states" && !ruledOut.has(place));
  if (places.length === 0 && ruledOut.size === 0) return [];
  for (const entry of context.facts) {
    for (const measure of entry.measures) {
      const value = measure.value;
      if (value?.kind !== "place" || !value.only) continue;
      // "only in Syria" since Oct. 17 says nothing of 2020, or of "ever".
      if (value.since && (claim.anyTime || claim.dates.some((date) => earliestDay(date, 2023) < String(value.since)))) continue;
      // ("The US hit" is the strike the fact says was only in Syria: a broad verb stands for the action its actor does.)
      const said = [...claim.contentTerms, ...claim.actions.flatMap((action) => broadMeaning(action, context) ?? [])];
      if (![...measure.terms].some((term) => said.includes(term))) continue;
      const inside = places.every((place) => context.within(place, value.entity));
      const outside = [...ruledOut].every((place) => !context.within(place, value.entity));
      const holds = (places.length === 0 || inside !== (claim.negated && ruledOut.size === 0)) && outside;
      return [f({ rule: "only-place", outcome: holds ? "match" : "conflict", fact: entry, claimed: places.map(context.nameOf).join(" and "), sourced: entry.fact.answer })];
    }
  }
  // "Iraqi militias operate only in Iraq" with no "only" of the sources' for it: a fact saying it of
  // somewhere else as well rules it out; otherwise "only" is more than the sources say.
  if (places.length > 0 && /\bonly\s+(?:in|inside|within|at)\b/i.test(claim.text)) {
    const claimed = `only in ${places.map(context.nameOf).join(" and ")}`;
    const slotTerms = new Set(["only", "just", "solely"].map((word) => context.language.read(word).term));
    const content = claim.contentTerms.filter((term) => !SLOT_WORDS.test(term) && !slotTerms.has(term));
    for (const entry of context.facts) {
      if (content.length === 0 || !content.every((term) => context.affirms(entry, term))) continue;
      // Somewhere the fact says it happens ("also operate in Syria"), not a place it names otherwise ("Iran backs ...").
      const texts = [entry.fact.answer, ...entry.fact.citations.map((citation) => citation.quote)].join(" ");
      const saysIn = (id: string) => new RegExp(`\\b(?:in|inside|across|into|throughout)\\s+(?:the\\s+)?${context.nameOf(id).replace(/^the\s+/i, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").test(texts);
      const elsewhere = [...entry.entities].find((id) => context.isPlace(id) && id !== "united-states" && saysIn(id) && !places.some((place) => context.within(id, place) || context.within(place, id)));
      if (elsewhere) return [f({ rule: "only-place", outcome: "conflict", fact: entry, claimed, sourced: entry.fact.answer.replace(/^(Yes|No)[.:,]\s*/, "") })];
    }
    return [f({ rule: "only-place", outcome: "unknown", claimed, sourced: "my sources don't say it was only there" })];
  }
  return [];
}

/**
 * "Al-Asad in Syria": a place said to be in another must be, as the catalogue places it. One the
 * catalogue puts elsewhere is contradicted by a fact naming it with where it is, or left unsettled.
 */
export function whereaboutsRule(claim: ClaimReading, context: RuleContext): SlotFinding[] {
  const tokens = claim.understood.question?.tokens ?? [];
  const mentions = claim.understood.question?.mentions ?? [];
  const findings: SlotFinding[] = [];
  for (let m = 0; m + 1 < mentions.length; m++) {
    const [place, region] = [mentions[m]!, mentions[m + 1]!];
    if (!/^(in|inside)$/.test(tokens.slice(place.end, region.start).join(" "))) continue;
    const enclosing = context.enclosing(place.entityId);
    if (!context.isPlace(region.entityId) || enclosing.length === 0 || context.within(place.entityId, region.entityId)) continue;
    const where = enclosing[enclosing.length - 1]!;
    // The fact must say both where a reader can see it, in its answer or a quote.
    const fact = context.facts.find((entry) => context.states(entry, `@${place.entityId}`) && context.states(entry, `@${where}`));
    const claimed = `${context.nameOf(place.entityId)} in ${context.nameOf(region.entityId)}`;
    const sourced = `${context.nameOf(place.entityId)} is in ${context.nameOf(where)}`;
    findings.push(fact ? f({ rule: "whereabouts", outcome: "conflict", fact, claimed, sourced }) : f({ rule: "whereabouts", outcome: "unknown", claimed, sourced: `my sources place ${context.nameOf(place.entityId)} in ${context.nameOf(where)}, but no passage compared here says so` }));
  }
  return findings;
}

export function shareRule(claim: ClaimReading, context: RuleContext): SlotFinding[] {
  const share = claim.share;
  if (!share) return [];
  for (const entry of context.facts) {
    for (const measure of entry.measures) {
      if (measure.value?.kind !== "share") continue;
      if (![...measure.terms].some((term) => claim.contentTerms.includes(term))) continue;
      // A share of one place ("nearly half ... in Iraq") speaks only to a claim about that place.
      if (measure.place && !claim.places.includes(measure.place)) continue;
      const value = measure.value as unknown as ClaimNumber;
      return [f({ rule: "share", outcome: compareNumbers(share, value), fact: entry, claimed: asQuoted(claim.text), sourced: entry.fact.answer })];
    }
  }
  return [];
}

/** The date values (and dated actions) of the candidates, each with how well its wording fits the claim. */
export function dateRule(claim: ClaimReading, context: RuleContext): SlotFinding[] {
  const dates = claim.dates.filter((date) => date.relation !== "since" || claim.figures.length === 0);
  if (dates.length === 0) return [];
  const terms = new Set([...claim.contentTerms, ...(claim.ordinal !== undefined ? [ordinalWord(claim.ordinal)] : [])]);
  const ordinal = claim.ordinal !== undefined ? ordinalWord(claim.ordinal) : undefined;
  type Dated = { entry: IndexedFact; iso: string; fit: number; what: string };
  const candidates: Dated[] = [];
  for (const entry of context.facts) {
    for (const measure of entry.measures) {
      if (measure.value?.kind !== "date") continue;
      const wordings = measure.wordings.map((wording) => [...wording]);
      const fit = Math.max(...wordings.map((wording) => (wording.length === 0 ? 0 : wording.filter((term) => terms.has(term)).length / wording.length)));
      // An ordinal the claim names must be the one the wording names ("first strike").
      const named = (measure.value as { of: string }).of.toLowerCase();
      if (ordinal && /\b(first|second|third|fourth|latest|last)\b/.test(named) && !named.includes(ordinal)) continue;
      candidates.push({ entry, iso: String((measure.value as { value: string }).value), fit: fit + (ordinal && named.includes(ordinal) ? 1 : 0), what: (measure.value as { of: string }).of.split(" / ")[0]! });
    }
  }
  const best = candidates.filter((c) => c.fit > 0).sort((a, b) => b.fit - a.fit)[0];
  if (!best) return [];
  const sameEvent = candidates.filter((c) => c.entry === best.entry && c.fit === best.fit);
  const findings: SlotFinding[] = [];
  for (const date of dates) {
    // The date of another event in the claim ("ten days after Hamas's Oct. 7 raid") is checked against that event.
    const event = claim.dateEvents[claim.dates.indexOf(date)];
    if (event && ![...best.entry.measures].some((measure) => measure.value?.kind === "date" && measure.terms.has(event))) {
      const other = context.nearby.flatMap((entry) =>
        entry.measures
          .filter((measure) => measure.value?.kind === "date" && measure.terms.has(event))
          .map((measure) => ({ entry, iso: String((measure.value as { value: string }).value), what: (measure.value as { of: string }).of.split(" / ")[0]! })),
      );
      if (other.length > 0) {
        const agreesOther = other.some((c) => sameDate(date, c.iso));
        findings.push({ rule: "date", outcome: agreesOther ? "match" : "conflict", fact: other[0]!.entry, claimed: describeDate(date), sourced: `${other[0]!.what}: ${apDate(other[0]!.iso)}` });
        continue;
      }
    }
    const agrees = sameEvent.some((c) => sameDate(date, c.iso));
    const precise = sameEvent.some((c) => moreExact(date, c.iso));
    const outcome: SlotOutcome = agrees ? (precise ? "unknown" : claim.negated ? "conflict" : "match") : claim.negated ? "match" : "conflict";
    findings.push({ rule: "date", outcome, fact: best.entry, claimed: `${describeDate(date)}`, sourced: precise && agrees ? `the source dates it only ${apDate(best.iso)}` : `${best.what}: ${apDate(best.iso)}` });
  }
  return findings;
}

function ordinalWord(ordinal: number | "last"): string {
  return ordinal === "last" ? "last" : (["", "first", "second", "third", "fourth", "fifth"][ordinal] ?? String(ordinal));
}

/** Does the claim give the date more exactly than the source (a day where it gives a month)? */
function moreExact(date: ClaimDate, iso: string): boolean {
  const parts = iso.split("-").length;
  return (date.day !== undefined && parts < 3) || (date.month !== undefined && parts < 2);
}

const MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
function describeDate(date: ClaimDate): string {
  return [date.month ? MONTHS[date.month - 1] : undefined, date.day, date.year].filter((part) => part !== undefined).join(" ");
}

/**
 * Who did what to whom: each action the claim states, against the facts' actions of the same
 * kind. Roles agree when they share an entity (or a place inside another); the claim is ruled out
 * when one role agrees and the other names someone else ("Hamas blamed Islamic Jihad": Hamas
 * blamed Israel), when the facts state the opposite polarity, or when its place or owner is another.
 */
export function actionRule(claim: ClaimReading, context: RuleContext, claimContext: ClaimReading | undefined): SlotFinding[] {
  const findings: SlotFinding[] = [];
  for (const stated of claim.actions) {
    // "where he met Khamenei": who did it is the first clause's actor.
    const borrowed = claimContext?.actions.find((other) => other.actors.length > 0)?.actors ?? claimContext?.entities.filter((id) => !context.language.places.has(id) || id === "united-states").slice(0, 1) ?? [];
    const action: ClaimAction = stated.actors.length === 0 && claimContext ? { ...stated, actors: borrowed } : stated;
    let best: { finding: SlotFinding; strength: number } | undefined;
    let namesOthers = false;
    // A broad verb ("hit") is the action its actor does, or any of its actions when the actor doesn't say.
    const meant = broadMeaning(action, context);
    const means = (valueAction: string) => valueAction === action.action || (meant !== undefined ? valueAction === meant : (context.broad.get(action.action)?.has(valueAction) ?? false));
    for (const entry of context.nearby) {
      for (const value of entry.fact.values) {
        if (value.kind !== "action") continue;
        const valueAction = context.language.read(value.action).term;
        if (!means(valueAction)) continue;
        if (value.since && (claim.anyTime || claim.dates.some((date) => earliestDay(date, 2023) < String(value.since)))) continue;
        let actors = roleAgreement(action.actors, value.actor, context);
        let targets = roleAgreement(action.targets, value.target ?? [], context);
        if (context.mutual.has(action.action)) {
          // Done with each other: the claim's participants must all be the source's.
          const claimedIds = [...action.actors, ...action.targets];
          const sourcedIds = [...value.actor, ...(value.target ?? [])];
          const shared = claimedIds.filter((id) => sourcedIds.includes(id));
          actors = shared.length > 0 ? "match" : claimedIds.length > 0 ? "conflict" : "open";
          targets = claimedIds.length > 0 && claimedIds.every((id) => sourcedIds.includes(id)) ? "match" : shared.length > 0 ? "conflict" : "open";
        }
        const sourced = describeAction(value, context);
        const claimed = `${action.actors.map(context.nameOf).join(" and ") || "someone"} ${action.action} ${action.targets.map(context.nameOf).join(" and ")}`.trim();
        if (actors === "conflict" || targets === "conflict") namesOthers = true;
        let finding: SlotFinding | undefined;
        let strength = 0;
        const sameDay = value.date !== undefined && claim.dates.some((date) => sameDate(date, String(value.date)) && !date.relation);
        const placeFits = !value.place || action.places.length === 0 || action.places.some((place) => context.within(place, value.place!) || context.within(value.place!, place));
        if (sameDay && actors !== "conflict" && targets !== "conflict") {
          // The date names the event ("The Nov. 8 strike hit a Hezbollah facility"): its owner and place are the source's.
          if (value.owner && action.owner && action.owner !== value.owner) finding = { rule: "action", outcome: "conflict", fact: entry, claimed: `a ${context.nameOf(action.owner)} site`, sourced };
          else if (!placeFits) finding = { rule: "action", outcome: "conflict", fact: entry, claimed: action.places.map(context.nameOf).join(", "), sourced };
          else finding = { rule: "action", outcome: "match", fact: entry, claimed, sourced };
          strength = 2;
        } else if ((actors === "match" && targets === "conflict") || (targets === "match" && actors === "conflict")) {
          // Someone else in one role rules the claim out only for the same event: "Hamas blamed
          // Islamic Jihad for the hospital explosion" (Hamas blamed Israel for it); "Israel's prime
          // minister met al-Sudani" is another meeting the sources are silent on.
          const samePlace = !context.mutual.has(action.action) && value.place !== undefined && [...claim.places, ...(claimContext?.places ?? [])].some((place) => context.within(place, value.place!));
          const sameEvent = objectMatches(claim, value, context) || sameFactElsewhere(claim, stated, entry, context) || samePlace;
          finding = { rule: "action", outcome: sameEvent ? "conflict" : "unknown", fact: entry, claimed, sourced };
          strength = sameEvent ? 3 : 0;
        } else if (actors !== "conflict" && targets !== "conflict" && (actors === "match" || targets === "match")) {
          const placeConflict = value.place && action.places.length > 0 && !action.places.some((place) => context.within(place, value.place!) || context.within(value.place!, place));
          const ownerConflict = value.owner && action.owner && action.owner !== value.owner;
          if (action.negated !== value.negated) finding = placeFits ? { rule: "action", outcome: "conflict", fact: entry, claimed: `${action.negated ? "not " : ""}${claimed}`, sourced } : undefined;
          else if (ownerConflict) finding = { rule: "action", outcome: "conflict", fact: entry, claimed: `${context.nameOf(action.owner!)}'s`, sourced };
          else if (placeConflict && !value.date && !value.negated) finding = { rule: "action", outcome: "conflict", fact: entry, claimed: action.places.map(context.nameOf).join(", "), sourced };
          // A dated event elsewhere is another event: it neither rules the claim out nor bears it out.
          else if (placeConflict) finding = undefined;
          // "Blinken met al-Sudani in Tehran": a place the source gives neither the action nor its fact is not borne out.
          else if (!value.place && action.places.some((place) => !context.states(entry, `@${place}`))) finding = { rule: "action", outcome: "unknown", fact: entry, claimed: `${claimed} in ${action.places.map(context.nameOf).join(", ")}`, sourced: "my sources don't say where that happened" };
          else finding = { rule: "action", outcome: "match", fact: entry, claimed, sourced };
          strength = actors === "match" && targets === "match" ? 4 : 1;
        }
        if (finding && (!best || strength > best.strength || (strength === best.strength && finding.outcome === "match" && best.finding.outcome !== "match"))) best = { finding, strength };
      }
    }
    if (best) findings.push(best.finding);
    // The sources state actions of this kind, but each with someone else in a role the claim
    // names: "Khamenei visited Washington".
    else if (namesOthers) {
      findings.push({ rule: "action", outcome: "unknown", claimed: `${action.actors.map(context.nameOf).join(" and ") || "someone"} ${action.action} ${action.targets.map(context.nameOf).join(" and ")}`.trim(), sourced: "my sources don't say that" });
    }
  }
  return findings;
}

/**
 * A claim that mixes two events of the same kind: its date (or place) is one event's, what it says
 * was acted on is another's ("On Oct. 27, US jets struck a training facility and a safe house": that
 * was Nov. 12).
 */
export function eventRule(claim: ClaimReading, context: RuleContext): SlotFinding[] {
  type Event = { entry: IndexedFact; value: Extract<IndexedFact["fact"]["values"][number], { kind: "action" }>; terms: Set<string> };
  for (const stated of claim.actions) {
    const events: Event[] = [];
    for (const entry of context.nearby) {
      for (const value of entry.fact.values) {
        if (value.kind !== "action" || context.language.read(value.action).term !== stated.action || (!value.date && !value.place)) continue;
        if (events.some((event) => event.value === value)) continue;
        events.push({ entry, value, terms: new Set([...context.wordsOf(value.object ?? ""), ...context.wordsOf(value.means ?? "")]) });
      }
    }
    if (events.length < 2) continue;
    const byDate = claim.dates.length > 0 ? events.filter((event) => event.value.date && claim.dates.some((date) => sameDate(date, String(event.value.date)))) : [];
    const byPlace = stated.places.length > 0 ? events.filter((event) => event.value.place && stated.places.some((place) => context.within(place, event.value.place!))) : [];
    const chosen = byDate.length === 1 ? byDate[0]! : byDate.length === 0 && byPlace.length === 1 ? byPlace[0]! : undefined;
    if (!chosen) continue;
    const others = events.filter((event) => event !== chosen);
    const foreign = claim.contentTerms.filter((term) => !chosen.terms.has(term) && others.some((event) => event.terms.has(term)));
    const otherPlace = byDate.length === 1 ? stated.places.find((place) => chosen.value.place && !context.within(place, chosen.value.place) && others.some((event) => event.value.place && context.within(place, event.value.place))) : undefined;
    if (foreign.length >= 2 || otherPlace) {
      const other = others.find((event) => foreign.some((term) => event.terms.has(term)) || (otherPlace && event.value.place && context.within(otherPlace, event.value.place)))!;
      return [f({ rule: "action", outcome: "conflict", fact: chosen.entry, claimed: `${foreign.length >= 2 ? foreign.map((term) => wordOf(claim, term)).join(" ") : context.nameOf(otherPlace!)} with the ${describeDateOf(chosen.value)} event`, sourced: `${describeAction(chosen.value, context)}; ${describeAction(other.value, context)}` })];
    }
  }
  return [];
}

function describeDateOf(value: { date?: string | number | undefined; place?: string | undefined }): string {
  return value.date ? apDate(String(value.date)) : (value.place ?? "");
}

/** Does the claim name what the action was about ("for the hospital explosion" and "the hospital explosion")? */
function objectMatches(claim: ClaimReading, value: Extract<IndexedFact["fact"]["values"][number], { kind: "action" }>, context: RuleContext): boolean {
  if (!value.object) return false;
  // A word of the object few facts use ("consequences", "explosion") ties the claim to that event.
  const rare = context.wordsOf(value.object).filter((term) => !isEntityTerm(term) && (context.index.postings.get(term)?.length ?? 0) < context.index.facts.length * ENGINE_CONFIG.storyWideShare);
  return rare.some((term) => claim.contentTerms.includes(term));
}

/** Does another action of the claim agree with an action of the same fact (the same event, told in two verbs)? */
function sameFactElsewhere(claim: ClaimReading, stated: ClaimAction, entry: IndexedFact, context: RuleContext): boolean {
  return claim.actions.some((other) => {
    if (other === stated) return false;
    return entry.fact.values.some((value) => {
      if (value.kind !== "action" || context.language.read(value.action).term !== other.action) return false;
      return roleAgreement(other.actors, value.actor, context) === "match" && roleAgreement(other.targets, value.target ?? [], context) !== "conflict";
    });
  });
}

/** Two roles agree when they share an entity or a word (a place counts inside its region); they conflict when both are named and share none. */
/**
 * What a broad verb ("hit") means in a claim: the one of its actions whose actor in the facts is
 * the claim's ("the US hit" -> strike, "militants hit" -> attack); undefined when its actors don't say.
 */
function broadMeaning(action: ClaimAction, context: RuleContext): string | undefined {
  const meanings = context.broad.get(action.action);
  if (!meanings || action.actors.length === 0) return undefined;
  const fits = [...meanings].filter((meaning) =>
    context.index.facts.some((entry) => entry.fact.values.some((value) => value.kind === "action" && context.language.read(value.action).term === meaning && roleAgreement(action.actors, value.actor, context) === "match")),
  );
  return fits.length === 1 ? fits[0] : undefined;
}

/** A whole claim as the explanation quotes it: "there were more attacks in Iraq than in Syria", without its full stop. */
function asQuoted(text: string): string {
  return `"${text.trim().replace(/[.!?]+$/, "")}"`;
}

function roleAgreement(claimed: readonly string[], sourced: readonly string[], context: RuleContext): "match" | "conflict" | "open" {
  if (claimed.length === 0 || sourced.length === 0) return "open";
  const entityIds = (ids: readonly string[]) => ids.filter((id) => context.index.facts.length > 0 && context.nameOf(id) !== id);
  const term = (word: string) => context.language.read(word).term;
  const same = claimed.some((a) => sourced.some((b) => a === b || term(a) === term(b) || context.within(a, b) || context.within(b, a)));
  if (same) return "match";
  // A word for a kind ("militias") stands for a name of that kind (Kataib Hezbollah), not for another (Blinken).
  const kindWords = sourced.filter((id) => !entityIds([id]).length).map(term);
  const ofKind = (id: string) => kindWords.some((word) => context.language.entityCategories.get(id)?.has(word));
  if (kindWords.length > 0 && entityIds(claimed).length === claimed.length) return claimed.some(ofKind) ? "match" : "conflict";
  // Only names rule each other out: a word ("militias") may stand for a named group.
  return entityIds(claimed).length > 0 && entityIds(sourced).length > 0 && entityIds(claimed).length === claimed.length ? "conflict" : "open";
}

function describeAction(value: Extract<IndexedFact["fact"]["values"][number], { kind: "action" }>, context: RuleContext): string {
  const name = (id: string) => context.nameOf(id);
  return [
    value.actor.map(name).join(" and "),
    value.negated ? `did not ${value.action}` : value.action,
    (value.target ?? []).map(name).join(" and "),
    value.object ?? "",
    value.owner ? `(${name(value.owner)}'s)` : "",
    value.place ? `in ${name(value.place)}` : "",
    value.date ? `on ${apDate(String(value.date))}` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** "Al-Sudani traveled to Tehran before his meeting with Blinken": the order of events against the source's. */
export function orderRule(claim: ClaimReading, context: RuleContext): SlotFinding[] {
  const order = claim.order;
  if (!order) return [];
  for (const stated of claim.actions) {
    for (const entry of context.nearby) {
      for (const value of entry.fact.values) {
        if (value.kind !== "action" || !value.after || context.language.read(value.action).term !== stated.action) continue;
        const before = context.wordsOf(value.after);
        if (!before.some((term) => order.words.includes(term))) continue;
        const holds = order.relation === "after";
        return [f({ rule: "order", outcome: holds ? "match" : "conflict", fact: entry, claimed: `${order.relation} ${value.after}`, sourced: describeAction(value, context) + ` after ${value.after}` })];
      }
    }
  }
  return [];
}

/** "Qasem Soleimani, the leader of Lebanon's Hezbollah": a role the source gives the person of someone else. */
export function roleRule(claim: ClaimReading, context: RuleContext): SlotFinding[] {
  for (const role of claim.roles) {
    for (const entry of context.nearby) {
      for (const value of entry.fact.values) {
        if ((value.kind !== "person" && value.kind !== "group") || value.entity !== role.person) continue;
        const words = context.wordsOf(value.of);
        if (!words.includes(role.role)) continue;
        const of = words.filter(isEntityTerm).map((term) => term.slice(1));
        if (of.length === 0) continue;
        const holds = role.of.some((id) => of.includes(id) || of.some((other) => context.within(id, other)));
        return [f({ rule: "role", outcome: holds ? "match" : "conflict", fact: entry, claimed: `${context.nameOf(role.person)} ${role.role} of ${role.of.map(context.nameOf).join(", ")}`, sourced: `${context.nameOf(role.person)}: ${value.of.split(" / ")[0]}` })];
      }
    }
  }
  return [];
}

/** A claim word whose opposite a fact about the same names states ("criticized" against "a positive development"). */
export function stanceRule(claim: ClaimReading, context: RuleContext): SlotFinding[] {
  const terms = [...claim.contentTerms, ...claim.understood.terms];
  for (const entry of context.facts.slice(0, 3)) {
    if (!claim.entities.every((id) => entry.entities.has(id))) continue;
    for (const term of terms) {
      for (const opposite of context.opposites.get(term) ?? []) {
        // (What a value measures is no stance: "severity of the injuries: minor" says minor, not severe.)
        if (terms.includes(opposite) || !context.asserts(entry, opposite)) continue;
        // Another fact stating the claim's own word, with most of what the claim says, speaks for it
        // ("calls for US troops to leave" after the 2020 strike; al-Sudani's wish that they stay is another matter).
        const statesItself = context.facts.some((other) => other !== entry && context.states(other, term) && claim.contentTerms.filter((t) => context.states(other, t)).length * 2 >= claim.contentTerms.length);
        if (statesItself) continue;
        // A negated claim of the opposite agrees ("not a positive development" ... ) : leave it unsettled.
        if (claim.negated) return [f({ rule: "stance", outcome: "unknown", fact: entry, claimed: term, sourced: entry.fact.answer })];
        return [f({ rule: "stance", outcome: "conflict", fact: entry, claimed: wordOf(claim, term), sourced: entry.fact.answer })];
      }
    }
  }
  return [];
}

function wordOf(claim: ClaimReading, term: string): string {
  return claim.understood.question?.asked.find((asked) => asked.term === term)?.word ?? term;
}

/** What a death is said to come from: "died in a drone strike", "killed by a rocket", "died of a heart attack". */
const CAUSE_OF_DEATH = /\b(?:died|dies|die|killed|dead|death)\s+(?:of|from|in|by)\s+((?:a|an|the)\s+)?([^,.;]+?)(?=\s+(?:in|on|at|near|during|while|when|after|before|since|inside|outside)\b|[,.;]|$)/i;

/**
 * "The contractor died in a drone strike": the cause a claim gives a death, against the cause
 * the source gives the same death (a fact's `cause` value, "contractor death: cardiac arrest").
 * Places and dates after "in" are no cause ("killed in Iraq", "died in 2020").
 */
export function causeRule(claim: ClaimReading, context: RuleContext): SlotFinding[] {
  const said = CAUSE_OF_DEATH.exec(claim.text);
  if (!said) return [];
  const cause = said[2]!.trim();
  const causeTerms = context.wordsOf(cause).filter((term) => !isEntityTerm(term) && !/^\d/.test(term));
  if (causeTerms.length === 0) return [];
  for (const entry of context.facts) {
    for (const value of entry.fact.values) {
      if (value.kind !== "cause") continue;
      // The death the claim speaks of: one whose words ("contractor death") the claim uses besides the cause.
      const whose = context.wordsOf(value.of).filter((term) => !causeTerms.includes(term));
      if (!whose.some((term) => claim.contentTerms.includes(term))) continue;
      const sourced = context.wordsOf(String(value.value));
      const holds = causeTerms.some((term) => sourced.includes(term));
      return [f({ rule: "cause", outcome: holds ? "match" : "conflict", fact: entry, claimed: `death by ${cause}`, sourced: entry.fact.answer })];
    }
  }
  return [];
}

/** "No US troops were injured", "None of the attacks caused injuries": ruled out by a count above zero. */
export function negationRule(claim: ClaimReading, context: RuleContext, earlier: readonly SlotFinding[]): SlotFinding[] {
  // A fact that states the very negation ("the US did not strike in Iraq") has already spoken.
  if (!claim.negated || claim.figures.length > 0 || earlier.some((finding) => (finding.rule === "action" || finding.rule === "only-place") && finding.outcome === "match")) return [];
  // "The injuries were not severe" says what they were like, not that there were none.
  const negatedWord = /\b(?:not|never)\s+(?:very\s+|so\s+|that\s+)?([a-z]+)/i.exec(claim.text)?.[1];
  if (negatedWord && context.language.partsOfSpeech(negatedWord).has("a") && !context.language.partsOfSpeech(negatedWord).has("v") && !context.language.partsOfSpeech(negatedWord).has("n")) return [];
  // What is negated is what the claim ends on ("None of the attacks caused any injuries": the injuries).
  const heads = claim.contentTerms.filter((term) => context.index.measureTerms.has(term)).reverse();
  for (const head of heads) {
    for (const { entry, measure } of countsOf(context, head, claim, [])) {
      // "has not struck targets inside Iraq": a count of strikes elsewhere doesn't rule it out.
      if (claim.places.length > 0 && (!measure.place || !claim.places.includes(measure.place))) continue;
      const value = countOf(measure);
      if (value.value > 0) return [f({ rule: "negation", outcome: "conflict", fact: entry, claimed: `no ${wordOf(claim, head)}`, sourced: describeCount(measure, context.nameOf) })];
    }
  }
  return [];
}

/** "per an unnamed militia official", "the Pentagon says": the claim's source must be the fact's. */
export function attributionRule(claim: ClaimReading, context: RuleContext, decidingFacts: readonly IndexedFact[]): SlotFinding[] {
  const attribution = claim.attribution;
  if (!attribution) return [];
  const facts = decidingFacts.length > 0 ? decidingFacts : context.facts.slice(0, 1);
  for (const entry of facts) {
    const saidBy = entry.fact.saidBy?.toLowerCase() ?? "";
    if (attribution.onTheRecord && /anonym/.test(saidBy)) return [f({ rule: "attribution", outcome: "conflict", fact: entry, claimed: "on the record", sourced: `the source says ${entry.fact.saidBy}` })];
    if (attribution.anonymous && saidBy && !/anonym/.test(saidBy)) return [f({ rule: "attribution", outcome: "unknown", fact: entry, claimed: "an unnamed source", sourced: `the source attributes it to ${entry.fact.saidBy}` })];
    const unknown = attribution.entities.filter((id) => !entry.speakers.has(id) && !entry.entities.has(id));
    if (unknown.length > 0) return [f({ rule: "attribution", outcome: "unknown", fact: entry, claimed: unknown.map(context.nameOf).join(", "), sourced: `the source doesn't quote ${unknown.map(context.nameOf).join(" or ")} on this` })];
  }
  return [];
}


/** Words that are a slot of their own (qualifiers, negation, months, ordinals), not content a fact must state. */
const SLOT_WORDS = /^(about|around|roughly|approximately|some|nearly|almost|least|more|fewer|less|only|just|over|under|not|no|never|none|nothing|number|numbered|numbers|count|counted|total|tally|january|february|march|april|june|july|august|september|october|november|december|jan|feb|oct|nov|dec|sept|first|second|third|fourth|latest|last|most|half|dozens?|hundreds|thousands|several|times|twice)$/;

/**
 * Supported needs a fact that states what the claim says: the claim's names are what it is about,
 * and its words (the lexicon's, or related words no broader than them) carry nearly all of the claim.
 */
/**
 * Does the fact give the claim's roles the same way round? Read by word order around the claim's
 * verb: the fact must not have the claim's doer only after the verb and its done-to only before it
 * ("the militias monitor US forces" against "a US garrison ... used to monitor Iranian proxies"),
 * nor the claim's done-to as what the verb is against ("Iran supports the opposition" against "Iran
 * backs Assad's government against opposition groups").
 */
/** Can the word be a verb here: WordNet lists it as one, and no determiner comes before it? */
const canBeVerb = (word: string, before: string | undefined, context: RuleContext) => context.language.partsOfSpeech(word).has("v") && !/^(the|a|an|of|its|their|his|her|our|this|that|these|those)$/.test(before ?? "");

/**
 * Where the claim's verb is: the first word after its subject that can be one, not light, not
 * after a determiner ("The militias monitor ..."); after a verb of speech, the verb of what was
 * said ("Critics argue the response has not deterred ...": who said it is the attribution's to check).
 */
function claimVerbAt(claim: ClaimReading, context: RuleContext, from = -1): number {
  const tokens = claim.understood.question?.tokens ?? [];
  const mentions = claim.understood.question?.mentions ?? [];
  const isName = (i: number) => mentions.some((mention) => mention.start <= i && i < mention.end);
  const firstContent = from >= 0 ? from : tokens.findIndex((token, i) => isName(i) || !context.language.stopwords.has(token));
  const at = tokens.findIndex((token, i) => i > firstContent && !isName(i) && !context.language.stopwords.has(token) && !context.language.isLightWord(token) && canBeVerb(token, tokens[i - 1], context));
  return at >= 0 && context.language.isSpeechVerb(tokens[at]!) && from < 0 ? claimVerbAt(claim, context, at) : at;
}

function rolesInOrder(claim: ClaimReading, entry: IndexedFact, context: RuleContext): boolean {
  const tokens = claim.understood.question?.tokens ?? [];
  const terms = tokens.map((token) => context.language.read(token).term);
  const mentions = claim.understood.question?.mentions ?? [];
  const termAt = (i: number) => mentions.find((mention) => mention.start <= i && i < mention.end)?.entityId ?? terms[i]!;
  const verbAt = claimVerbAt(claim, context);
  if (verbAt < 0) return true;
  const content = (from: number, to: number) => [...new Set(tokens.slice(from, to).map((_, k) => termAt(from + k)).filter((term) => !context.language.stopwords.has(term) && !/^\d/.test(term)))].map((term) => (context.nameOf(term) !== term ? `@${term}` : term));
  const doers = content(0, verbAt);
  const doneTo = content(verbAt + 1, tokens.length);
  const verb = terms[verbAt]!;
  // What the fact's values count are said the same way ("hits on US bases"): the one after "on" is hit.
  const wordings = entry.fact.values.flatMap((value) => ("of" in value ? value.of.split(" / ") : []));
  for (const text of [entry.fact.answer, ...entry.fact.citations.map((citation) => citation.quote), ...wordings]) {
    const words = wordTokens(text);
    // Where the fact uses the verb as a verb, active: not a noun ("threats of retaliation from"), not a passive ("were hit by").
    const v = words.findIndex(
      (word, i) => context.language.read(word).term === verb && canBeVerb(word, words[i - 1], context) && !(/^(is|are|was|were|be|been|being)$/.test(words[i - 1] ?? "") && /(ed|en)$/.test(word)),
    );
    if (v < 0) continue;
    const side = (from: number, to: number) => new Set(context.wordsOf(words.slice(from, to).join(" ")));
    const before = side(0, v);
    const after = side(v + 1, words.length);
    const doersOnlyAfter = doers.some((term) => after.has(term)) && !doers.some((term) => before.has(term));
    const doneToOnlyBefore = doneTo.some((term) => before.has(term)) && !doneTo.some((term) => after.has(term));
    if (doersOnlyAfter && doneToOnlyBefore) return false;
    // "attacks on US forces", "hits on US bases": the claim's doer is what the deed is done to.
    const onWhom = /^(on|against|targeting)$/.test(words[v + 1] ?? "") ? side(v + 2, Math.min(words.length, v + 6)) : new Set<string>();
    if (doers.some((term) => onWhom.has(term)) && !doers.some((term) => before.has(term))) return false;
    // "against opposition groups": what the verb is against is not what it is done to.
    const against = new Set(words.flatMap((word, i) => (/^(against|versus|vs|opposing)$/.test(word) && i > v ? context.wordsOf(words.slice(i + 1, i + 4).join(" ")) : [])));
    const plainDoneTo = doneTo.filter((term) => !term.startsWith("@"));
    if (plainDoneTo.length > 0 && plainDoneTo.every((term) => against.has(term))) return false;
  }
  return true;
}

/** Does the fact say no to what the negated claim says no to: a negation of its own, or the opposite of the negated word? */
function statesNegation(claim: ClaimReading, entry: IndexedFact, context: RuleContext): boolean {
  const negatedWord = /\b(?:not|never|no|none of the|n't)\s+(?:very\s+|so\s+|any\s+|the\s+|a\s+)?([a-z]+)/i.exec(claim.text)?.[1];
  const negated = negatedWord ? context.language.read(negatedWord.toLowerCase()).term : undefined;
  if (negated && [...(context.opposites.get(negated) ?? [])].some((opposite) => context.states(entry, opposite))) return true;
  return [entry.fact.answer, ...entry.fact.citations.map((citation) => citation.quote)].some((text) => /\b(no|not|never|none|n't|without|fail|fails|failed|failing)\b/i.test(text));
}

export function coverageRule(claim: ClaimReading, context: RuleContext, preferred: readonly IndexedFact[]): SlotFinding[] {
  // Figures, dates, qualifiers and negation are slots of their own; coverage is about the rest.
  const asked = claim.understood.question!.asked.filter((term) => !isEntityTerm(term.term) && !term.term.startsWith("!") && !SLOT_WORDS.test(term.word) && !/\d/.test(term.word) && !context.language.isLightWord(term.word));
  // The story's backdrop ("attack", "strike", "troop": words most facts use) says little of which fact is meant.
  const backdrop = (term: string) => (context.index.postings.get(term)?.length ?? 0) >= context.index.facts.length * ENGINE_CONFIG.storyWideShare;
  // ... and a word the facts never use ("former", "aligned") counts as a typical word: the claim says something they don't.
  // An abstract noun the facts never use ("organization") weighs as the backdrop does.
  const abstract = (term: string) => {
    const word = asked.find((a) => a.term === term);
    return word !== undefined && !word.specific && context.language.partsOfSpeech(word.word).has("n") && !context.language.partsOfSpeech(word.word).has("a");
  };
  const weightOf = (term: string) => context.index.idf.get(term) === undefined ? context.index.unknownIdf * (abstract(term) ? CHECK_CONFIG.backdropWeight : 1) : context.index.idf.get(term)! * (backdrop(term) ? CHECK_CONFIG.backdropWeight : 1);
  const lightTerms = attributiveOf(claim, context);
  const total = asked.reduce((sum, term) => sum + weightOf(term.term) * (lightTerms.has(term.term) ? CHECK_CONFIG.backdropWeight : 1), 0);
  // "the targeted sites": a participle before its noun describes it; it weighs as little as the backdrop.
  const tokens = claim.understood.question!.tokens;
  const attributive = new Set(tokens.filter((token, i) => /ed$/.test(token) && i + 1 < tokens.length && context.language.partsOfSpeech(tokens[i + 1]!).has("n") && /^(the|a|an|its|their)$/.test(tokens[i - 1] ?? "")).map((token) => context.language.read(token).term));
  const light = (term: string) => attributive.has(term);
  const weigh = (term: string) => weightOf(term) * (light(term) ? CHECK_CONFIG.backdropWeight : 1);
  let best: { entry: IndexedFact; share: number; missing: string[] } | undefined;
  const facts = [...new Set([...preferred, ...context.facts])];
  const verbAt = claimVerbAt(claim, context);
  const verb = verbAt >= 0 && asked.some((term) => term.word === tokens[verbAt]) ? tokens[verbAt] : undefined;
  // What a fact only wants ("to tell the militias to stop attacks") bears out a claim of that goal, not one that it happened.
  const ofAGoal = /\b(goal|goals|aim|aims|purpose|intent|intention|objective|hope|hopes|want|wants|wanted|urge|urged|pressure|pressed|push|seek|seeks|so that|in order to|trying to|tries to)\b/i.test(claim.text);
  // A positive claim needs the words stated as so ("caused casualties" is not what "there were no casualties" states).
  const states = (entry: IndexedFact, term: string) => (claim.negated ? context.states(entry, term) : context.affirms(entry, term)) || (ofAGoal && context.wishes(entry, term));
  for (const entry of facts) {
    if (!claim.entities.every((id) => entry.entities.has(id) || id === "united-states")) continue;
    let covered = 0;
    const missing: string[] = [];
    for (const term of asked) {
      const ok = states(entry, term.term) || term.expansions.some((e) => e.relation !== "broader" && e.weight >= ENGINE_CONFIG.coveringRelation && states(entry, e.term));
      if (ok) covered += weigh(term.term);
      else missing.push(term.word);
    }
    // A thing the fact never names ("aircraft carrier", "defense firm") is a claim it doesn't make,
    // nor is a deed it never states ("Israel accepted blame" against "Israel denied it").
    if (asked.some((term) => term.specific && !term.known && missing.includes(term.word))) continue;
    if (verb !== undefined && missing.includes(verb)) continue;
    const share = total > 0 ? covered / total : 1;
    if (!best || share > best.share) best = { entry, share, missing };
  }
  if (!best) return [f({ rule: "coverage", outcome: "unknown", claimed: claim.text, sourced: "no fact in my sources speaks to all of it" })];
  // A fact whose figure, date or action matched the claim needs to state less of the rest.
  const needed = preferred.includes(best.entry) ? CHECK_CONFIG.coverageWithSlot : CHECK_CONFIG.coverageToSupport;
  // Words alone don't bear out who did what to whom: the fact must not say it the other way round.
  const rolesHold = rolesInOrder(claim, best.entry, context);
  // "the first attacks": an ordinal the fact must say too.
  const ordinal = /\b(first|second|third|fourth|fifth|last|latest)\b/i.exec(claim.text)?.[1];
  const ordinalHolds = !ordinal || claim.dates.length > 0 || context.asserts(best.entry, context.language.read(ordinal.toLowerCase()).term);
  // Words alone don't bear out a negation ("does not support" beside "has supported"): the fact
  // must say no itself, or say the opposite of what is negated ("not severe" beside "minor").
  const polarityHolds = !claim.negated || statesNegation(claim, best.entry, context);
  const outcome: SlotOutcome = best.share >= needed && polarityHolds && rolesHold && ordinalHolds ? "match" : "unknown";
  const why =
    best.share < needed ? `my sources don't say ${best.missing.slice(0, 3).join(", ")}` : !rolesHold ? "my sources don't say who did what to whom that way" : !ordinalHolds ? `my sources don't say ${ordinal!.toLowerCase()}` : "my sources don't say it is not so";
  return [f({ rule: "coverage", outcome, fact: best.entry, claimed: claim.text, sourced: outcome === "match" ? best.entry.fact.answer : why })];
}

function attributiveOf(claim: ClaimReading, context: RuleContext): Set<string> {
  const tokens = claim.understood.question!.tokens;
  return new Set(tokens.filter((token, i) => /ed$/.test(token) && i + 1 < tokens.length && context.language.partsOfSpeech(tokens[i + 1]!).has("n") && /^(the|a|an|its|their)$/.test(tokens[i - 1] ?? "")).map((token) => context.language.read(token).term));
}
