// WordNet as a lexical resource: a word's synonyms, derivationally related forms and one level of
// broader and narrower words, weighed by how common the sense is. Far-fetched readings are kept
// out: only a word's first few senses count, rare senses weigh less, and a very polysemous word
// ("get", "set", "run") brings only its commonest senses, at a discount.
import { WORDNET_CONFIG } from "../config.js";
import type { LexicalResource, RelatedWord, Relation } from "./lexical-resource.js";
import { baseForms, irregularForms, phraseBaseForms } from "./morphology.js";
import type { PartOfSpeech, WordNet } from "./wordnet.js";

const POS_NAMES: Record<PartOfSpeech, string> = { n: "noun", v: "verb", a: "adjective", r: "adverb" };

/** The relations followed, each with how much a word reached through it counts. */
const RELATIONS: Readonly<Record<string, { weight: number; name: string; kind: Relation }>> = {
  "+": { weight: WORDNET_CONFIG.derived, name: "related form of", kind: "derived" },
  "@": { weight: WORDNET_CONFIG.broader, name: "broader word for", kind: "broader" },
  "@i": { weight: WORDNET_CONFIG.broader, name: "broader word for", kind: "broader" },
  "~": { weight: WORDNET_CONFIG.narrower, name: "narrower word for", kind: "narrower" },
  "&": { weight: WORDNET_CONFIG.similar, name: "similar to", kind: "similar" },
  $: { weight: WORDNET_CONFIG.similar, name: "verb like", kind: "similar" },
  "\\": { weight: WORDNET_CONFIG.derived, name: "pertaining to", kind: "derived" },
  "=": { weight: WORDNET_CONFIG.attribute, name: "attribute of", kind: "attribute" },
};

/** The kinds of noun that name a particular thing, person or body of people ("parliament"): leaving one uncovered means another question. */
const CONCRETE = new Set(["noun.group", "noun.artifact", "noun.location", "noun.object", "noun.substance", "noun.food", "noun.body", "noun.animal", "noun.plant", "noun.person", "noun.possession"]);

export function wordNetResource(wordNet: WordNet): LexicalResource {
  return {
    name: "WordNet",
    related(word) {
      const words = word.split(" ");
      const forms = words.length > 1 ? phraseBaseForms(words, wordNet) : baseForms(word, wordNet);
      const related: RelatedWord[] = [];
      // The word's own forms first: its dictionary form ("chosen" -> choose) and that form's
      // irregular ones ("choose" -> chose, chosen), which no stemmer brings together.
      for (const form of forms) {
        const of = `${form.lemma} (${POS_NAMES[form.pos]})`;
        for (const other of [form.lemma, ...irregularForms(form.lemma, form.pos)]) {
          if (other !== word) related.push({ word: other, weight: WORDNET_CONFIG.inflection, kind: "inflection", relation: `form of ${of}:` });
        }
      }
      for (const form of forms) {
        const entry = wordNet.lookup(form.lemma, form.pos);
        if (!entry) continue;
        const polysemous = entry.senses.length > WORDNET_CONFIG.polysemousFrom;
        const senses = entry.senses.slice(0, polysemous ? WORDNET_CONFIG.sensesOfPolysemous : WORDNET_CONFIG.sensesRead);
        senses.forEach((offset, rank) => {
          // A sense WordNet's tagged corpus never saw (beyond the first) is a rare reading.
          const rare = rank > 0 && rank >= entry.taggedSenses;
          const senseWeight = (WORDNET_CONFIG.senseWeights[rank] ?? 0) * (rare ? WORDNET_CONFIG.rareSense : 1) * (polysemous ? WORDNET_CONFIG.polysemous : 1);
          if (senseWeight <= 0) return;
          const synset = wordNet.synset(form.pos, offset);
          const ownWord = synset.words.indexOf(form.lemma) + 1;
          const of = `${form.lemma} (${POS_NAMES[form.pos]})`;
          for (const other of synset.words) {
            if (other !== form.lemma) related.push({ word: other, weight: senseWeight * WORDNET_CONFIG.synonym, kind: "synonym", relation: `synonym of ${of}:` });
          }
          for (const pointer of synset.pointers) {
            const relation = RELATIONS[pointer.symbol];
            // A lexical pointer (from one word of the synset) counts only from the word asked about.
            if (!relation || (pointer.sourceWord !== 0 && pointer.sourceWord !== ownWord)) continue;
            const target = wordNet.synset(pointer.pos, pointer.offset);
            const targets = pointer.targetWord !== 0 ? [target.words[pointer.targetWord - 1]!] : target.words;
            for (const other of targets) {
              if (other !== form.lemma) related.push({ word: other, weight: senseWeight * relation.weight, kind: relation.kind, relation: `${relation.name} ${of}:` });
            }
          }
        });
      }
      return related;
    },
    mostlyVerb(word) {
      const forms = baseForms(word, wordNet);
      const verb = forms.find((form) => form.pos === "v");
      if (!verb) return false;
      // "attacked", "retaliating", "struck": a verb's inflection is a verb.
      // ... unless the word is a noun of its own ("troops") or a noun's plural as well ("attacks").
      const nounForms = forms.filter((form) => form.pos === "n");
      if (verb.lemma !== word && !nounForms.some((form) => form.lemma === word || (form.lemma === verb.lemma && word.endsWith("s")))) return true;
      if (nounForms.length === 0) return true;
      const nounSenses = Math.max(...nounForms.map((form) => wordNet.lookup(form.lemma, "n")!.senses.length));
      return wordNet.lookup(verb.lemma, "v")!.senses.length > nounSenses;
    },
    namesAThing(word) {
      const forms = baseForms(word, wordNet);
      const noun = forms.find((form) => form.pos === "n");
      if (!noun) return false;
      const entry = wordNet.lookup(noun.lemma, "n")!;
      if (!CONCRETE.has(wordNet.synset("n", entry.senses[0]!).kind)) return false;
      // A word that is more often a verb ("to ship", "to station") is read as one.
      const verb = forms.find((form) => form.pos === "v");
      return !verb || entry.senses.length >= wordNet.lookup(verb.lemma, "v")!.senses.length;
    },
    namesPeople(word, groups = true) {
      const noun = baseForms(word, wordNet).find((form) => form.pos === "n");
      if (!noun) return false;
      const kind = wordNet.synset("n", wordNet.lookup(noun.lemma, "n")!.senses[0]!).kind;
      return kind === "noun.person" || (groups && kind === "noun.group");
    },
    partsOfSpeech(word) {
      const words = word.split(" ");
      const forms = words.length > 1 ? phraseBaseForms(words, wordNet) : baseForms(word, wordNet);
      return [...new Set(forms.map((form) => form.pos))];
    },
  };
}
