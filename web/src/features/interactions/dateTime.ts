/** Now, to the nearest quarter of an hour: meetings are booked in quarters. */
export function roundedNow(now = new Date()): Date {
  const quarter = 15 * 60 * 1000;
  return new Date(Math.round(now.getTime() / quarter) * quarter);
}

/** Whether a keyboard event comes from a place where typing "L" means a letter. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}
