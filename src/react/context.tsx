/**
 * The provider and how hooks find their store: an explicit store wins, then
 * the nearest StatusProvider's, else a clear error (LiveKit's pattern).
 */
import { createContext, useContext, useEffect, useMemo, useState, type Context, type ReactNode } from 'react';
import type { StatusStore } from '../core/store.js';
import type { ErrorMessages } from '../core/errors.js';
import { en } from './i18n/en.js';
import type { StatusLocale, StatusMessages, StatusMessageOverrides } from './i18n/messages.js';
import { createMediaRegistry, type MediaRegistry } from './media-registry.js';
import { shared } from '../core/shared.js';
import { inDevelopment } from '../core/dev.js';

/** Every field is absent outside a provider (an empty default context). */
interface StatusContextValue {
  readonly store?: StatusStore | undefined;
  /**
   * The provider's `messages` with its `locale` over them; absent means
   * English. Each component merges them over its own English strings, so
   * neither the provider nor a lone `useRoomState` ships the catalog, and a
   * component ships only its own part of it.
   */
  readonly messages?: StatusMessageOverrides | undefined;
  /** The app's registry (`mediaRegistry`), if it gave one. */
  readonly registry?: MediaRegistry | undefined;
  /**
   * Else the provider's own, made on first use (useMediaRegistry): a provider
   * whose components play no media (a banner, a badge) ships no registry code.
   */
  readonly ownRegistry?: { registry?: MediaRegistry };
}

// One context whichever copy of this module made it (ESM and CommonJS both
// loaded), one per React (keyed by its createContext), as react-redux does.
const contexts = shared('StatusContext', () => new Map<unknown, Context<StatusContextValue>>());
const StatusContext = contexts.get(createContext) ?? createContext<StatusContextValue>({});
contexts.set(createContext, StatusContext);

/**
 * Props of {@link StatusProvider}.
 *
 * @example
 * ```tsx
 * const props: StatusProviderProps = { store, messages: zhCN, children: <ReconnectingBanner /> };
 * ```
 */
export interface StatusProviderProps {
  /** The store every hook and component below reads. */
  store: StatusStore;
  /** A catalog (`en`, `zhCN`) or partial overrides, merged over English. */
  messages?: StatusMessageOverrides | undefined;
  /**
   * Overrides the catalog's own `locale` tag. The strings, error sentences
   * included, come from `messages`: for Chinese pass `messages={zhCN}` (from
   * `zego-status-kit/react/zh-CN`), which sets the locale too. A `locale`
   * that differs from the catalog's (e.g. `"zh-CN"` with the built-in English)
   * logs a warning in development, since the text stays in the catalog's language.
   */
  locale?: StatusLocale | undefined;
  /** Where `useAudiencePolicy` puts MediaStreams for `StreamView`; one is created when omitted. */
  mediaRegistry?: MediaRegistry | undefined;
  children?: ReactNode | undefined;
}

/**
 * Makes a status store, a message catalog and a media registry available to
 * every hook and component below it.
 *
 * @example
 * ```tsx
 * const store = createStatusStore();
 * <StatusProvider store={store} messages={zhCN}>
 *   <ConnectionStatusBadge />
 *   <ReconnectingBanner onRetry={() => zg.loginRoom(roomID, token, user)} />
 * </StatusProvider>
 * ```
 */
export function StatusProvider({ store, messages, locale, mediaRegistry, children }: StatusProviderProps) {
  // The provider's own registry, made when a component first asks (useMediaRegistry).
  const [ownRegistry] = useState<{ registry?: MediaRegistry }>({});
  const resolved = useMemo(() => (locale ? { ...messages, locale } : messages), [messages, locale]);
  // Chinese text is a separate entry (English-only apps never ship it), so
  // `locale` alone does not translate: say so (in development) rather than show English quietly.
  const given = messages?.locale ?? 'en';
  useEffect(() => {
    inDevelopment(() => {
      if (locale && locale !== given) {
        console.warn(`zego-status-kit: locale="${locale}" with "${given}" text; for Chinese pass messages={zhCN} (zego-status-kit/react/zh-CN)`);
      }
    });
  }, [locale, given]);
  const value = useMemo(() => ({ store, messages: resolved, registry: mediaRegistry, ownRegistry }), [store, resolved, mediaRegistry, ownRegistry]);
  return <StatusContext.Provider value={value}>{children}</StatusContext.Provider>;
}


/**
 * The store to use: `explicit` if given, else the provider's; throws an
 * error when there is neither (in development, it says how to fix it).
 *
 * @example
 * ```tsx
 * function RoomReason() {
 *   const store = useStatusStore();
 *   return <>{store.getState().currentRoomID}</>;
 * }
 * ```
 */
export function useStatusStore(explicit?: StatusStore): StatusStore {
  const { store } = useContext(StatusContext);
  const resolved = explicit ?? store;
  if (!resolved) {
    // The fix is spelled out in development; production keeps the first sentence.
    let fix = '';
    inDevelopment(() => {
      fix =
        ' Wrap your components in <StatusProvider store={createStatusStore()}>, or pass the store explicitly ' +
        '(e.g. useRoomState(roomID, store) or <ReconnectingBanner store={store} />).';
    });
    throw new Error(`zego-status-kit: no status store found.${fix}`);
  }
  return resolved;
}

/**
 * The provider's catalog (English without a provider), with per-component
 * `overrides` merged over it.
 *
 * @example
 * ```tsx
 * const messages = useStatusMessages({ retry: 'Try again' });
 * messages.retry; // 'Try again'
 * ```
 */
export function useStatusMessages(overrides?: StatusMessageOverrides): StatusMessages {
  return useMessages(en, overrides);
}

/**
 * `english` (a component's own part of the catalog), or a copy with the
 * provider's catalog and then `overrides` over it; the same object while the
 * inputs are. A key given as `undefined` keeps the English text. Internal to
 * the kit: each component passes only its own strings, so it ships only those.
 *
 * @internal
 */
export function useMessages<T extends object>(
  english: T,
  overrides?: StatusMessageOverrides,
): T & { readonly errors?: ErrorMessages | undefined } {
  const provided = useContext(StatusContext).messages;
  return useMemo(() => {
    if (!provided && !overrides) return english;
    const merged = { ...english } as Record<string, unknown>;
    for (const layer of [provided, overrides]) {
      for (const [key, text] of Object.entries(layer ?? {})) if (text !== undefined) merged[key] = text;
    }
    return merged as T;
  }, [english, provided, overrides]);
}

/**
 * The provider's {@link MediaRegistry}, or `null` outside a provider.
 *
 * @example
 * ```tsx
 * const registry = useMediaRegistry();
 * registry?.retry('host-main');
 * ```
 */
export function useMediaRegistry(): MediaRegistry | null {
  const { registry, ownRegistry } = useContext(StatusContext);
  return registry ?? (ownRegistry ? (ownRegistry.registry ??= createMediaRegistry()) : null);
}
