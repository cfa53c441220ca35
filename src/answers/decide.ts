// Step 4: answer, ask which one was meant, or say the sources don't cover it.
import { ENGINE_CONFIG } from "./config.js";
import type { Candidate } from "./retrieve.js";

export type Decision =
  | { status: "answered"; best: Candidate }
  | { status: "clarify"; options: Candidate[] }
  | { status: "no_answer"; near: Candidate[] };

export function decide(ranked: readonly Candidate[]): Decision {
  const [best, second] = ranked;
  if (!best || best.score < ENGINE_CONFIG.minScoreToAnswer) {
    const near = ranked.filter((candidate) => candidate.score >= ENGINE_CONFIG.minScoreToSuggest).slice(0, ENGINE_CONFIG.followUps);
    return { status: "no_answer", near };
  }
  if (second && second.score >= ENGINE_CONFIG.minScoreToAnswer && second.score >= best.score * ENGINE_CONFIG.clarifyRatio) {
    const options = ranked.filter((candidate) => candidate.score >= best.score * ENGINE_CONFIG.clarifyRatio);
    return { status: "clarify", options: options.slice(0, ENGINE_CONFIG.clarifyChoices) };
  }
  return { status: "answered", best };
}
