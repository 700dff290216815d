/** "2025-H1" → its year and half, to be named in the UI language. */
export function splitHalfYear(label: string): { year: string; half: string } {
  const match = /^(\d{4})-H([12])$/.exec(label);
  return match ? { year: match[1] ?? label, half: match[2] ?? '' } : { year: label, half: '' };
}
