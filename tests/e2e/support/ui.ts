import type { Locator, Page } from 'playwright-core';

/** A calendar day N days from today, in the browser's (and this process's) time zone: YYYY-MM-DD. */
export function dayFromToday(offset: number): string {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Types into a company combobox and picks the option whose name starts with `name`. */
export async function pickCompany(scope: Locator | Page, label: string, name: string): Promise<void> {
  const combobox = scope.getByRole('combobox', { name: label });
  await combobox.click();
  await combobox.fill(name.slice(0, Math.min(name.length, 8)));
  const option = scope.getByRole('option', { name: new RegExp(`^${escapeRegExp(name)}`) });
  await option.first().click();
  // The input shows the chosen company's name once picked.
  await waitForValue(combobox, name);
}

export async function waitForValue(input: Locator, value: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await input.inputValue()) !== value) {
    if (Date.now() > deadline) throw new Error(`The field kept "${await input.inputValue()}" instead of "${value}"`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Polls `read` until `check` accepts its value (the last value is returned), or throws after `timeout` ms. */
export async function waitUntil<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  message: string,
  timeout = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline) throw new Error(`${message} (last value: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/**
 * A money figure as shown ("RUB 150,493,000", "150 493 000 ₽", "RUB 150.5M") → a number of units:
 * digits with thousands separators, and a compact suffix if any.
 */
export function parseMoney(text: string): number {
  const match = /(\d[\d\s\u00a0\u202f,.]*)\s*([KMB]|k|млн|млрд|тыс\.?|Md|M)?/.exec(text);
  if (!match) throw new Error(`No amount in "${text}"`);
  const [, digits, suffix] = match;
  const scale: Record<string, number> = { K: 1e3, k: 1e3, M: 1e6, B: 1e9, млн: 1e6, млрд: 1e9, Md: 1e9 };
  const compact = suffix ? (scale[suffix.replace('.', '')] ?? (suffix.startsWith('тыс') ? 1e3 : 1)) : 1;
  const clean = digits.replace(/[\s\u00a0\u202f]/g, '').replace(/,(?=\d{3}(\D|$))/g, '');
  return Number(clean.replace(',', '.')) * compact;
}
