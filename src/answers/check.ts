// Fact-check mode: a verdict on each claim in a text, decided by comparing the claim's specifics
// (identity, comparisons, places, shares, numbers, dates, negation) with the typed values of the
// facts it is about. Never guesses: when no fact speaks to the claim, the verdict is not_enough_info.
import { apDate } from "./ap-date.js";
import {
  assertsSameness,
  claimTopicText,
  assertsSeparateness,
  comparison,
  extractDates,
  extractNumbers,
  extractShare,
  isAttributed,
  isNegated,
  splitClaims,
  type ClaimDate,
  type ClaimNumber,
  type ClaimPart,
} from "./claim-parts.js";
import { citationView } from "./compose.js";
import { CHECK_CONFIG } from "./config.js";
import type { EngineParts } from "./engine.js";
import type { IndexedFact, Measure } from "./fact-index.js";
import { cleanChatText } from "./normalize.js";
import { rankFacts } from "./retrieve.js";
import type { CheckResult, ClaimVerdict, Verdict } from "./types.js";
import { understand } from "./understand.js";

/** The lexicon's word for no/not/never: negation is read from the claim's text, not matched. */
const NEGATION_TERM = "not";

interface Finding {
  verdict: Verdict;
  fact: IndexedFact;
  /** The sourced statement that decides the verdict. */
  statement: string;
  kind?: "date";
}

interface ClaimView {
  text: string;
  terms: ReadonlySet<string>;
  entities: readonly string[];
  places: readonly string[];
  negated: boolean;
  nameOf: (entityId: string) => string;
  /** The term for what a number counts, from the words after it. */
  countedTerm: (following: string) => string | undefined;
  facts: readonly IndexedFact[];
  best?: { fact: IndexedFact; recall: number; score: number };
}

export function checkClaims(text: string, parts: EngineParts): CheckResult {
  const claims = splitClaims(cleanChatText(text));
  if (claims.length === 0) {
    return { verdict: "not_enough_info", explanation: "Not enough info: paste a sentence to check.", citations: [], factIds: [], claims: [] };
  }
  const verdicts = claims.map((claim) => checkClaim(claim, parts));
  const verdict: Verdict = verdicts.some((v) => v.verdict === "contradicted")
    ? "contradicted"
    : verdicts.every((v) => v.verdict === "supported")
      ? "supported"
      : "not_enough_info";
  const lead = verdicts.length === 1 ? verdicts[0]!.explanation : `${label(verdict)}: ${verdicts.filter((v) => v.verdict === verdict).length} of ${verdicts.length} claims ${verdict === "contradicted" ? "contradicted" : verdict === "supported" ? "supported" : "lack enough info"}.`;
  const unique = <T>(items: T[], key: (item: T) => string) => [...new Map(items.map((item) => [key(item), item])).values()];
  return {
    verdict,
    explanation: lead,
    citations: unique(verdicts.flatMap((v) => v.citations), (c) => `${c.sourceId}|${c.quote}`),
    factIds: [...new Set(verdicts.flatMap((v) => v.factIds))],
    claims: verdicts,
  };
}

function checkClaim(part: ClaimPart, parts: EngineParts): ClaimVerdict {
  const { language, index, knowledge } = parts;
  // Retrieval reads what the claim is about; its figures, dates and negation are compared below.
  const understood = understand(claimTopicText(`${part.claim} ${part.context}`), language, { correctTypos: true });
  understood.terms = understood.terms.filter((term) => term !== NEGATION_TERM);
  const notEnough = (why: string): ClaimVerdict => ({ claim: part.claim, verdict: "not_enough_info", explanation: `Not enough info: ${why}`, citations: [], factIds: [] });
  if (understood.elsewhere.length > 0) return notEnough("my sources don't cover the places this claim names.");

  // A claim with a figure ("61 attacks") is a claim about a count: rank as "how many attacks" would.
  const countedTerm = (following: string) => understand(following, language, { correctTypos: true }).terms.find((term) => !term.startsWith("@"));
  const [firstNumber] = extractNumbers(extractDates(part.claim).rest);
  const counted = firstNumber ? countedTerm(firstNumber.following) : undefined;
  const asked = counted ? { ...understood, type: "count" as const, counted } : { ...understood, type: "what" as const };
  const ranked = rankFacts(asked, index, language.places, { minRecall: CHECK_CONFIG.minRecall });
  if (ranked.length === 0) return notEnough("no fact in my sources speaks to this claim.");
  const top = ranked[0]!;
  const relevant = ranked.filter((c) => c.score >= top.score * CHECK_CONFIG.relativeScore);
  const view: ClaimView = {
    text: part.claim,
    terms: new Set(understood.terms),
    entities: understood.entities,
    places: understood.entities.filter((id) => language.places.has(id)),
    negated: isNegated(part.claim),
    countedTerm,
    nameOf: (entityId) => parts.entities.get(entityId)?.name ?? entityId,
    facts: relevant.slice(0, CHECK_CONFIG.factsConsidered).map((c) => index.facts[c.factIndex]!),
    best: { fact: index.facts[top.factIndex]!, recall: top.recall, score: top.score },
  };
  const within = (place: string, region: string) => place === region || (language.enclosingPlaces.get(place) ?? []).includes(region);
  const finding =
    checkIdentity(view) ??
    checkComparison(view) ??
    checkPlaces(view, within) ??
    checkShare(view) ??
    checkNumbers(view) ??
    checkDates(view) ??
    checkNegation(view) ??
    checkCoverage(view);
  if (!finding) return notEnough("my sources don't settle this claim.");

  const { fact } = finding.fact;
  const statement = finding.statement.replace(/\.$/, "");
  const attributed = fact.saidBy && !statement.toLowerCase().includes(fact.saidBy.toLowerCase()) ? `according to ${fact.saidBy}, ` : "";
  let explanation = `${label(finding.verdict)}: ${attributed}${lowerFirst(statement, language)} (as of ${apDate(fact.asOf)}).`;
  if (finding.verdict === "supported" && fact.saidBy && !isAttributed(part.claim)) {
    explanation += ` Note: the source attributes this to ${fact.saidBy}; it is not stated as settled fact.`;
  }
  if (fact.editorNote && finding.kind === "date" && finding.verdict === "contradicted") explanation += ` Editor's note: ${fact.editorNote}`;
  return {
    claim: part.claim,
    verdict: finding.verdict,
    explanation,
    citations: fact.citations.map((citation) => citationView(citation, knowledge)),
    factIds: [fact.id],
  };
}

const label = (verdict: Verdict) => ({ supported: "Supported", contradicted: "Contradicted", not_enough_info: "Not enough info" })[verdict];
/** Lower-cases the statement's first word after "Supported: ", unless it begins a name in the entity catalogue. */
function lowerFirst(text: string, language: EngineParts["language"]): string {
  const first = /^[A-Z][a-z]+/.exec(text)?.[0];
  return first && !language.aliasWords.has(first.toLowerCase()) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** Does the claim name what this value measures, in one of its wordings? */
const names = (view: ClaimView, measure: Measure) => measure.wordings.some((wording) => wording.size > 0 && [...wording].every((term) => view.terms.has(term)));

function measuresOf(view: ClaimView, kinds: readonly string[]): { entry: IndexedFact; measure: Measure }[] {
  return view.facts.flatMap((entry) => entry.measures.filter((m) => m.value !== undefined && kinds.includes(m.value.kind) && names(view, m)).map((measure) => ({ entry, measure })));
}

function checkIdentity(view: ClaimView): Finding | undefined {
  for (const entry of view.facts) {
    for (const value of entry.fact.values) {
      if (value.kind !== "distinct" || !value.entities.every((id) => view.entities.includes(id))) continue;
      const same = assertsSameness(view.text) && !assertsSeparateness(view.text);
      const separate = assertsSeparateness(view.text) || (assertsSameness(view.text) && view.negated);
      if (!same && !separate) continue;
      return { verdict: separate && !(same && !view.negated) ? "supported" : "contradicted", fact: entry, statement: entry.fact.answer };
    }
  }
  return undefined;
}

function checkComparison(view: ClaimView): Finding | undefined {
  const direction = comparison(view.text);
  if (!direction || view.places.length < 2) return undefined;
  const [first, second] = view.places;
  for (const { entry, measure } of measuresOf(view, ["count"])) {
    const a = entry.measures.find((m) => m.place === first && names(view, m));
    const b = entry.measures.find((m) => m.place === second && names(view, m));
    if (!a || !b || a === measure) continue;
    const [x, y] = [numberOf(a), numberOf(b)];
    const holds = direction === "first_larger" ? x > y : x < y;
    return { verdict: holds ? "supported" : "contradicted", fact: entry, statement: `${describe(a, view.nameOf)}, and ${describe(b, view.nameOf)}` };
  }
  return undefined;
}

function checkPlaces(view: ClaimView, within: (place: string, region: string) => boolean): Finding | undefined {
  for (const { entry, measure } of measuresOf(view, ["place"])) {
    const value = measure.value;
    if (value?.kind !== "place" || !value.only) continue;
    if (view.places.length === 0) continue;
    const inside = view.places.every((place) => within(place, value.entity));
    return { verdict: inside !== view.negated ? "supported" : "contradicted", fact: entry, statement: entry.fact.answer };
  }
  return undefined;
}

function checkShare(view: ClaimView): Finding | undefined {
  const share = extractShare(view.text);
  if (!share) return undefined;
  for (const { entry, measure } of measuresOf(view, ["share"])) {
    if (measure.place && view.places.length > 0 && !view.places.includes(measure.place)) continue;
    const verdict = compareNumbers(share, measure.value as ClaimNumber);
    return { verdict, fact: entry, statement: entry.fact.answer };
  }
  return undefined;
}

function checkNumbers(view: ClaimView): Finding | undefined {
  const numbers = extractNumbers(extractDates(view.text).rest);
  if (numbers.length === 0) return undefined;
  const candidates = measuresOf(view, ["count"]);
  if (candidates.length === 0) return undefined;
  // Each number is compared with a value of what it counts ("61 attacks"), for the place the
  // claim names or else the value with no place.
  const picks = numbers.map((number) => {
    const counted = view.countedTerm(number.following);
    const ofIt = candidates.filter(({ measure }) => counted !== undefined && measure.terms.has(counted));
    const measured = ofIt.length > 0 ? ofIt : candidates;
    const placed = measured.filter(({ measure }) => measure.place && view.places.includes(measure.place));
    const unplaced = measured.filter(({ measure }) => !measure.place);
    return { number, pick: (placed.length > 0 ? placed : unplaced.length > 0 ? unplaced : measured)[0]! };
  });
  const { entry } = picks[0]!.pick;
  const verdicts = picks.map(({ number, pick }) => compareNumbers(number, pick.measure.value as ClaimNumber));
  const verdict: Verdict = verdicts.includes("contradicted") ? "contradicted" : verdicts.every((v) => v === "supported") ? "supported" : "not_enough_info";
  const sameMeasure = entry.measures.filter((m) => m.value?.kind === "count" && names(view, m));
  return { verdict, fact: entry, statement: sameMeasure.map((m) => describe(m, view.nameOf)).join("; ") };
}

function checkDates(view: ClaimView): Finding | undefined {
  const { dates } = extractDates(view.text);
  if (dates.length === 0) return undefined;
  const candidates = measuresOf(view, ["date"]);
  if (candidates.length === 0) return undefined;
  const entry = candidates[0]!.entry;
  const sameFact = candidates.filter((c) => c.entry === entry);
  const agrees = dates.every((date) => sameFact.some(({ measure }) => sameDate(date, String((measure.value as { value: string }).value))));
  const statement = entry.fact.answer;
  return { verdict: agrees !== view.negated ? "supported" : "contradicted", fact: entry, statement, kind: "date" };
}

function checkNegation(view: ClaimView): Finding | undefined {
  if (!view.negated) return undefined;
  const candidate = measuresOf(view, ["count"]).find(({ measure }) => numberOf(measure) > 0);
  if (!candidate) return undefined;
  return { verdict: "contradicted", fact: candidate.entry, statement: candidate.entry.fact.answer };
}

/** A claim with no specifics to compare is supported only when one fact covers nearly all of it. */
function checkCoverage(view: ClaimView): Finding | undefined {
  const best = view.best;
  if (!best || view.negated || best.recall < CHECK_CONFIG.coverageToSupport) return undefined;
  // A figure or date no value could be compared with is a specific the sources don't confirm.
  if (extractNumbers(view.text).length > 0 || extractDates(view.text).dates.length > 0 || extractShare(view.text)) return undefined;
  if (!view.entities.every((id) => best.fact.entities.has(id))) return undefined;
  return { verdict: "supported", fact: best.fact, statement: best.fact.fact.answer };
}

const numberOf = (measure: Measure) => (measure.value && "value" in measure.value && typeof measure.value.value === "number" ? measure.value.value : 0);

const QUALIFIER_WORDS: Record<ClaimNumber["qualifier"], string> = { exact: "", about: "about ", at_least: "at least ", more_than: "more than ", nearly: "nearly ", fewer_than: "fewer than " };

function describe(measure: Measure, nameOf: (entityId: string) => string): string {
  const value = measure.value as { value: number; qualifier: ClaimNumber["qualifier"]; of: string; since?: string };
  const place = measure.place ? nameOf(measure.place) : undefined;
  const since = value.since ? ` since ${apDate(value.since)}` : "";
  return `${QUALIFIER_WORDS[value.qualifier]}${value.value.toLocaleString("en-US")} ${value.of.split(" / ")[0]}${place ? ` in ${place}` : ""}${since}`;
}

/**
 * Tolerance rules (docs/DESIGN.md): each side becomes a range ("about" +-10%, "nearly" up to 15%
 * below, "at least"/"more than" open above). Ranges that don't meet contradict. When the source
 * gives only a floor ("at least 60"), a claim above the floor is not_enough_info, not supported.
 */
export function compareNumbers(claim: ClaimNumber, fact: ClaimNumber): Verdict {
  const [claimLow, claimHigh] = range(claim);
  const [factLow, factHigh] = range(fact);
  if (Math.max(claimLow, factLow) > Math.min(claimHigh, factHigh)) return "contradicted";
  if (factHigh === Infinity && claimLow > factLow) return "not_enough_info";
  return "supported";
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

function sameDate(claim: ClaimDate, iso: string): boolean {
  const [year, month, day] = iso.split("-").map(Number);
  return (claim.year === undefined || claim.year === year) && (claim.month === undefined || month === undefined || claim.month === month) && (claim.day === undefined || day === undefined || claim.day === day);
}
