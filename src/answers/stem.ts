// A light English stemmer: folds plurals and -ed/-ing forms so "attacked", "attacks" and
// "attacking" meet. It only has to be consistent, since questions and facts pass through it alike.

export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let s = word;
  if (s.endsWith("ies") && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith("sses")) s = s.slice(0, -2);
  else if (/(x|z|ch|sh)es$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith("s") && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);

  if (s.endsWith("ing") && s.length >= 6) s = s.slice(0, -3);
  else if (s.endsWith("ied") && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith("ed") && s.length >= 6) s = s.slice(0, -2);

  if (/([b-df-hj-km-rt-z])\1$/.test(s)) s = s.slice(0, -1); // "hitting" -> "hitt" -> "hit"
  if (s.endsWith("e") && s.length > 4) s = s.slice(0, -1); // "damage", "damaged" -> "damag"
  return s;
}
