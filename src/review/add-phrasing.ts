// `factdesk review --add-phrasing`: adds a wording people used to a fact's `questions`, in the
// fact's YAML file. The yaml package's Document API finds the fact and its list; the new item is
// written into the file's own text right after the list's last item, in that item's indentation,
// so every comment, blank line and folded answer stays exactly as the editor left it.
import { readFileSync, writeFileSync } from "node:fs";
import { isMap, isScalar, isSeq, parseDocument, stringify, type YAMLSeq } from "yaml";

export type PhrasingAdded = { ok: true; text: string } | { ok: false; problem: string };

/** The file's text with `wording` appended to the questions of fact `factId`; pure. */
export function withPhrasing(text: string, factId: string, wording: string): PhrasingAdded {
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length > 0) return { ok: false, problem: `is not valid YAML: ${doc.errors[0]!.message.split("\n")[0]}` };
  const facts = doc.get("facts");
  if (!isSeq(facts)) return { ok: false, problem: "has no facts list" };
  const fact = facts.items.find((item) => isMap(item) && item.get("id") === factId);
  if (!isMap(fact)) return { ok: false, problem: `has no fact "${factId}"` };
  const questions = fact.get("questions", true);
  if (!isSeq(questions) || questions.items.length === 0) return { ok: false, problem: `fact "${factId}" has no questions list` };
  const known = questions.items.map((item) => (isScalar(item) ? String(item.value).trim().toLowerCase() : ""));
  if (known.includes(wording.trim().toLowerCase())) return { ok: false, problem: `fact "${factId}" already lists "${wording}"` };

  if (questions.flow) {
    // [a, b]: rare in data/; the Document API rewrites the list in its own layout.
    questions.add(doc.createNode(wording));
    return { ok: true, text: doc.toString() };
  }
  return { ok: true, text: insertAfterLastItem(text, questions, wording) };
}

function insertAfterLastItem(text: string, questions: YAMLSeq, wording: string): string {
  const last = questions.items.at(-1) as { range?: [number, number, number] };
  const [start, valueEnd] = last.range!;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const prefix = text.slice(lineStart, start); // "      - ": the item's indentation and dash
  const lineEnd = text.indexOf("\n", valueEnd);
  const at = lineEnd === -1 ? text.length : lineEnd + 1;
  const item = `${prefix}${stringify(wording, { lineWidth: 0 }).trimEnd()}\n`;
  return `${text.slice(0, at)}${lineEnd === -1 ? "\n" : ""}${item}${text.slice(at)}`;
}

/** Adds the wording in place; on a problem the file is left as it was. */
export function addPhrasing(file: string, factId: string, wording: string): PhrasingAdded {
  const before = readFileSync(file, "utf8");
  const added = withPhrasing(before, factId, wording);
  if (added.ok) writeFileSync(file, added.text);
  return added;
}
