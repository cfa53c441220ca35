// Fact-check mode: a verdict on each claim in a text. The text is split on its clause structure,
// each claim read into slots and compared slot by slot with the facts it is about (rules.ts).
// One slot the sources rule out contradicts it; it is supported only when every slot it states is
// matched and a fact states the rest; anything else is "not enough info". Never guesses.
import { apDate } from "../ap-date.js";
import { citationView } from "../compose.js";
import { CHECK_CONFIG } from "../config.js";
import type { EngineParts } from "../engine.js";
import type { IndexedFact } from "../fact-index.js";
import { cleanChatText } from "../normalize.js";
import { rankFacts } from "../retrieve.js";
import type { CheckResult, ClaimVerdict, Verdict } from "../types.js";
import { understand } from "../understand.js";
import type { Language } from "../words/language.js";
import { splitClaims, type ClaimPart } from "./claims.js";
import { readClaim, type ClaimReading } from "./read-claim.js";
import {
  actionRule,
  causeRule,
  attributionRule,
  CHECK_RULES,
  comparisonRule,
  coverageRule,
  dateRule,
  eventRule,
  figureRule,
  identityRule,
  negationRule,
  onlyPlaceRule,
  whereaboutsRule,
  orderRule,
  roleRule,
  rankingRule,
  scopeRule,
  shareRule,
  stanceRule,
  universalRule,
  type RuleContext,
  type SlotFinding,
} from "./rules.js";

/** One claim worked through: how it was read, the facts compared, every finding and the verdict. */
export interface ClaimWork {
  part: ClaimPart;
  reading: ClaimReading;
  facts: IndexedFact[];
  findings: SlotFinding[];
  verdict: Verdict;
  /** The finding the verdict rests on. */
  deciding?: SlotFinding;
}

/**
 * What a follow-up claim leaves aside: the contradictions of the claim it follows, as
 * contradictionKeys gives them ("it happened at Al-Asad" after a claim already contradicted for
 * its cause asks about the place, not the cause again).
 */
export interface CheckOptions {
  alreadyContradicted?: readonly string[];
}

export function checkClaims(text: string, parts: EngineParts, options: CheckOptions = {}): CheckResult {
  const work = workThroughClaims(text, parts, options);
  if (work.length === 0) {
    return { verdict: "not_enough_info", explanation: "Not enough info: paste a sentence to check.", citations: [], factIds: [], claims: [] };
  }
  const verdicts = work.map((claim) => verdictOf(claim, parts));
  const verdict: Verdict = verdicts.some((v) => v.verdict === "contradicted")
    ? "contradicted"
    : verdicts.every((v) => v.verdict === "supported")
      ? "supported"
      : "not_enough_info";
  const lead =
    verdicts.length === 1
      ? verdicts[0]!.explanation
      : `${label(verdict)}: ${verdicts.filter((v) => v.verdict === verdict).length} of ${verdicts.length} claims ${verdict === "contradicted" ? "contradicted" : verdict === "supported" ? "supported" : "lack enough info"}.`;
  const unique = <T>(items: T[], key: (item: T) => string) => [...new Map(items.map((item) => [key(item), item])).values()];
  return {
    verdict,
    explanation: lead,
    citations: unique(verdicts.flatMap((v) => v.citations), (c) => `${c.sourceId}|${c.quote}`),
    factIds: [...new Set(verdicts.flatMap((v) => v.factIds))],
    claims: verdicts,
  };
}

/** Every claim of the text, read and compared: what check and check --explain both use. */
export function workThroughClaims(text: string, parts: EngineParts, options: CheckOptions = {}): ClaimWork[] {
  const claims = splitClaims(cleanChatText(text));
  const actionTerms = actionTermsOf(parts);
  const first = claims[0] ? readClaim(claims[0], parts.language, actionTerms) : undefined;
  return claims.map((part, i) => {
    const reading = i === 0 ? first! : readClaim(part, parts.language, actionTerms);
    return compareClaim(part, reading, i === 0 ? undefined : first, parts, new Set(options.alreadyContradicted ?? []));
  });
}

/** The contradictions found in a text's claims, as keys a follow-up claim can leave aside. */
export function contradictionKeys(work: readonly ClaimWork[]): string[] {
  return work.flatMap((claim) => claim.findings.filter((finding) => finding.outcome === "conflict").map(findingKey));
}

const findingKey = (finding: SlotFinding) => `${finding.rule}|${finding.claimed}`;

function compareClaim(part: ClaimPart, reading: ClaimReading, earlier: ClaimReading | undefined, parts: EngineParts, leftAside: ReadonlySet<string> = new Set()): ClaimWork {
  const { index, language } = parts;
  // Retrieval reads what the claim is about, with the words a later clause borrows from the first.
  const about = part.context ? understand(`${part.claim} ${part.context}`, language, { correctTypos: true }) : reading.understood;
  const figure = reading.figures[0] ?? earlier?.figures[0];
  const asked = figure?.head ? { ...about, type: "count" as const, counted: figure.head } : { ...about, type: "what" as const };
  const ranked = rankFacts(asked, index, language.places, { minRecall: CHECK_CONFIG.minRecall });
  const top = ranked[0]?.score ?? 0;
  const facts = ranked.filter((candidate) => candidate.score >= top * CHECK_CONFIG.relativeScore).slice(0, CHECK_CONFIG.factsConsidered).map((candidate) => index.facts[candidate.factIndex]!);
  const nearby = ranked.slice(0, CHECK_CONFIG.factsConsidered).map((candidate) => index.facts[candidate.factIndex]!);
  const context = ruleContext(parts, facts, nearby);
  const claimContext = earlier;

  const findings: SlotFinding[] = [...scopeRule(reading, parts.decisions.coveredUntil, parts.decisions.storyYear), ...rankingRule(reading)];
  // A claim about a place, a name or a time the sources don't cover is not theirs to settle.
  const outOfScope = findings.some((finding) => finding.rule === "scope");
  if (facts.length > 0 && !outOfScope) {
    findings.push(
      ...identityRule(reading, context),
      ...comparisonRule(reading, context),
      ...onlyPlaceRule(reading, context),
      ...whereaboutsRule(reading, context),
      ...shareRule(reading, context),
      ...figureRule(reading, context, claimContext),
      ...dateRule(reading, context),
      ...eventRule(reading, context),
      ...causeRule(reading, context),
      ...actionRule(reading, context, claimContext),
      ...orderRule(reading, context),
      ...roleRule(reading, context),
      ...stanceRule(reading, context),
      ...universalRule(reading, context),
    );
    findings.push(...negationRule(reading, context, findings));
    const deciding = [...new Set(findings.filter((finding) => finding.outcome === "match" && finding.fact).map((finding) => finding.fact!))];
    findings.push(...attributionRule(reading, context, deciding));
    const setAside = findings.filter((finding) => leftAside.has(findingKey(finding)));
    if (setAside.length > 0) {
      findings.splice(0, findings.length, ...findings.filter((finding) => !setAside.includes(finding)));
      // What was set aside is still contradicted: the claim as read can't be borne out, only not settled.
      findings.push(...setAside.map((finding) => ({ ...finding, outcome: "unknown" as const, sourced: `as before, the source says ${lowerFirst(finding.sourced, parts)}` })));
    }
    // Coverage speaks only where no slot rules the claim out.
    if (!findings.some((finding) => finding.outcome === "conflict")) findings.push(...coverageRule(reading, context, deciding));
  }
  const conflict = findings.find((finding) => finding.outcome === "conflict");
  const unsettled = findings.find((finding) => finding.outcome === "unknown");
  const covered = findings.find((finding) => finding.rule === "coverage" && finding.outcome === "match");
  const verdict: Verdict = conflict ? "contradicted" : !unsettled && covered ? "supported" : "not_enough_info";
  const deciding = conflict ?? (verdict === "supported" ? (findings.find((finding) => finding.outcome === "match" && finding.rule !== "coverage") ?? covered) : unsettled);
  return { part, reading, facts, findings, verdict, ...(deciding ? { deciding } : {}) };
}

function verdictOf(work: ClaimWork, parts: EngineParts): ClaimVerdict {
  const { deciding, verdict } = work;
  const fact = deciding?.fact?.fact;
  if (!deciding || !fact) {
    const why = deciding?.sourced ?? (work.facts.length === 0 ? "no fact in my sources speaks to this claim" : "my sources don't settle this claim");
    return { claim: work.part.claim, verdict, explanation: `${label(verdict)}: ${why}.`, citations: [], factIds: [] };
  }
  // Support is told in the fact's own words; a contradiction names the slot that rules it out.
  // (Without a fact's own "Yes:" opening, which answers its own questions, not this claim.)
  const statement = (verdict === "supported" ? fact.answer : deciding.sourced).replace(/\.$/, "").replace(/^(Yes|No)[.:,]\s*(\p{L})/u, (_, _lead: string, first: string) => first.toUpperCase());
  const attributed = fact.saidBy && !statement.toLowerCase().includes(fact.saidBy.toLowerCase()) ? `according to ${fact.saidBy}, ` : "";
  let explanation: string;
  if (verdict === "contradicted") explanation = `Contradicted: the claim says ${deciding.claimed}; ${attributed}the source says ${lowerFirst(statement, parts)} (as of ${apDate(fact.asOf)}).`;
  else if (verdict === "supported") explanation = `Supported: ${attributed ? `${attributed}${lowerFirst(statement, parts)}` : statement} (as of ${apDate(fact.asOf)}).`;
  else explanation = `Not enough info: ${lowerFirst(statement, parts)}.`;
  if (verdict === "supported" && fact.saidBy && !work.reading.attribution) explanation += ` Note: the source attributes this to ${fact.saidBy}; it is not stated as settled fact.`;
  if (fact.editorNote && deciding.rule === "date" && verdict === "contradicted") explanation += ` Editor's note: ${fact.editorNote}`;
  return {
    claim: work.part.claim,
    verdict,
    explanation,
    citations: fact.citations.map((citation) => citationView(citation, parts.knowledge)),
    factIds: [fact.id],
  };
}

const label = (verdict: Verdict) => ({ supported: "Supported", contradicted: "Contradicted", not_enough_info: "Not enough info" })[verdict];

/** Lower-cases the statement's first word after "Supported: ", unless it begins a name in the entity catalogue. */
function lowerFirst(text: string, parts: EngineParts): string {
  const first = /^[A-Z][a-z]+/.exec(text)?.[0];
  return first && !parts.language.aliasWords.has(first.toLowerCase()) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

const contextByParts = new WeakMap<EngineParts, Omit<RuleContext, "facts" | "nearby">>();
function ruleContext(parts: EngineParts, facts: readonly IndexedFact[], nearby: readonly IndexedFact[]): RuleContext {
  let shared = contextByParts.get(parts);
  if (!shared) {
    const { index, language, entities, knowledge } = parts;
    const positions = new Map(index.facts.map((entry, i) => [entry, i]));
    const opposites = new Map<string, Set<string>>();
    for (const [a, b] of knowledge.lexicon.opposites) {
      const [x, y] = [termOfPhrase(a, language) ?? a, termOfPhrase(b, language) ?? b];
      opposites.set(x, new Set([...(opposites.get(x) ?? []), y]));
      opposites.set(y, new Set([...(opposites.get(y) ?? []), x]));
    }
    shared = {
      index,
      language,
      nameOf: (entityId) => entities.get(entityId)?.name ?? entityId,
      within: (place, region) => place === region || (language.enclosingPlaces.get(place) ?? []).includes(region),
      enclosing: (place) => language.enclosingPlaces.get(place) ?? [],
      isPlace: (entityId) => language.places.has(entityId),
      uses: (entry, term) => {
        const list = index.postings.get(term);
        const at = positions.get(entry);
        return list !== undefined && at !== undefined && binaryIncludes(list, at);
      },
      opposites,
      states: (entry, term) => statedTerms(entry, parts).has(term),
      affirms: (entry, term) => statedTerms(entry, parts, { affirmed: true }).has(term),
      wishes: (entry, term) => wishedTerms(entry, parts).has(term),
      asserts: (entry, term) => assertedTerms(entry, parts).has(term),
      wordsOf: (text) => understand(text, language, { correctTypos: false, statement: true }).terms,
      mutual: new Set(knowledge.lexicon.mutualActions.map((action) => actionTerm(action, language))),
      broad: new Map(Object.entries(knowledge.lexicon.broadActions).map(([verb, actions]) => [actionTerm(verb, language), new Set(actions.map((action) => actionTerm(action, language)))])),
    };
    contextByParts.set(parts, shared);
  }
  return { ...shared, facts, nearby };
}

const statedByFact = new WeakMap<IndexedFact, ReadonlySet<string>>();
const affirmedByFact = new WeakMap<IndexedFact, ReadonlySet<string>>();
/**
 * What a sentence wants rather than says: a goal ("the goal is to pressure Iran"), or what someone
 * is told, urged or hoped to do ("to tell the militias to stop attacks"). Its words are not stated.
 */
/** What a sentence says is not done: "without provoking a broader conflict". */
const WITHOUT = /\bwithout\s+[^.;:,]*/gi;

const WISHED = /\b(?:(?:goal|aim|purpose|intent|intention|objective|hope|wish)s?\s+(?:is|was|are|were)\s+to|(?:tell|told|telling|urge|urged|urging|push|pushed|pressure|pressured|persuade|persuaded|ask|asked|want|wants|wanted|hope|hopes|hoped|seek|seeks|sought|in order)\s+(?:[\w'-]+\s+){0,4}?to)\s+[^.;:]*/gi;

/** What a sentence says is not so: the few words after "not", "never", "no" ("did not provide details", "no casualties"), up to a comma or an "and". */
const NEGATED = /(?:\b(?:not|never|no)|n't)\s+(?:(?!and\b|but\b|or\b|while\b)[\w'-]+\s*){1,3}/gi;

/**
 * The terms a fact states: its answer, quotes and values (not what they only wish for), not the
 * questions it answers; `affirmed`, without what they say is not so. Worked out when first compared.
 */
function statedTerms(entry: IndexedFact, parts: EngineParts, options: { affirmed?: boolean } = {}): ReadonlySet<string> {
  const cache = options.affirmed ? affirmedByFact : statedByFact;
  let terms = cache.get(entry);
  if (!terms) {
    const { fact } = entry;
    const said = (text: string) => (options.affirmed ? text.replace(NEGATED, " ") : text);
    // A value the source rules out ("negated": no US strike inside Iraq) affirms none of its words.
    const values = options.affirmed ? fact.values.filter((value) => !("negated" in value && value.negated)) : fact.values;
    const texts = [fact.answer, ...fact.citations.map((citation) => citation.quote)].map((text) => said(text.replace(WISHED, " ").replace(WITHOUT, " "))).concat(...values.map((value) => [
      "of" in value ? value.of : "",
      "value" in value && typeof value.value === "string" ? value.value : "",
      value.kind === "action" ? [value.action, value.object ?? "", ...value.actor, ...(value.target ?? [])].join(" ") : "",
    ]));
    terms = new Set(texts.flatMap((text) => understand(text, parts.language, { correctTypos: false, statement: true }).terms));
    cache.set(entry, terms);
  }
  return terms;
}

const assertedByFact = new WeakMap<IndexedFact, ReadonlySet<string>>();
/** The terms a fact asserts: its answer and quotes (not what they wish for) and its values' values, not what the values measure. */
function assertedTerms(entry: IndexedFact, parts: EngineParts): ReadonlySet<string> {
  let terms = assertedByFact.get(entry);
  if (!terms) {
    const { fact } = entry;
    const texts = [fact.answer, ...fact.citations.map((citation) => citation.quote)].map((text) => text.replace(WISHED, " ").replace(WITHOUT, " "));
    for (const value of fact.values) if ("value" in value && typeof value.value === "string") texts.push(value.value);
    terms = new Set(texts.flatMap((text) => understand(text, parts.language, { correctTypos: false, statement: true }).terms));
    assertedByFact.set(entry, terms);
  }
  return terms;
}

const wishedByFact = new WeakMap<IndexedFact, ReadonlySet<string>>();
/** The terms of what a fact's answer and quotes only wish for ("the goal is to pressure Iran"). */
function wishedTerms(entry: IndexedFact, parts: EngineParts): ReadonlySet<string> {
  let terms = wishedByFact.get(entry);
  if (!terms) {
    const texts = [entry.fact.answer, ...entry.fact.citations.map((citation) => citation.quote)].flatMap((text) => text.match(WISHED) ?? []);
    terms = new Set(texts.flatMap((text) => understand(text, parts.language, { correctTypos: false, statement: true }).terms));
    wishedByFact.set(entry, terms);
  }
  return terms;
}

/** The term one side of an opposite pair is read as: its first term; none when it is only stopwords. */
export function termOfPhrase(phrase: string, language: Language): string | undefined {
  return understand(phrase, language, { correctTypos: false, statement: true }).terms[0];
}

/** The term an action's verb is found by: a fact's `action`, or one of the lexicon's mutualActions. */
export function actionTerm(verb: string, language: Language): string {
  return language.read(verb.toLowerCase()).term;
}

const actionsByParts = new WeakMap<EngineParts, ReadonlySet<string>>();
/** The verbs of every fact's actions, as terms: the words a claim's actions are found by. */
function actionTermsOf(parts: EngineParts): ReadonlySet<string> {
  let terms = actionsByParts.get(parts);
  if (!terms) {
    terms = new Set([
      ...parts.knowledge.facts.flatMap((fact) => fact.values.filter((value) => value.kind === "action").map((value) => actionTerm(value.action, parts.language))),
      ...Object.keys(parts.knowledge.lexicon.broadActions).map((verb) => actionTerm(verb, parts.language)),
    ]);
    actionsByParts.set(parts, terms);
  }
  return terms;
}

function binaryIncludes(list: Int32Array, value: number): boolean {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return list[low] === value;
}

export { CHECK_RULES };
