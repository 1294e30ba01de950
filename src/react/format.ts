/**
 * Durations for countdowns and elapsed times, in the catalog's words.
 */
import { nonNegative } from '../core/guards.js';
import { formatMessage, type StatusMessages } from './i18n/messages.js';

/**
 * How a duration is cut to whole seconds: elapsed time counts down (`floor`,
 * "0 s" until a full second passed), time left counts up (`ceil`, "1 s" until
 * it is really over).
 *
 * @example
 * ```ts
 * const rounding: DurationRounding = 'ceil';
 * ```
 */
export type DurationRounding = 'floor' | 'ceil';

/**
 * Formats `ms` as "42 s", "4 min 18 s" or "1 h 5 min" (or "4 分 18 秒" with
 * the zh-CN catalog). Negative and non-finite values count as zero.
 *
 * @example
 * ```ts
 * formatDuration(258_000, en);          // '4 min 18 s'
 * formatDuration(2_100, zhCN, 'ceil');  // '3 秒'
 * ```
 */
export function formatDuration(
  ms: number,
  messages: Pick<StatusMessages, 'durationSeconds' | 'durationMinutes' | 'durationHours'>,
  rounding: DurationRounding = 'floor',
): string {
  const total = Math[rounding](nonNegative(ms, 0) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h
    ? formatMessage(messages.durationHours, { h, m })
    : m
      ? formatMessage(messages.durationMinutes, { m, s })
      : formatMessage(messages.durationSeconds, { s });
}
