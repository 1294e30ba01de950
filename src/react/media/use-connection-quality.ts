/**
 * A stream's or a user's connection quality in words: the headless half of
 * `ConnectionQualityIndicator`.
 */
import type { QualityGrade } from '../../core/media-events.js';
import type { StatusStore } from '../../core/store.js';
import { useStatusStore, useMessages } from '../context.js';
import { enQuality } from '../i18n/en-media.js';
import { formatMessage, type QualityName, type StatusMessageOverrides } from '../i18n/messages.js';
import { useMediaHealthWarning } from './media-health-warning.js';
import { qualityName, useQualityGrade, type QualityTarget } from './use-quality-grade.js';

/**
 * Options of {@link useConnectionQuality}.
 *
 * @example
 * ```ts
 * const options: ConnectionQualityOptions = { messages: zhCN };
 * ```
 */
export interface ConnectionQualityOptions {
  store?: StatusStore | undefined;
  messages?: StatusMessageOverrides | undefined;
}

/**
 * What {@link useConnectionQuality} returns.
 *
 * @example
 * ```ts
 * const view: ConnectionQualityView = { grade: 3, quality: 'poor', label: 'Connection quality: poor' };
 * ```
 */
export interface ConnectionQualityView {
  /** ZEGO's grade: −1 unknown (or stale), 0 excellent … 4 die. */
  readonly grade: QualityGrade;
  readonly quality: QualityName;
  /** "Connection quality: poor". */
  readonly label: string;
}

/**
 * The connection quality of a played or published stream (`{ streamID }`:
 * its play quality, else its publish quality, reported every 3 s) or of a
 * user (`{ userID }`: the worse of up- and downstream, from
 * `networkQuality`), unknown once no report came for 7 s. Re-renders only
 * when the grade changes. Needs the `mediaHealth()` extension.
 *
 * @example
 * ```tsx
 * function Quality({ userID }: { userID: string }) {
 *   const { quality, label } = useConnectionQuality({ userID });
 *   return <span aria-label={label}>{quality}</span>;
 * }
 * ```
 */
export function useConnectionQuality(target: QualityTarget, options: ConnectionQualityOptions = {}): ConnectionQualityView {
  const store = useStatusStore(options.store);
  const text = useMessages(enQuality, options.messages);
  useMediaHealthWarning('ConnectionQualityIndicator', store);
  const grade = useQualityGrade(target, store);
  const quality = qualityName(grade);
  return { grade, quality, label: formatMessage(text.qualityLabel, { quality: text.qualities[quality] }) };
}
