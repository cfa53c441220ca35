// The loader and validator, on copies of data/ broken the ways an editor might break them.
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR, formatProblem, loadKnowledge } from "../../src/knowledge/load.js";

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A copy of data/ with one file edited; returns the problems it loads with. */
function loadWith(file: string, edit: (text: string) => string): string[] {
  return loadWithBytes(file, (bytes) => {
    const text = bytes.toString("utf8");
    const edited = edit(text);
    // An edit that no longer finds its text (the data moved on) would test the unedited data.
    if (edited === text) throw new Error(`the edit changed nothing in ${file}`);
    return Buffer.from(edited, "utf8");
  });
}

/** The same, for edits that are not text: a file saved in another encoding. */
function loadWithBytes(file: string, edit: (bytes: Buffer) => Buffer, alsoEdit?: { file: string; edit: (text: string, edited: Buffer) => string }): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "factdesk-data-"));
  dirs.push(dir);
  const data = path.join(dir, "data");
  cpSync(DEFAULT_DATA_DIR, data, { recursive: true });
  const target = path.join(data, file);
  const original = readFileSync(target);
  const edited = edit(original);
  // An edit that no longer finds its text would test the untouched data and pass for nothing.
  if (edited.equals(original)) throw new Error(`the edit of ${file} changed nothing: has the data changed under the test?`);
  writeFileSync(target, edited);
  if (alsoEdit) writeFileSync(path.join(data, alsoEdit.file), alsoEdit.edit(readFileSync(path.join(data, alsoEdit.file), "utf8"), edited));
  const result = loadKnowledge(data);
  return result.ok ? [] : result.problems.map(formatProblem);
}

/** Replaces the first occurrence of `text` with Latin-1 bytes, as an editor's old tool would save it. */
function latin1(bytes: Buffer, text: string, replacement: string): Buffer {
  const at = bytes.indexOf(text);
  if (at < 0) throw new Error(`"${text}" is not in the file`);
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(replacement, "latin1"), bytes.subarray(at + text.length)]);
}

describe("the real data/", () => {
  it("loads, with every fact and entity cited", () => {
    const result = loadKnowledge();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.knowledge.facts.length).toBeGreaterThanOrEqual(35);
    expect(result.knowledge.entities.length).toBeGreaterThanOrEqual(30);
  });

  it("keeps the source byte for byte as received (shared/sources, where the checkout has it beside)", () => {
    const ours = readFileSync(path.join(DEFAULT_DATA_DIR, "sources/ap-2023-11-17-us-response-militia-attacks.txt"));
    const shared = path.resolve(DEFAULT_DATA_DIR, "../../shared/sources/ap-2023-11-17-us-response-militia-attacks.txt");
    const received = existsSync(shared) ? readFileSync(shared) : ours;
    expect(ours.equals(received)).toBe(true);
    expect(readFileSync(path.join(DEFAULT_DATA_DIR, "sources/ap-2023-11-17-us-response-militia-attacks.yaml"), "utf8")).toContain(
      createHash("sha256").update(received).digest("hex"),
    );
  });
});

describe("a broken data file", () => {
  it("names the file and field of a schema error", () => {
    const problems = loadWith("facts/attacks.yaml", (t) => t.replace("asOf: 2023-11-17", "asOf: last Friday"));
    expect(problems).toContainEqual("data/facts/attacks.yaml facts[0] (attack-tally).asOf: must be a date written YYYY-MM-DD");
  });

  it("rejects a quote that is not verbatim in its source", () => {
    const problems = loadWith("facts/casualties.yaml", (t) => t.replace("all troops have returned to duty", "all troops have returned home"));
    expect(problems.join("\n")).toMatch(/data\/facts\/casualties\.yaml injuries\.citations\[0\]\.quote: does not occur verbatim/);
  });

  it("accepts curly and straight quotes and white space alike", () => {
    expect(loadWith("entities/people.yaml", (t) => t.replace("killing General Qassem Soleimani, the commander of Iran’s Quds Force", "killing General Qassem Soleimani,\n        the commander of Iran's Quds Force"))).toEqual([]);
  });

  it("rejects a citation of the page boilerplate", () => {
    const problems = loadWith("facts/background.yaml", (t) => t.replace("quote: Associated Press writer Qasim Abdul Zahra in Baghdad contributed to this report.", "quote: Leave a Reply"));
    expect(problems.join("\n")).toMatch(/source-credit\.citations\[0\]\.quote: (quotes the page boilerplate|must quote at least a phrase)/);
    const longer = loadWith("facts/background.yaml", (t) =>
      t.replace("quote: Associated Press writer Qasim Abdul Zahra in Baghdad contributed to this report.", "quote: Your email address will not be published."),
    );
    expect(longer.join("\n")).toMatch(/quotes the page boilerplate/);
  });

  it("names both files when an id is used twice", () => {
    const problems = loadWith("facts/groups.yaml", (t) => t.replace("id: badr\n", "id: attack-tally\n"));
    expect(problems).toContainEqual(expect.stringMatching(/data\/facts\/groups\.yaml attack-tally\.id: fact id "attack-tally" is also used in data\/facts\/attacks\.yaml/));
  });

  it("rejects an alias two entities share, and a reference to an unknown entity", () => {
    expect(loadWith("entities/places.yaml", (t) => t.replace("aliases: [Gaza, Gaza Strip,", "aliases: [Gaza, Tanf,")).join("\n")).toMatch(/alias "Tanf" also belongs to entity/);
    expect(loadWith("facts/forces.yaml", (t) => t.replace("entities: [iraq, syria, baghdad, united-states]", "entities: [iraq, syria, kuwait, united-states]")).join("\n")).toMatch(
      /troop-levels\.entities\[2\]: names unknown entity "kuwait"/,
    );
  });

  it("names the fact and field of an action whose owner or role is not in the catalogue", () => {
    expect(loadWith("facts/strikes.yaml", (t) => t.replace("owner: irgc, place: albukamal", "owner: irgcc, place: albukamal"))).toEqual([
      'data/facts/strikes.yaml strike-oct-27.values[4].owner: names unknown entity "irgcc"',
    ]);
    expect(loadWith("facts/attacks.yaml", (t) => t.replace("actor: [islamic-resistance-in-iraq], action: begin", "actor: [islamic-resistance-iraq], action: begin"))).toEqual([
      'data/facts/attacks.yaml attack-start.values[2].actor[0]: names unknown entity "islamic-resistance-iraq": an actor or target is an entity id from data/entities, or one plain lower-case word such as "contractor"',
    ]);
    expect(loadWith("facts/background.yaml", (t) => t.replace("action: raid, target: [israel]", "action: raid, target: [Israel]"))).toEqual([
      'data/facts/background.yaml october-7.values[3].target[0]: names "Israel", a name of entity "israel": write the entity\'s id, "israel"',
    ]);
  });

  it("refuses a source text that has been edited", () => {
    const problems = loadWith("sources/ap-2023-11-17-us-response-militia-attacks.txt", (t) => t.replace("more than fifteen", "more than five dozen"));
    expect(problems).toEqual([
      "data/sources/ap-2023-11-17-us-response-militia-attacks.yaml sha256: does not match ap-2023-11-17-us-response-militia-attacks.txt: a source is stored byte for byte and never edited",
    ]);
  });

  it("refuses a fact file saved as Latin-1, naming the file and the byte", () => {
    const original = readFileSync(path.join(DEFAULT_DATA_DIR, "facts/attacks.yaml"));
    const offset = original.indexOf("Pentagon");
    expect(loadWithBytes("facts/attacks.yaml", (bytes) => latin1(bytes, "Pentagon", "Pentagón"))).toEqual([
      `data/facts/attacks.yaml: is not UTF-8: byte ${offset + "Pentag".length} (0xf3) starts no UTF-8 character; save the file as UTF-8`,
    ]);
  });

  it("refuses a source text that is not UTF-8, even when its checksum matches, naming the byte", () => {
    const source = "sources/ap-2023-11-17-us-response-militia-attacks";
    const original = readFileSync(path.join(DEFAULT_DATA_DIR, `${source}.txt`));
    const offset = original.indexOf("Baghdad");
    const problems = loadWithBytes(`${source}.txt`, (bytes) => latin1(bytes, "Baghdad", "Bagdád"), {
      file: `${source}.yaml`,
      edit: (text, edited) => text.replace(/sha256: [0-9a-f]{64}/, `sha256: ${createHash("sha256").update(edited).digest("hex")}`),
    });
    expect(problems).toEqual([`data/${source}.txt: is not UTF-8: byte ${offset + "Bagd".length} (0xe1) starts no UTF-8 character; save the file as UTF-8`]);
  });

  it("reports invalid YAML with the file name", () => {
    expect(loadWith("lexicon.yaml", (t) => `${t}\n  : : [`)).toContainEqual(expect.stringMatching(/^data\/lexicon\.yaml: is not valid YAML/));
  });
});
