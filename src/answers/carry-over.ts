// A question that leans on the one before it: the second half of "how many attacks were in Iraq,
// and how many in Syria?", or a follow-up in a conversation ("and in Syria?", "when did they
// start?", "why?"). What it doesn't say itself is carried over from the earlier question; a
// question that says what it asks about is left alone. Pure: two understandings in, one out.
import { isEntityTerm, type AskedTerm, type Understanding } from "./understand.js";

/** Pronouns and pointers that refer back ("they", "it", "that", "there"). */
const REFERRING = /\b(they|them|their|it|its|he|him|his|she|her|that|this|these|those|there|then|the same)\b/i;

export interface CarriedOver {
  understood: Understanding;
  /** Whether anything was carried over (the reply then says how it read the question). */
  carried: boolean;
}

/**
 * Does the question lean on an earlier one: nothing of its own to ask about, or a pronoun with
 * little else? Within one message ("When was Soleimani killed, and who else died?") a
 * question of one word of its own and no name leans on the one before it too.
 */
export function leansOnEarlier(current: Understanding, text: string, sameMessage = false): boolean {
  const own = ownContent(current);
  if (own.length === 0) return true;
  if (current.entities.length > 0) return false;
  // Within one message a later question of two words of its own ("who is keeping the count") is about the same thing.
  if (sameMessage) return own.length <= 2;
  return own.length <= 1 && REFERRING.test(text);
}

/** Does the text point back at something ("this", "it", "all this") it doesn't name ("this story" names it)? */
export function refersBack(text: string, isNoun: (word: string) => boolean = () => false): boolean {
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  // "were there", "is there": there as no place at all.
  return words.some((word, i) => REFERRING.test(word) && !(word === "there" && /^(is|are|was|were|be|been)$/.test(words[i - 1] ?? "")) && !(DEMONSTRATIVE.has(word) && words[i + 1] !== undefined && !PARTICLE.has(words[i + 1]!) && isNoun(words[i + 1]!)));
}

const DEMONSTRATIVE = new Set(["this", "that", "these", "those"]);
const PARTICLE = new Set(["off", "up", "out", "down", "back", "over"]);

/** How the current question relates to the earlier one. */
export interface CarryOptions {
  /** Both are questions of one message ("..., and how many were killed?"). */
  sameMessage?: boolean;
  /** The caller knows the current message leans on the earlier one (a follow-up in a conversation). */
  leans?: boolean;
  /** It asks nothing of its own ("and in Syria?", "the troops"): it asks what the earlier one asked. */
  fragment?: boolean;
  /** It corrects the earlier one ("no, I meant the attacks"): its own words replace what that asked for. */
  correction?: boolean;
  /** Does this word name people ("critics", "officials")? Such a word replaces the earlier names of people. */
  namesPeople?: (word: string) => boolean;
}

/**
 * The current question with what it leaves out taken from the earlier one: the earlier content
 * words, and its names unless the current question names its own of the same kind (a new place
 * replaces the old place). Its own kind of question and its own words stay. A question that asks
 * nothing of its own (a fragment: "and the critics?", "the troops") takes the earlier one's kind
 * and what it counts too; a correction drops what the earlier one asked for in favour of its words.
 */
export function carryOver(earlier: Understanding, current: Understanding, text: string, isPlace: (entityId: string) => boolean, options: CarryOptions = {}): CarriedOver {
  const { sameMessage = false, leans = false, fragment = false, correction = false, namesPeople = () => false } = options;
  if (!leans && !leansOnEarlier(current, text, sameMessage)) return { understood: current, carried: false };
  const own = ownContent(current);
  const askedOf = (understood: Understanding) => understood.question?.asked ?? [];
  const ownPeople = own.some((term) => namesPeople(askedOf(current).find((a) => a.term === term)?.word ?? term));
  const ownPlaces = current.entities.some(isPlace);
  const ownOthers = current.entities.some((entityId) => !isPlace(entityId)) || ownPeople;
  const keptEntities = earlier.entities.filter((entityId) => (isPlace(entityId) ? !ownPlaces : !ownOthers));
  const entities = [...new Set([...current.entities, ...keptEntities])];
  const earlierReading = earlier.question;
  // What the earlier question asked for: what it counted, its focus and the kind of thing it asked about.
  const askedFor = new Set([...(earlierReading?.countedTerms ?? []), ...(earlierReading?.focus ? [earlierReading.focus] : []), ...(earlierReading?.category ? [earlierReading.category] : [])]);
  const earlierContent = ownContent(earlier).filter((term) => !(correction && own.length > 0 && askedFor.has(term)));
  const terms = [...new Set([...current.terms.filter((term) => !isEntityTerm(term)), ...earlierContent, ...entities.map((entityId) => `@${entityId}`)])];
  const asked: AskedTerm[] = terms.map(
    (term) => askedOf(current).find((a) => a.term === term) ?? askedOf(earlier).find((a) => a.term === term) ?? { word: term, term, known: true, expansions: [], specific: false },
  );
  // A fragment asks what the earlier question asked; so does a question of no words of its own.
  const takesKind = fragment ? current.type === "what" : current.type === "what" && earlier.type !== "what" && own.length === 0;
  const type = takesKind ? earlier.type : current.type;
  const reading = current.question;
  // A fragment with words of its own names what is counted now ("the attacks" after "how many troops").
  const renamesCounted = type === "count" && current.type !== "count" && own.length > 0 && (correction || fragment);
  const counted = current.counted ?? (type === "count" ? (renamesCounted ? own[0] : earlier.counted) : undefined);
  const countedTerms = reading?.countedTerms.length ? reading.countedTerms : type !== "count" ? [] : renamesCounted ? own : (earlierReading?.countedTerms ?? []);
  const understood: Understanding = {
    ...current,
    type,
    terms,
    entities,
    ...(counted ? { counted } : {}),
    ...(reading
      ? {
          question: {
            ...reading,
            asked,
            countedTerms,
            ...(reading.predicate ?? (type === "count" && !renamesCounted ? earlierReading?.predicate : undefined) ? { predicate: reading.predicate ?? earlierReading!.predicate! } : {}),
            // A fragment keeps what the earlier question asked for, unless it names its own.
            ...(takesKind && !reading.focus && earlierReading?.focus && !(correction && own.length > 0) ? { focus: earlierReading.focus } : {}),
            ...(takesKind && !reading.category && earlierReading?.category && !(correction && own.length > 0) ? { category: earlierReading.category } : {}),
            asksHowLong: reading.asksHowLong || (takesKind && (earlierReading?.asksHowLong ?? false)),
            asksName: reading.asksName || (takesKind && (earlierReading?.asksName ?? false)),
            // An earlier date still bounds the question unless this one names its own.
            dates: reading.dates.length > 0 ? reading.dates : (earlierReading?.dates ?? []),
            // "the second?" after "when was the first strike?": its own ordinal, or the earlier one's.
            ...(reading.ordinal === undefined && earlierReading?.ordinal !== undefined && takesKind ? { ordinal: earlierReading.ordinal } : {}),
          },
        }
      : {}),
  };
  return { understood, carried: true };
}

/** The question's own content terms: not names, not places the sources don't cover. */
function ownContent(understood: Understanding): string[] {
  return understood.terms.filter((term) => !isEntityTerm(term) && !term.startsWith("!"));
}
