/**
 * The input checks every layer shares: core's reducer, the adapters, the
 * policies and the simulator all take values from outside (the SDK, app
 * options, app dispatches) and must never coerce or throw on them.
 *
 * Internal: imported by src/, not exported from the package.
 */

/** A non-empty string: what roomIDs, streamIDs and userIDs must be. @internal */
export const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** A finite number, without coercion (unlike the global `isFinite`). @internal */
export const isNumber = Number.isFinite as (value: unknown) => value is number;

/** `value` when it is a finite number, else `fallback`. @internal */
export const numberOr = <T>(value: unknown, fallback: T): number | T => (isNumber(value) ? value : fallback);

/** A number, or numeric text (`"2"`: JSON and SDKs send codes either way), as its number; else `fallback`. @internal */
export const codeOr = <T>(value: unknown, fallback: T): number | T =>
  numberOr(typeof value === 'string' && value.trim() ? Number(value) : value, fallback);

/** A non-null object (arrays included). @internal */
export const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';

/** `value` when it is a finite number ≥ 0 (a duration, a count), else `fallback`. @internal */
export const nonNegative = (value: number | undefined, fallback: number): number =>
  isNumber(value) && value >= 0 ? value : fallback;

/**
 * extendedData as text: the web SDK sends JSON or plain text, iOS/RN a
 * dictionary object, kept as its JSON so the store holds strings only;
 * anything else (or an object JSON cannot write: cycles, BigInt) is dropped.
 *
 * @internal
 */
export function extendedDataText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isObject(value)) return undefined;
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/**
 * `text` cut to at most `max` UTF-16 units, never through a surrogate pair:
 * a lone half renders as "�" (an emoji at the cut).
 *
 * @internal
 */
export const clip = (text: string, max: number): string => text.slice(0, max).replace(/[\uD800-\uDBFF]$/, '');
