/**
 * What describeError and describeDeviceError share: a catalog entry's shape
 * and the one function that turns a code and a catalog lookup into an
 * ErrorDescription in the requested language.
 *
 * Internal: imported by src/core, not exported from the package.
 */
import type { ErrorCategory, ErrorDescription, ErrorMessages } from './errors.js';

/** One catalogued code: its category and its English sentence. */
export interface Entry {
  readonly c: ErrorCategory;
  readonly en: string;
}

/** Entries by code (or browser error name). */
export type Catalog = { readonly [code: number | string]: Entry };

function show(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '?';
  }
}

/**
 * The description of `code`: `lookup`'s entry in the language of `messages`
 * (English where it has no sentence), "no error" for 0, a generic sentence
 * that shows the code otherwise. Never throws.
 */
export function describeFrom(code: unknown, messages: ErrorMessages | 'en' | undefined, lookup: (num: number | string) => Entry | undefined): ErrorDescription {
  const other = messages !== null && typeof messages === 'object' ? messages : undefined;
  const text = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);
  const num = typeof code === 'number' || typeof code === 'string' ? code : Number.NaN;
  if (num === 0) return { code: 0, category: 'unknown', message: text(other?.none, 'No error'), known: true };
  const entry = lookup(num);
  if (entry) return { code: num, category: entry.c, message: text(other?.codes?.[num], entry.en), known: true };
  const raw = show(code);
  return {
    code: num,
    category: 'unknown',
    message: text(other?.unknown, 'Unexpected error (code {code}).').replace('{code}', () => raw),
    known: false,
  };
}
