import { LATIN_SPELLINGS, latinLetters } from '../../shared/fold.js';

/**
 * Which field of a hit matched, and where: the database says a record matches (on its folded
 * search document); this says which of its fields a person should see, and which letters of it
 * to highlight. Positions come from folding the field the way `fold` does while remembering, for
 * each folded character, the characters of the original text it came from.
 */

/** One character of a folded text and the original characters [start, end) it stands for. */
interface Unit {
  char: string;
  start: number;
  end: number;
}

export interface FoldedText {
  folded: string;
  units: Unit[];
}

export interface TextRange {
  start: number;
  length: number;
}

function expand(units: Unit[], text: string, start: number, end: number): void {
  for (const char of text) {
    for (let i = 0; i < char.length; i++) units.push({ char: char[i], start, end });
  }
}

/** Replaces every match of `pattern` in the units, the replacement spanning the matched originals. */
function replaceUnits(units: Unit[], pattern: RegExp, replacement: string): Unit[] {
  const text = units.map((unit) => unit.char).join('');
  const out: Unit[] = [];
  let last = 0;
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const single = new RegExp(pattern.source, pattern.flags.replace('g', ''));
  for (const match of text.matchAll(global)) {
    const index = match.index;
    out.push(...units.slice(last, index));
    const first = units[index];
    const final = units[index + match[0].length - 1];
    expand(out, match[0].replace(single, replacement), first.start, final.end);
    last = index + match[0].length;
  }
  out.push(...units.slice(last));
  return out;
}

/** `fold(text)` with, for each folded character, the original characters it came from. */
export function foldWithMap(text: string): FoldedText {
  let units: Unit[] = [];
  let offset = 0;
  for (const char of text) {
    const latin = latinLetters(char);
    expand(units, latin, offset, offset + char.length);
    offset += char.length;
  }
  for (const [pattern, replacement] of LATIN_SPELLINGS) units = replaceUnits(units, pattern, replacement);
  units = replaceUnits(units, /[^\p{L}\p{N}]+/u, ' ');
  while (units[0]?.char === ' ') units.shift();
  while (units.at(-1)?.char === ' ') units.pop();
  return { folded: units.map((unit) => unit.char).join(''), units };
}

/** The original range of folded characters [from, to). */
function originalRange(text: FoldedText, from: number, to: number): TextRange {
  const start = text.units[from].start;
  return { start, length: text.units[to - 1].end - start };
}

/** pg_trgm's trigrams of a folded text: each word padded with two spaces before and one after. */
function trigrams(text: string): Set<string> {
  const set = new Set<string>();
  for (const word of text.split(' ')) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  }
  return set;
}

export function trigramSimilarity(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  if (left.size === 0 || right.size === 0) return 0;
  let common = 0;
  for (const gram of left) if (right.has(gram)) common++;
  return common / (left.size + right.size - common);
}

/** How well one field matches: higher rank first, then similarity. */
export interface FieldMatch {
  rank: number;
  similarity: number;
  highlights: TextRange[];
}

/** Folded words of a text with their positions in the folded string. */
function words(folded: string): { word: string; at: number }[] {
  const out: { word: string; at: number }[] = [];
  let at = 0;
  for (const word of folded.split(' ')) {
    out.push({ word, at });
    at += word.length + 1;
  }
  return out;
}

function merge(ranges: TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: TextRange[] = [];
  for (const range of sorted) {
    const previous = out.at(-1);
    if (previous && range.start <= previous.start + previous.length) {
      previous.length = Math.max(previous.length, range.start + range.length - previous.start);
    } else out.push({ ...range });
  }
  return out;
}

/**
 * How `text` matches the folded query `q`: 5 the whole field, 4 its start, 3 a part of it,
 * 2 every word of the query starts a word of it, 1 a word of it resembles the query (trigrams),
 * 0 not at all.
 */
export function matchText(text: string, q: string): FieldMatch {
  const folded = foldWithMap(text);
  const none: FieldMatch = { rank: 0, similarity: 0, highlights: [] };
  if (!folded.folded || !q) return none;
  const similarity = trigramSimilarity(q, folded.folded);
  const whole = (rank: number, from: number, to: number): FieldMatch => ({
    rank,
    similarity,
    highlights: [originalRange(folded, from, to)],
  });
  if (folded.folded === q) return whole(5, 0, q.length);
  if (folded.folded.startsWith(q)) return whole(4, 0, q.length);
  const inside = folded.folded.indexOf(q);
  if (inside >= 0) return whole(3, inside, inside + q.length);

  const fieldWords = words(folded.folded);
  const tokens = q.split(' ');
  const starts = tokens.map((token) => fieldWords.find(({ word }) => word.startsWith(token)));
  if (starts.every(Boolean)) {
    const ranges = starts.map((found, i) => originalRange(folded, found!.at, found!.at + tokens[i].length));
    return { rank: 2, similarity, highlights: merge(ranges) };
  }

  // The run of as many words as the query has that resembles it most.
  let best = { similarity: 0, from: 0, to: 0 };
  for (let i = 0; i + Math.min(tokens.length, fieldWords.length) <= fieldWords.length; i++) {
    const run = fieldWords.slice(i, i + tokens.length);
    const value = trigramSimilarity(q, run.map(({ word }) => word).join(' '));
    if (value > best.similarity) {
      const lastWord = run.at(-1)!;
      best = { similarity: value, from: run[0].at, to: lastWord.at + lastWord.word.length };
    }
  }
  if (best.similarity === 0) return none;
  return { rank: 1, similarity: best.similarity, highlights: [originalRange(folded, best.from, best.to)] };
}

/** A phone number against the digits of the query: the digits highlighted, punctuation between them included. */
export function matchPhone(phone: string, digits: string): FieldMatch {
  const positions: number[] = [];
  let only = '';
  for (let i = 0; i < phone.length; i++) {
    if (phone[i] >= '0' && phone[i] <= '9') {
      positions.push(i);
      only += phone[i];
    }
  }
  const at = digits ? only.indexOf(digits) : -1;
  if (at < 0) return { rank: 0, similarity: 0, highlights: [] };
  const start = positions[at];
  const end = positions[at + digits.length - 1] + 1;
  return {
    rank: only === digits ? 5 : 3,
    similarity: digits.length / only.length,
    highlights: [{ start, length: end - start }],
  };
}
