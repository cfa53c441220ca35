// Reads data/ (sources, entities, facts, lexicon), checks every file against its schema and the
// cross-record rules, and returns the knowledge base or every problem found. Never throws for bad
// data: a broken file is an expected outcome that start-up reports and stops on.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";
import type { z } from "zod";
import { entityFileSchema, factFileSchema, lexiconSchema, sourceSchema } from "./schema.js";
import type { DataProblem, Entity, Fact, KnowledgeBase, LoadResult, Source, Topic } from "./types.js";
import { decodeUtf8 } from "./utf8.js";
import { checkKnowledge } from "./validate.js";

export const DEFAULT_DATA_DIR = path.resolve(import.meta.dirname, "../../data");

type Parsed<T> = { ok: true; value: T } | { ok: false; problems: DataProblem[] };

function readYaml<S extends z.ZodType>(file: string, shown: string, schema: S): Parsed<z.output<S>> {
  let raw: unknown;
  try {
    const decoded = decodeUtf8(readFileSync(file));
    if (!decoded.ok) return { ok: false, problems: [{ file: shown, message: decoded.message }] };
    raw = parseYaml(decoded.text);
  } catch (error) {
    const message =
      error instanceof YAMLParseError ? `is not valid YAML: ${error.message.split("\n")[0]}` : `cannot be read: ${String(error)}`;
    return { ok: false, problems: [{ file: shown, message }] };
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      file: shown,
      field: describePath(raw, issue.path),
      message: issue.message,
    })),
  };
}

/** "facts[2] (attack-tally).citations[0].quote": the path an editor can find in the file. */
function describePath(raw: unknown, issuePath: readonly PropertyKey[]): string | undefined {
  if (issuePath.length === 0) return undefined;
  let node: unknown = raw;
  let out = "";
  for (const key of issuePath) {
    if (typeof key === "number") {
      out += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      const recordId = node && typeof node === "object" && "id" in node ? (node as { id: unknown }).id : undefined;
      if (typeof recordId === "string") out += ` (${recordId})`;
    } else {
      out += out ? `.${String(key)}` : String(key);
      node = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    }
  }
  return out;
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".yaml") || name.endsWith(".yml"))
    .sort()
    .map((name) => path.join(dir, name));
}

export function loadKnowledge(dataDir: string = DEFAULT_DATA_DIR): LoadResult {
  const problems: DataProblem[] = [];
  const shown = (file: string) => path.relative(path.dirname(dataDir), file) || file;

  const sources = new Map<string, Source>();
  for (const file of yamlFiles(path.join(dataDir, "sources"))) {
    const parsed = readYaml(file, shown(file), sourceSchema);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const textFile = path.join(path.dirname(file), parsed.value.file);
    if (!existsSync(textFile)) {
      problems.push({ file: shown(file), field: "file", message: `names ${parsed.value.file}, which does not exist beside it` });
      continue;
    }
    if (sources.has(parsed.value.id)) {
      problems.push({ file: shown(file), field: "id", message: `source id "${parsed.value.id}" is used twice` });
      continue;
    }
    const bytes = readFileSync(textFile);
    if (createHash("sha256").update(bytes).digest("hex") !== parsed.value.sha256) {
      problems.push({ file: shown(file), field: "sha256", message: `does not match ${parsed.value.file}: a source is stored byte for byte and never edited` });
      continue;
    }
    const text = decodeUtf8(bytes);
    if (!text.ok) {
      problems.push({ file: shown(textFile), message: text.message });
      continue;
    }
    sources.set(parsed.value.id, { ...parsed.value, text: text.text });
  }

  const entities: Entity[] = [];
  for (const file of yamlFiles(path.join(dataDir, "entities"))) {
    const parsed = readYaml(file, shown(file), entityFileSchema);
    if (parsed.ok) entities.push(...parsed.value.map((entity) => ({ ...entity, file: shown(file) })));
    else problems.push(...parsed.problems);
  }

  const facts: Fact[] = [];
  const topics: Topic[] = [];
  for (const file of yamlFiles(path.join(dataDir, "facts"))) {
    const parsed = readYaml(file, shown(file), factFileSchema);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const { topic, title } = parsed.value;
    topics.push({ id: topic, title, factIds: parsed.value.facts.map((fact) => fact.id) });
    facts.push(...parsed.value.facts.map((fact) => ({ ...fact, topic, file: shown(file) })));
  }

  const lexiconFile = path.join(dataDir, "lexicon.yaml");
  const lexicon = readYaml(lexiconFile, shown(lexiconFile), lexiconSchema);
  if (!lexicon.ok) problems.push(...lexicon.problems);

  if (facts.length === 0 && problems.length === 0) {
    problems.push({ file: shown(path.join(dataDir, "facts")), message: "holds no fact files" });
  }
  if (!lexicon.ok || problems.length > 0) return { ok: false, problems };

  const knowledge: KnowledgeBase = { sources, entities, facts, topics, lexicon: lexicon.value, lexiconFile: shown(lexiconFile) };
  const crossProblems = checkKnowledge(knowledge);
  return crossProblems.length > 0 ? { ok: false, problems: crossProblems } : { ok: true, knowledge };
}

export function formatProblem(problem: DataProblem): string {
  return `${problem.file}${problem.field ? ` ${problem.field}` : ""}: ${problem.message}`;
}
