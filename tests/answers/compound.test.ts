// Two questions in one message (src/answers/compound.ts): how a message is split, and how the
// engine answers it: each part from its own fact, one answer when both parts are the same fact,
// and a refusal that names the part the sources don't cover.
import { describe, expect, it } from "vitest";
import { splitQuestions } from "../../src/answers/compound.js";
import { realEngine } from "../helpers/engine.js";

const engine = realEngine();
const factOf = (id: string) => engine.knowledge.facts.find((fact) => fact.id === id)!;

describe("splitQuestions", () => {
  it.each([
    ["Who is Khamenei, and what do the Houthis threaten?", ["Who is Khamenei", "what do the Houthis threaten?"]],
    ["Who is Khamenei; why did al-Sudani visit him?", ["Who is Khamenei", "why did al-Sudani visit him?"]],
    ["Where is Maysloun? Which province is it in?", ["Where is Maysloun", "Which province is it in?"]],
    ["When did the attacks start and who is behind them?", ["When did the attacks start", "who is behind them?"]],
    ["Who bombed Maysloun and why?", ["Who bombed Maysloun", "why?"]],
    ["In which town did the Nov. 12 strike land, and when?", ["In which town did the Nov. 12 strike land", "when?"]],
    // Two question words sharing one question.
    ["Why and when did the US strike Albukamal?", ["Why did the US strike Albukamal?", "when did the US strike Albukamal?"]],
  ])("splits %j into %j", (message, parts) => {
    expect(splitQuestions(message)).toEqual(parts);
  });

  it.each([
    // A lead-in that asks nothing of its own is part of the question.
    "According to US officials, who was at the safe house?",
    // "and" between two things, not two questions.
    "Which militias joined the Popular Mobilization Forces and fought the Islamic State?",
    "Did the strikes hit Iraq or Syria?",
    "How many sites and facilities did the US hit?",
  ])("keeps %j as one question", (message) => {
    expect(splitQuestions(message)).toEqual([message]);
  });

  it.each(["", "   ", "?!", "… — …"])("finds no question in %j", (message) => {
    expect(splitQuestions(message)).toEqual([]);
  });
});

describe("a message asking two things", () => {
  it("is answered from both facts, in the order asked, with both facts' citations", () => {
    const result = engine.ask("Who is Khamenei, and what do the Houthis threaten?");
    expect(result.status).toBe("answered");
    expect(result.factIds).toEqual(["sudani-tehran-visit", "proxy-threats"]);
    expect(result.answer).toBe(`${factOf("sudani-tehran-visit").answer} ${factOf("proxy-threats").answer}`);
    const quotes = result.citations.map((citation) => citation.quote);
    for (const id of result.factIds) for (const citation of factOf(id).citations) expect(quotes).toContain(citation.quote);
    expect(result.asOf).toBe("2023-11-17");
  });

  it("whose second part leans on the first is answered from the fact that part needs", () => {
    const result = engine.ask("When did the attacks start, and who is behind them?");
    expect(result.factIds).toEqual(["attack-start", "attacks-claimed-by"]);
  });

  it("is answered once when both parts are answered by the same fact", () => {
    const result = engine.ask("Who struck Maysloun, and when?");
    expect(result.status).toBe("answered");
    expect(result.factIds).toEqual(["strike-nov-8"]);
    expect(result.answer).toBe(factOf("strike-nov-8").answer);
  });

  it("is refused when one part is not covered, naming that part, and offers the part it could answer", () => {
    const result = engine.ask("Who is Khamenei, and what is the population of Syria?");
    expect(result.status).toBe("no_answer");
    expect(result.answer).toMatch(/^My sources don't cover part of that: "what is the population of Syria\?"\./);
    expect(result.suggestions[0]).toBe(factOf("sudani-tehran-visit").questions[0]);
  });

  it("asks which was meant when one part is ambiguous, quoting that part", () => {
    const result = engine.ask("What happened in Syria, and why did al-Sudani visit Khamenei?");
    expect(result.status).toBe("clarify");
    expect(result.answer).toBe('I can answer "What happened in Syria" a few ways. Which did you mean?');
    expect(result.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(result.citations).toEqual([]);
  });

  it("is explained part by part", () => {
    const explained = engine.explain("Who is Khamenei, and what do the Houthis threaten?");
    expect(explained).toContain('Question 1 of 2: "Who is Khamenei"');
    expect(explained).toContain('Question 2 of 2: "what do the Houthis threaten?"');
    expect(explained).toContain("answered with proxy-threats");
  });
});
