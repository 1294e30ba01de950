/**
 * The catalog of a media-health component: the provider's (and the
 * component's overrides) over the English strings of that component, which
 * only it imports.
 */
import { useMemo } from 'react';
import { useStatusMessages } from '../context.js';
import type { MediaMessages, StatusMessages } from '../i18n/messages.js';

/**
 * The provider's catalog with `overrides`, the media strings of `english`
 * filled in where the catalog has none. Internal to the kit.
 */
export function useMediaMessages<K extends keyof MediaMessages>(
  english: Pick<MediaMessages, K>,
  overrides?: Partial<StatusMessages>,
): StatusMessages & Pick<MediaMessages, K> {
  const messages = useStatusMessages(overrides);
  return useMemo(() => ({ ...english, ...messages }) as StatusMessages & Pick<MediaMessages, K>, [english, messages]);
}
