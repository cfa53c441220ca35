// Every "my sources don't cover that" rule (src/answers/abstain.ts), through the real engine and
// knowledge base: a question each rule refuses, and a close question that is answered, so a rule
// neither stays silent nor reaches past what it is for. --explain names the rule that decided.
import { describe, expect, it } from "vitest";
import { ABSTENTION_RULES, type AbstentionRule } from "../../src/answers/abstain.js";
import { realEngine } from "../helpers/engine.js";

const engine = realEngine();

/** Per rule: a question it refuses, and a close one answered with the fact named. */
const RULES: Record<AbstentionRule, { refused: string; answered: [question: string, factId: string] }> = {
  "nothing-asked": { refused: "Who?", answered: ["Who attacked?", "attacks-claimed-by"] },
  "out-of-scope-place": { refused: "Have militias fired rockets at bases in Kirkuk?", answered: ["Have militias fired rockets at bases in Iraq?", "attack-tally"] },
  "unknown-name": { refused: "What did Jake Sullivan say fueled the Houthis' threats?", answered: ["What fueled the Houthis' threats?", "proxy-threats"] },
  "after-the-sources": { refused: "Which bases were hit in March 2024?", answered: ["Which bases were hit in October 2023?", "initial-attacks"] },
  // A fact's own question with a name the fact is not about: only a close match scores high enough to meet this rule.
  "entity-not-covered": { refused: "Why did the militia official speak anonymously in Baghdad?", answered: ["Why did the militia official speak anonymously?", "militia-official-account"] },
  "thing-not-covered": { refused: "Did the Nov. 12 strike destroy a bridge?", answered: ["Did the Nov. 12 strike destroy a training facility?", "strike-nov-12"] },
  "count-not-covered": { refused: "How many Iraqis lost their lives in the US strikes?", answered: ["How many Americans lost their lives in the attacks?", "contractor-death"] },
  "date-not-covered": { refused: "What did US jets hit on October 30?", answered: ["What did US jets hit on November 12?", "strike-nov-12"] },
  "figure-not-covered": { refused: "Where did the 45 attacks happen?", answered: ["Where did the 61 attacks happen?", "attack-tally"] },
  "focus-not-covered": { refused: "What is the weather in Baghdad?", answered: ["What is Iran's role in Syria?", "militias-in-syria"] },
  "event-not-covered": { refused: "Where was Al-Asad Air Base built?", answered: ["Where is Al-Asad Air Base?", "initial-attacks"] },
  "ordinal-not-covered": { refused: "On what date did the fifth US strike happen?", answered: ["On what date did the second US strike happen?", "strike-nov-8"] },
  "speaker-not-covered": { refused: "What did Khamenei say about escalation?", answered: ["What did the Biden administration say about escalation?", "escalation-concerns"] },
  "statement-not-covered": { refused: "Did the Nov. 8 strike use drones?", answered: ["Did fighter planes carry out the Nov. 8 strike?", "strike-nov-8"] },
  "low-score": { refused: "Who won the war in Gaza?", answered: ["Who started the war in Gaza?", "october-7"] },
};

const rows = Object.entries(RULES) as [AbstentionRule, (typeof RULES)[AbstentionRule]][];

describe("the abstention rules", () => {
  it("are each tested here", () => {
    expect(Object.keys(RULES).sort()).toEqual(Object.keys(ABSTENTION_RULES).sort());
  });

  it.each(rows.map(([rule, { refused }]) => [refused, rule] as const))("refuse %j by the %s rule, and --explain says so", (question, rule) => {
    const result = engine.ask(question);
    expect(result.status).toBe("no_answer");
    expect(result.citations).toEqual([]);
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(engine.explain(question)).toContain(`not answered, rule ${rule}: ${ABSTENTION_RULES[rule]}`);
  });

  it.each(rows.map(([rule, { answered }]) => [answered[0], answered[1], rule] as const))("answer %j with %s (close to what %s refuses)", (question, factId) => {
    const result = engine.ask(question);
    expect(result.status).toBe("answered");
    expect(result.factIds).toEqual([factId]);
    expect(engine.explain(question)).toContain(`answered with ${factId}`);
  });
});

describe("a refusal's first words", () => {
  it.each([
    ["Have militias fired rockets at bases in Kirkuk?", /^My sources don't cover Kirkuk: they cover attacks on US forces in Iraq and Syria/],
    // (It says "Jake or Sullivan": the unknown name is read as two.)
    ["What did Jake Sullivan say fueled the Houthis' threats?", /^My sources don't mention Jake\b.*\bSullivan\./],
    ["Which bases were hit in March 2024?", /^My sources are as of Nov\. 17, 2023; they don't cover March 2024\./],
    ["Who?", /^I couldn't tell what that asks\./],
    ["What is the weather in Baghdad?", /^My sources don't cover that\. Closest questions I can answer:/],
  ])("for %j say why", (question, lead) => {
    expect(engine.ask(question).answer).toMatch(lead);
  });
});

describe("a who-question's deed", () => {
  it("is the verb right after 'who', not a noun later that could be one", () => {
    // "strike" here is the event, "ordered" what is asked of it: no fact says who ordered a strike.
    expect(engine.explain("Who ordered the Nov. 12 strike?")).toContain("rule event-not-covered");
    expect(engine.ask("Who met Khamenei in Tehran?").factIds).toEqual(["sudani-tehran-visit"]);
  });
});

describe("a count of what someone did", () => {
  it("is not a count of what was done to them", () => {
    // The tally counts attacks and strikes on US bases; the US's own strikes are the overview's.
    expect(engine.ask("How many times has the American military hit back?").factIds).toEqual(["us-response-overview"]);
    expect(engine.ask("How many times has Washington struck back?").factIds).toEqual(["us-response-overview"]);
    // In the passive, the bases are what was hit.
    expect(engine.ask("How often have bases with US troops on them been hit?").factIds).toEqual(["attack-tally"]);
  });
});

describe("a count with a verb of being somewhere", () => {
  it("is the count of what is there ('based' is no 'base' the attacks hit)", () => {
    expect(engine.ask("how many American soldiers are based in Iraq?").factIds).toEqual(["troop-levels"]);
  });
});

describe("a month after the sources", () => {
  it("is refused as after the sources, not as a name the sources never mention", () => {
    expect(engine.explain("Was Al-Tanf hit in December?")).toContain("rule after-the-sources");
  });
});

describe("known regressions", () => {
  // "hit" is what the attack tally's wording says of attacks ("hits on US bases"), so count-not-covered
  // turns down the facts that count US strikes ("no count of strikes hit"), and the militias'
  // attack tally is answered instead.
  it.fails("a count of US strikes said to have hit somewhere is answered with the US strikes (known regression)", () => {
    expect(engine.ask("How many US strikes have hit Syria?").factIds).toEqual(["us-response-overview"]);
  });
});
