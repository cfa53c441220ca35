// Completing a half-typed question from the questions the facts list, for Discord's autocomplete.
// Fuse.js suits this job: a few hundred short strings, matched fuzzily as the user types.
import Fuse from "fuse.js";

export type QuestionCompleter = (typed: string, limit: number) => string[];

/** Loose enough for "hw many atta" to find "How many attacks...", strict enough to stay on topic. */
const COMPLETION_THRESHOLD = 0.4;

export function suggestQuestions(knownQuestions: readonly string[]): QuestionCompleter {
  const questions = [...new Set(knownQuestions)];
  const fuse = new Fuse(questions, { threshold: COMPLETION_THRESHOLD, ignoreLocation: true });
  return (typed, limit) => {
    const text = typed.trim();
    if (!text) return questions.slice(0, limit);
    return fuse.search(text, { limit }).map((match) => match.item);
  };
}
