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
 * little else? Within one message ("When did Hamas attack Israel, and how many were killed?") a
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
  return words.some((word, i) => REFERRING.test(word) && !(DEMONSTRATIVE.has(word) && words[i + 1] !== undefined && !PARTICLE.has(words[i + 1]!) && isNoun(words[i + 1]!)));
}

const DEMONSTRATIVE = new Set(["this", "that", "these", "those"]);
const PARTICLE = new Set(["off", "up", "out", "down", "back", "over"]);

/**
 * The current question with what it leaves out taken from the earlier one: the earlier content
 * words, and its names unless the current question names its own of the same kind (a new place
 * replaces the old place). Its own kind of question and its own words stay.
 */
export function carryOver(earlier: Understanding, current: Understanding, text: string, isPlace: (entityId: string) => boolean, sameMessage = false): CarriedOver {
  if (!leansOnEarlier(current, text, sameMessage)) return { understood: current, carried: false };
  const ownPlaces = current.entities.some(isPlace);
  const ownOthers = current.entities.some((entityId) => !isPlace(entityId));
  const keptEntities = earlier.entities.filter((entityId) => (isPlace(entityId) ? !ownPlaces : !ownOthers));
  const entities = [...new Set([...current.entities, ...keptEntities])];
  const earlierContent = ownContent(earlier);
  const terms = [...new Set([...current.terms.filter((term) => !isEntityTerm(term)), ...earlierContent, ...entities.map((entityId) => `@${entityId}`)])];
  const askedOf = (understood: Understanding) => understood.question?.asked ?? [];
  const asked: AskedTerm[] = terms.map(
    (term) => askedOf(current).find((a) => a.term === term) ?? askedOf(earlier).find((a) => a.term === term) ?? { word: term, term, known: true, expansions: [], specific: false },
  );
  const type = current.type === "what" && earlier.type !== "what" && ownContent(current).length === 0 ? earlier.type : current.type;
  const reading = current.question;
  const earlierReading = earlier.question;
  const understood: Understanding = {
    ...current,
    type,
    terms,
    entities,
    ...(current.counted ?? (type === "count" ? earlier.counted : undefined) ? { counted: current.counted ?? earlier.counted! } : {}),
    ...(reading
      ? {
          question: {
            ...reading,
            asked,
            countedTerms: reading.countedTerms.length > 0 ? reading.countedTerms : type === "count" ? (earlierReading?.countedTerms ?? []) : [],
            ...(reading.predicate ?? (type === "count" ? earlierReading?.predicate : undefined) ? { predicate: reading.predicate ?? earlierReading!.predicate! } : {}),
            // An earlier date still bounds the question unless this one names its own.
            dates: reading.dates.length > 0 ? reading.dates : (earlierReading?.dates ?? []),
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
