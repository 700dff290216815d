export interface TextRange {
  start: number;
  length: number;
}

/** A text with the given ranges in <mark>: what the search matched. */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly TextRange[] }) {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const { start, length } of [...ranges].sort((a, b) => a.start - b.start)) {
    if (start < at || length <= 0 || start >= text.length) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, start + length), marked: true });
    at = start + length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return (
    <>
      {parts.map((part, index) =>
        // Parts never move: the index is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}
