// `factdesk review` and `factdesk review --add-phrasing <group> <fact-id>`, for editors. Reads the
// store FactDesk writes (FACTDESK_DB or DATABASE_URL, as `npm start` does); adding a phrasing
// edits the fact's YAML file, runs the validator, and puts the file back if it fails.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Engine } from "../answers/engine.js";
import { readConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { openEngine } from "../open-engine.js";
import { engineVersion } from "../store/engine-version.js";
import { openStore } from "../store/open-store.js";
import { addPhrasing } from "./add-phrasing.js";
import { buildReview, renderReview, type ReviewReport } from "./review-report.js";

export interface ReviewOptions {
  since?: string | undefined;
  json?: boolean | undefined;
  addPhrasing?: boolean | undefined;
  /** With --add-phrasing: the group id and the fact id. */
  positionals: string[];
  dataDir: string;
}

type Io = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };

/** By default the review covers the last 30 days. */
const DEFAULT_DAYS = 30;
const DAY_MS = 24 * 60 * 60_000;

export async function runReview(engine: Engine, options: ReviewOptions, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const since = parseSince(options.since);
  if (!since) {
    io.stderr.write(`factdesk: --since takes a date (2026-11-01) or a number of days (7d), not "${options.since}"\n`);
    return 2;
  }
  if (options.addPhrasing && options.positionals.length !== 2) {
    io.stderr.write("factdesk: usage: factdesk review --add-phrasing <group> <fact-id>   (the group ids are in factdesk review)\n");
    return 2;
  }
  const configured = readConfig(env);
  if (!configured.ok) {
    io.stderr.write(`factdesk: configuration error: ${configured.error}\n`);
    return 1;
  }
  const opened = await openStore({ ...configured.config.store, engineVersion: engineVersion(engine.knowledge), logger: createLogger("error", process.stderr) });
  if (!opened.ok) {
    io.stderr.write(`factdesk: configuration error: ${opened.error}\n`);
    return 1;
  }
  let report: ReviewReport;
  try {
    report = await buildReview(opened.store.review, engine, since);
  } finally {
    await opened.store.close();
  }
  if (!options.addPhrasing) {
    io.stdout.write(options.json ? `${JSON.stringify(report)}\n` : renderReview(report));
    return 0;
  }
  return addGroupPhrasing(engine, report, options.positionals[0]!, options.positionals[1]!, options.dataDir, io);
}

function addGroupPhrasing(engine: Engine, report: ReviewReport, groupId: string, factId: string, dataDir: string, io: Io): number {
  const group = report.groups.find((candidate) => candidate.id === groupId);
  if (!group) {
    io.stderr.write(`factdesk: no group "${groupId}" among the asks since ${report.since}; factdesk review lists them (try --since)\n`);
    return 1;
  }
  const fact = engine.knowledge.facts.find((candidate) => candidate.id === factId);
  if (!fact) {
    io.stderr.write(`factdesk: no fact "${factId}" in ${path.basename(dataDir)}/facts\n`);
    return 1;
  }
  const file = path.resolve(path.dirname(dataDir), fact.file);
  const wording = group.wordings[0]!.text;
  const before = readFileSync(file, "utf8");
  const added = addPhrasing(file, factId, wording);
  if (!added.ok) {
    io.stderr.write(`factdesk: ${fact.file} ${added.problem}\n`);
    return 1;
  }
  const reopened = openEngine(dataDir);
  if (!reopened.ok) {
    writeFileSync(file, before);
    io.stderr.write(`factdesk: left ${fact.file} as it was: with "${wording}" added, data/ has ${reopened.problems.length} problem(s):\n${reopened.problems.map((p) => `  ${p}`).join("\n")}\n`);
    return 1;
  }
  io.stdout.write(`Added "${wording}" to the questions of ${factId} in ${fact.file}.\n`);
  io.stdout.write(`data/ is valid: ${reopened.engine.knowledge.facts.length} facts.\n`);
  // What the next ask of that wording will get, from the knowledge base as it now is.
  const result = reopened.engine.ask(wording);
  const answeredFromFact = result.status === "answered" && result.factIds.includes(factId);
  io.stdout.write(
    answeredFromFact
      ? `Asked now, "${wording}" is answered from ${factId} (confidence ${result.confidence.toFixed(2)}).\n`
      : `Asked now, "${wording}" gets ${result.status}${result.factIds.length ? ` (${result.factIds.join(", ")})` : ""}: check that ${factId}'s answer fits it.\n`,
  );
  return 0;
}

/** "2026-11-01" (that day, UTC), "7d" (seven days ago), or the default window. */
export function parseSince(value: string | undefined, now = Date.now()): Date | undefined {
  if (value === undefined) return new Date(now - DEFAULT_DAYS * DAY_MS);
  const days = /^(\d+)d$/.exec(value);
  if (days) return new Date(now - Number(days[1]) * DAY_MS);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
