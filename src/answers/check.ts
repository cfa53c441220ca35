// Fact-check mode: a verdict on a claim. (Filled in by the fact-check work.)
import type { EngineParts } from "./engine.js";
import type { CheckResult } from "./types.js";

export function checkClaims(_claim: string, _parts: EngineParts): CheckResult {
  return { verdict: "not_enough_info", explanation: "Not enough information.", citations: [], factIds: [], claims: [] };
}
