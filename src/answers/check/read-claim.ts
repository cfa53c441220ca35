// A claim read into the slots a fact check compares: what it is about (terms, names), its figures
// (each with what it counts and where), dates, share, ordinal, the actions it states (who did what
// to whom, whose, where), its polarity, its attribution and qualifiers that make it unverifiable
// ("more than any other", "the largest"). Pure reading; rules.ts compares the slots with facts.
import { extractDates, extractNumbers, extractOrdinal, extractShare, type ClaimDate, type ClaimNumber, type CountedNumber } from "../figures.js";
import { wordTokens } from "../../knowledge/text-folding.js";
import { headOf } from "../fact-index.js";
import { isEntityTerm, understand, type Understanding } from "../understand.js";
import type { Language } from "../words/language.js";
import type { ClaimPart } from "./claims.js";

export interface ClaimFigure extends CountedNumber {
  /** The term of what it counts ("attack" in "61 attacks", "troop" in "900 US troops"); for "61 times", the claim's verb. */
  head?: string;
  /** Terms said of what it counts ("kill" in "troops killed"). */
  said: string[];
  /** The place the figure is for ("in Iraq"), if the claim names one near it. */
  place?: string;
}

/** An action the claim states, with its roles as entity ids or terms. */
export interface ClaimAction {
  action: string;
  actors: string[];
  targets: string[];
  /** "a Hezbollah facility": the entity the thing acted on belongs to. */
  owner?: string;
  places: string[];
  negated: boolean;
  /** Where in the claim's tokens the action's word is. */
  at: number;
}

export interface ClaimReading {
  text: string;
  understood: Understanding;
  figures: ClaimFigure[];
  dates: ClaimDate[];
  /** For each date, the action word nearest it ("Hamas's Oct. 7 raid": raid), if one is close. */
  dateEvents: (string | undefined)[];
  share?: ClaimNumber;
  ordinal?: number | "last";
  actions: ClaimAction[];
  /** The claim's own terms that are not names (what coverage must find in a fact). */
  contentTerms: string[];
  /** Names in the claim, places among them. */
  entities: string[];
  places: string[];
  /** "no", "not", "never", "none of" negating what the claim says (not "pressured them not to attack"). */
  negated: boolean;
  /** "none of", "no ... any", "not a single": negation of every case. */
  universal: boolean;
  /** "every one of", "all of", "each of", "always": a claim about every case. */
  universalClaim: boolean;
  /** Places the claim rules out ("only in Syria, not in Iraq"). */
  negatedPlaces: string[];
  /** "before", "ever", "previously": the claim speaks of any time, not of a period the sources describe. */
  anyTime: boolean;
  /** "according to the Pentagon", "per an unnamed official", "X said": who the claim says it comes from. */
  attribution?: { entities: string[]; anonymous: boolean; onTheRecord: boolean };
  /** "more often than any other", "the largest": a superlative or ranking the facts would have to state outright. */
  ranking: boolean;
  /** "more X in A than in B", "twice as many": a comparison between two figures. */
  comparison?: { direction: "more" | "fewer"; ratio?: number };
  /** "before his meeting with Blinken", "after the Hamas raid": the claim orders events; the words of the other event. */
  order?: { relation: "before" | "after"; words: string[] };
  /** "Qasem Soleimani, the leader of Lebanon's Hezbollah": a role the claim gives a person, and of whom. */
  roles: { person: string; role: string; of: string[] }[];
}

const NEGATION = /\b(no|not|never|none|nobody|neither|nor|without|n't|cannot)\b/i;
/** Negation inside what someone urged or promised ("pressured the militias not to attack"): not the claim's polarity. */
const EMBEDDED_NEGATION = /\b(pressured|pressure|urged|asked|told|warned|promised|pushed|wanted|called on|to)\s+(?:\w+\s+){0,3}?not\s+to\b/i;
const UNIVERSAL = /\b(none of|no one|nobody|not a single|not one|not any|no \w+ (?:at all|whatsoever)|(?:no|not) .{0,40}\bany\b)/i;
const PARTIAL = /\b(in most cases|mostly|in many cases|often|largely|in some cases)\b/i;
const RANKING = /\b(more often than any|more than any other|than any other|largest|biggest|smallest|deadliest|most powerful|most important|most active|the first to|the only one|most of the \w+ (?:were|was) (?:stationed|based)|the (?:most|least) (?!of\b)\w+(?:ed|ive|ful|ous|ant|ent|ic|al|able|ible|ing)|\w+est (?:of the|among))\b/i;
const ATTRIBUTION = /\b(according to|per|says|said|say|claims?|claimed|reported|told|officials? believe|argue[sd]?|contend[sd]?|on the record|anonymously|unnamed|anonymous)\b/i;

/** Predicate verbs of the knowledge base's actions, as terms, and the places/entities that fill their roles. */
export function readClaim(part: ClaimPart, language: Language, actionTerms: ReadonlySet<string>): ClaimReading {
  const text = part.claim;
  const understood = understand(text, language, { correctTypos: true });
  const reading = understood.question!;
  // "F-16s" is a name (the scope rule's business), not the figure 16.
  const { dates, rest } = extractDates(text.replace(/\b[A-Z]{1,3}-?\d{1,3}[a-zA-Z]?s?\b/g, " "));
  const figures = extractNumbers(rest)
    .filter((number) => !/^(one)$/.test(number.written.trim()) || /\b(one|1)\s+(american|us|u\.s\.|contractor|death|person|soldier|strike)/i.test(text))
    .map((number) => figureOf(number, text, language, understood));
  const negatedPlaces = reading.mentions
    .filter((mention) => language.places.has(mention.entityId) && /\b(not|never|nor|rather than|instead of|but not)\s+(in|on|at|inside|into)?\s*$/.test(reading.tokens.slice(Math.max(0, mention.start - 3), mention.start).join(" ")))
    .map((mention) => mention.entityId);
  // "only in Syria, not in Iraq": the negation rules out a place, not what the claim says happened.
  const negated = NEGATION.test(text.replace(EMBEDDED_NEGATION, " ")) && !/\bnot (only|just)\b/i.test(text) && negatedPlaces.length === 0;
  const segmentOf = segmenter(text, reading.tokens);
  const actions = actionsOf(understood, language, actionTerms, negated, segmentOf).map((action) => ({ ...action, places: action.places.filter((place) => !negatedPlaces.includes(place)), targets: action.targets.filter((target) => !negatedPlaces.includes(target)) }));
  const attributionMatch = ATTRIBUTION.test(text);
  const ordinal = extractOrdinal(reading.tokens);
  return {
    text,
    understood,
    figures,
    dates,
    ...(extractShare(text) ? { share: extractShare(text)! } : {}),
    ...(ordinal !== undefined ? { ordinal } : {}),
    actions,
    dateEvents: dates.map((_, d) => eventNear(reading.tokens, d, actions)),
    contentTerms: understood.terms.filter((term) => !isEntityTerm(term) && !term.startsWith("!")),
    entities: understood.entities,
    // A capital read as its government ("Baghdad has denounced") is not where anything happened.
    // (The US is the actor of most claims, not where they happen.)
    places: distinctIds(reading.mentions.filter((mention) => !mention.metonym && language.places.has(mention.entityId) && mention.entityId !== "united-states").map((mention) => mention.entityId)),
    negated: negated && !PARTIAL.test(text),
    universal: UNIVERSAL.test(text),
    universalClaim: /\b(every one of|every single|each of|all of the|each one of|always|without exception)\b|\bevery\s+\w+\b/i.test(text) && !/\bonly\b/i.test(text),
    negatedPlaces,
    anyTime: /\b(ever|previously|in the past|at any point|at any time|before)\s*[.?!]*$|\b(ever|previously|in the past)\b/i.test(text),
    ...(attributionMatch ? { attribution: attributionOf(text, understood) } : {}),
    ranking: RANKING.test(text),
    ...(orderOf(text, language) ? { order: orderOf(text, language)! } : {}),
    roles: rolesOf(understood, language),
    ...(comparisonOf(text) ? { comparison: comparisonOf(text)! } : {}),
  };
}

/** What a figure counts: the first content word after it, or for "61 times" the claim's verb; and the place next to it. */
function figureOf(number: CountedNumber, text: string, language: Language, understood: Understanding): ClaimFigure {
  const following = understand(number.following, language, { correctTypos: true });
  const terms = following.terms.filter((term) => !term.startsWith("!"));
  // "two weapons and ammunition storage sites near ...": the head of the phrase after the figure.
  const named = headOf(number.following, language, wordTokens);
  let head = named && !isEntityTerm(named) && !/^\d/.test(named) && !language.read(named).spans?.span ? named : terms.find((term) => !isEntityTerm(term) && term !== "number" && !/^\d/.test(term));
  // "61 attacks on US forces", "900 US troops": the head is the first word that is not a name.
  if (/^(times|time|occasions)\b/.test(number.following)) head = verbOf(understood, language) ?? head;
  const said = terms.filter((term) => term !== head && !isEntityTerm(term));
  // The place named right after the figure ("about 2,000 in Iraq"), else the claim's only place.
  const placeAfter = following.entities.find((entityId) => language.places.has(entityId) && entityId !== "united-states");
  const places = understood.entities.filter((entityId) => language.places.has(entityId) && entityId !== "united-states");
  const place = placeAfter ?? (places.length === 1 ? places[0] : undefined);
  return { ...number, ...(head ? { head } : {}), said, ...(place ? { place } : {}) };
}

/** The claim's main verb, as a term: its first word that is more likely a verb than a noun. */
function verbOf(understood: Understanding, language: Language): string | undefined {
  const asked = understood.question?.asked ?? [];
  return asked.find((term) => !isEntityTerm(term.term) && language.mostlyVerb(term.word.split(" ")[0]!))?.term;
}

const PASSIVE = /^(is|are|was|were|been|be|being|got|get)$/;
/** Verbs that introduce what someone says or counts ("says", "has counted"): their subject is the claim's source. */
const ATTRIBUTING = /^(say|says|said|claim|claims|claimed|count|counts|counted|report|reports|reported|argue|argues|argued|tell|tells|told|believe|believes|believed|think|thinks|thought|according|contend|contends|insist|insists)$/;
const EVENT_PARTICIPANT = new Set(["with", "of", "on", "against", "by"]);
const TEMPORAL = new Set(["after", "before", "since", "during", "following", "until"]);
const LOCATIVE_BEFORE = new Set(["in", "inside", "at", "near", "within", "across", "into"]);
const PREPOSITIONS = new Set(["on", "in", "at", "against", "to", "of", "near", "from", "into", "during", "after", "before", "with"]);

/** Is the word at i the object of a verb before it ("accepted | blame", "denied the | attacks"), not a verb itself? */
function objectOfVerb(tokens: readonly string[], i: number, language: Language): boolean {
  const at = /^(the|a|an|any|all|its|their|his|her)$/.test(tokens[i - 1] ?? "") ? i - 2 : i - 1;
  const verb = tokens[at];
  if (verb === undefined || /(ed|ing)$/.test(tokens[i]!) || language.stopwords.has(verb) || language.isLightWord(verb)) return false;
  return language.mostlyVerb(verb) || (/ed$/.test(verb) && language.partsOfSpeech(verb).has("v"));
}

/**
 * The claim's actions: each word whose term is one of the knowledge base's actions, with the
 * names before it as actors and after it as targets (swapped in the passive: "was killed by"),
 * "on X" after "blamed" as the one blamed, and a name right before "facility", "site" or "depot" as its owner.
 */
function actionsOf(understood: Understanding, language: Language, actionTerms: ReadonlySet<string>, negated: boolean, segmentOf: (token: number) => number): ClaimAction[] {
  const reading = understood.question!;
  const tokens = reading.tokens;
  const allMentions = reading.mentions;
  const actions: ClaimAction[] = [];
  const entityAt = (i: number) => allMentions.find((mention) => mention.start <= i && i < mention.end);
  for (let i = 0; i < tokens.length; i++) {
    if (entityAt(i)) continue;
    const term = language.read(tokens[i]!).term;
    if (!actionTerms.has(term) || language.stopwords.has(tokens[i]!)) continue;
    // "warned of consequences if militias kept attacking": what would happen is no claim that it did.
    if (actions.length > 0 && tokens.slice(0, i).some((token) => token === "if" || token === "unless")) continue;
    // Roles come from the action's own clause: "After meeting Blinken, al-Sudani traveled".
    const segment = segmentOf(i);
    const mentions = allMentions.filter((mention) => segmentOf(mention.start) === segment);
    // A verb ("struck", "warned"), or an event noun with its participant ("a meeting with", "attacks on").
    if (!language.mostlyVerb(tokens[i]!) && !EVENT_PARTICIPANT.has(tokens[i + 1] ?? "") && tokens[i - 1] !== "to") continue;
    // The object of another verb ("Israel accepted blame", "denied responsibility for the attacks")
    // is no action of the subject's; after a light verb it is ("launched attacks", "made threats").
    if (objectOfVerb(tokens, i, language)) continue;
    const passive = PASSIVE.test(tokens[i - 1] ?? "") || PASSIVE.test(tokens[i - 2] ?? "");
    // Who a claim says spoke before the action ("The Pentagon says the strikes damaged", "the
    // Pentagon has counted 61 attacks") is its source, not an actor; a verb of speech that is the
    // action itself ("Hamas blamed") keeps its speaker.
    const speech = tokens.findIndex((token, k) => k < i && ATTRIBUTING.test(token));
    // A name inside a phrase ("the raid on Israel killed") is not the one who acted.
    const before = mentions
      .filter((mention) => mention.end <= i && !(speech >= 0 && mention.end <= speech) && !PREPOSITIONS.has(tokens[mention.start - 1] ?? ""))
      .map((mention) => mention.entityId);
    let after = mentions.filter((mention) => mention.start > i);
    const by = tokens.indexOf("by", i);
    const on = term === "blame" ? tokens.indexOf("on", i) : -1;
    if (on > i) after = [...after.filter((mention) => mention.start > on), ...after.filter((mention) => mention.start < on)];
    const nonPlaces = (ids: string[]) => ids.filter((id) => !language.places.has(id) || id === "united-states" || id === "iran" || id === "israel" || id === "iraq");
    // The nearest name before the action, and one joined to it by "and" ("Israeli and US officials").
    const nearest = mentions.filter((mention) => mention.end <= i && before.includes(mention.entityId));
    const last = nearest[nearest.length - 1];
    const previous = nearest[nearest.length - 2];
    const joined = last && previous && /^(and|,|or)$/.test(tokens.slice(previous.end, last.start).join(" ") || ",") ? [previous.entityId] : [];
    // "An American contractor": the name and the role word both fill the role.
    const withRole = (mention: { entityId: string; end: number } | undefined): string[] => {
      if (!mention) return [];
      const next = tokens[mention.end];
      const role = next !== undefined ? language.read(next).term : undefined;
      return role !== undefined && ROLE_WORDS.has(role) ? [mention.entityId, role] : [mention.entityId];
    };
    let actors = nonPlaces(last ? [...joined, ...withRole(last)] : []);
    // "al-Sudani met Khamenei after meeting Blinken": a participle after "after" or "before" is the subject's doing.
    if (/^(after|before|while|since|upon|when)$/.test(tokens[i - 1] ?? "") && /ing$/.test(tokens[i]!) && actions[0]) actors = actions[0].actors;
    // "struck targets in Iraq": a country after "in" is where it happened, not what was acted on.
    const located = (mention: { start: number }) => LOCATIVE_BEFORE.has(tokens[mention.start - 1] ?? "");
    // "ten days after the Hamas raid on Israel": a name in a time phrase is when, not whom.
    const timed = (mention: { start: number }) => tokens.slice(Math.max(i + 1, mention.start - 3), mention.start).some((token) => TEMPORAL.has(token));
    let targets = nonPlaces(after.filter((mention) => !located(mention) && !timed(mention)).slice(0, 2).flatMap((mention) => withRole(mention)));
    // Words that stand for an actor or target the catalogue doesn't hold ("contractor", "troops", "militias").
    const words = (from: number, to: number) =>
      tokens
        .slice(Math.max(0, from), Math.max(0, to))
        .filter((token, k) => !entityAt(from + k) && !language.stopwords.has(token))
        .map((token) => language.read(token).term)
        .filter((word) => ROLE_WORDS.has(word));
    // "After meeting Blinken, al-Sudani ...": the subject of the next clause did it.
    if (actors.length === 0 && segment === 0) {
      const subject = allMentions.find((mention) => segmentOf(mention.start) === 1 && mention.start === firstTokenOf(1, tokens, segmentOf));
      if (subject) actors = [subject.entityId];
    }
    if (actors.length === 0) actors = words(i - 4, i);
    if (targets.length === 0) targets = words(i + 1, i + 5);
    // "with the backing of Iran-aligned groups": the one after "of" acts on the one before.
    if (tokens[i + 1] === "of" && /^(the|with|a)$/.test(tokens[i - 1] ?? "")) {
      const of = nonPlaces(mentions.filter((mention) => mention.start > i + 1).map((mention) => mention.entityId)).slice(0, 1);
      [actors, targets] = [of, nonPlaces(before).slice(-1)];
    } else if (passive) {
      const agents = by > i ? nonPlaces(mentions.filter((mention) => mention.start > by).map((mention) => mention.entityId)).slice(0, 1) : [];
      [actors, targets] = [agents.length > 0 ? agents : by > i ? words(by + 1, by + 4) : [], actors];
    }
    const ownerMention = mentions.find((mention) => mention.start > i && OWNED.test(tokens.slice(mention.end, mention.end + 4).join(" ")));
    const places = mentions.filter((mention) => mention.start > i && language.places.has(mention.entityId) && (!targets.includes(mention.entityId) || located(mention))).map((mention) => mention.entityId);
    actions.push({
      action: term,
      actors,
      targets: targets.filter((target) => target !== ownerMention?.entityId),
      ...(ownerMention ? { owner: ownerMention.entityId } : {}),
      places,
      negated,
      at: i,
    });
  }
  return actions;
}

/** "a Hezbollah facility", "an IRGC weapons storage facility": what follows an owner's name. */
const OWNED = /^(?:\w+\s+){0,2}(facility|facilities|site|sites|depot|depots|base|bases|compound|warehouse)\b/;
/** Plain words that fill an actor's or target's role where the catalogue has no entity. */
const ROLE_WORDS = new Set(["contractor", "troop", "militia", "civilian", "attack", "strike", "drone", "rocket", "critic", "official"]);

function attributionOf(text: string, understood: Understanding): NonNullable<ClaimReading["attribution"]> {
  const lower = text.toLowerCase();
  const anonymous = /\b(unnamed|anonymous|anonymously|unidentified|on condition of anonymity)\b/.test(lower);
  const onTheRecord = /\bon the record\b|\bpublicly\b|\bby name\b/.test(lower);
  return { entities: understood.speakers, anonymous, onTheRecord };
}

function comparisonOf(text: string): ClaimReading["comparison"] | undefined {
  const lower = text.toLowerCase();
  const times = /\b(twice|two times|three times|thrice|double)\s+as\s+many\b/.exec(lower);
  const moreThanTimes = /\bmore than (twice|double|two times|three times)\b/.test(lower);
  if (times) return { direction: "more", ratio: times[1] === "three times" || times[1] === "thrice" ? 3 : 2, ...(moreThanTimes ? {} : {}) };
  if (moreThanTimes) return { direction: "more", ratio: /three/.test(lower) ? 3 : 2 };
  if (!/\bthan\b/.test(lower)) return undefined;
  if (/\b(more|greater|larger|higher)\b/.test(lower) && !RANKING.test(text)) return { direction: "more" };
  if (/\b(fewer|less|smaller|lower)\b/.test(lower)) return { direction: "fewer" };
  return undefined;
}

function distinctIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

const MONTH_TOKEN = /^(jan(uary)?|feb(ruary)?|march|april|may|june|july|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|\d{4})$/;

/** The action word within three tokens of the d-th date ("Oct. 7 raid", "began on Oct. 7"), the nearest one. */
function eventNear(tokens: readonly string[], d: number, actions: readonly ClaimAction[]): string | undefined {
  const at = tokens.map((token, i) => (MONTH_TOKEN.test(token) ? i : -1)).filter((i) => i >= 0)[d];
  if (at === undefined) return undefined;
  const near = actions.map((action) => ({ action, distance: Math.abs(action.at - at) })).filter(({ distance }) => distance <= 4).sort((a, b) => a.distance - b.distance);
  return near[0]?.action.action;
}

/** Which comma-separated part of the text each token is in (tokens lose the commas). */
function segmenter(text: string, tokens: readonly string[]): (token: number) => number {
  const ends: number[] = [];
  let count = 0;
  for (const piece of text.split(/,\s+|\s+[-\u2013\u2014]\s+/)) {
    count += wordTokens(piece).length;
    ends.push(count);
  }
  // Shorthand and corrections can change the count: past the last boundary, it is the last part.
  return (token) => {
    const at = ends.findIndex((end) => token < end);
    return at < 0 ? Math.max(0, ends.length - 1) : tokens.length === count ? at : 0;
  };
}

function firstTokenOf(segment: number, tokens: readonly string[], segmentOf: (token: number) => number): number {
  for (let i = 0; i < tokens.length; i++) if (segmentOf(i) === segment) return i;
  return -1;
}

/** "before his meeting with Blinken": the relation and the content words of the event it names. */
function orderOf(text: string, language: Language): ClaimReading["order"] | undefined {
  const match = /\b(before|after|following|prior to)\s+(?!(?:oct|nov|dec|jan|october|november|december|january|\d))(.{3,60})$/i.exec(text.replace(/[.!?]+$/, ""));
  if (!match) return undefined;
  const words = understand(match[2]!, language, { correctTypos: true }).terms;
  return words.length > 0 ? { relation: /^(after|following)$/i.test(match[1]!) ? "after" : "before", words } : undefined;
}

/** "X, the <role> of Y" and "Y's <role> X": the roles a claim gives people. */
function rolesOf(understood: Understanding, language: Language): ClaimReading["roles"] {
  const reading = understood.question!;
  const tokens = reading.tokens;
  const roles: ClaimReading["roles"] = [];
  for (const mention of reading.mentions) {
    // "Soleimani, the leader of Lebanon's Hezbollah": within a few words after the name.
    const window = tokens.slice(mention.end, mention.end + 4).map((token) => language.read(token).term);
    const role = window.find((term) => ROLE_NOUNS.has(term));
    if (!role) continue;
    const of = reading.mentions.filter((other) => other.start > mention.end && other.start <= mention.end + 7 && other.entityId !== mention.entityId).map((other) => other.entityId);
    if (of.length > 0) roles.push({ person: mention.entityId, role, of });
  }
  return roles;
}

const ROLE_NOUNS = new Set(["leader", "deputi", "prime minister", "presid", "secretari", "founder", "offici"]);
