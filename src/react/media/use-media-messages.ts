/**
 * The catalog of the media-health components: the provider's (or the
 * component's overrides) over the English media strings, which only these
 * components import.
 */
import { useMemo } from 'react';
import { useStatusMessages } from '../context.js';
import { enMedia } from '../i18n/en-media.js';
import type { MediaMessages, StatusMessages } from '../i18n/messages.js';

/**
 * The provider's catalog with `overrides`, every media string filled (English
 * where the catalog has none). Internal to the kit.
 */
export function useMediaMessages(overrides?: Partial<StatusMessages>): StatusMessages & MediaMessages {
  const messages = useStatusMessages(overrides);
  return useMemo(() => ({ ...enMedia, ...messages }), [messages]);
}
