'use client';
/**
 * zego-status-kit/react: provider, hooks, headless hooks and components.
 * The Chinese catalog lives in `zego-status-kit/react/zh-CN`.
 */
export { StatusProvider, useStatusStore, useStatusMessages, useMediaRegistry, type StatusProviderProps } from './context.js';
export { useStatus, type EqualityFn } from './use-status.js';
export { useRoomState, usePublisherState, usePlayerState, useRoomStreams, useRoomUsers } from './hooks.js';
export { useNow } from './use-now.js';
export { useAntiFlap, type AntiFlapOptions } from './use-anti-flap.js';
export {
  useAudiencePolicy,
  type UseAudiencePolicyOptions,
  type AudiencePolicyControls,
} from './use-audience-policy.js';
export { useZegoWeb, type UseZegoWebOptions } from './use-zego-web.js';
export { createMediaRegistry, type MediaRegistry } from './media-registry.js';
export { useStreamMedia } from './use-stream-media.js';
export { en } from './i18n/en.js';
export { formatMessage, type StatusLocale, type StatusMessages } from './i18n/messages.js';
export { formatDuration, type DurationRounding } from './format.js';
export { kitClass, type ThemingProps } from './class-names.js';

export {
  useReconnectingBanner,
  CONNECTING_NOTICE_MS,
  RECONNECTED_CONFIRMATION_MS,
  type ReconnectingBannerOptions,
  type ReconnectingBannerState,
  type ReconnectingBannerView,
} from './use-reconnecting-banner.js';
export { ReconnectingBanner, type BannerPlacement, type ReconnectingBannerProps } from './reconnecting-banner.js';
export {
  useKickedOut,
  KICKOUT_SIGNED_IN_ELSEWHERE,
  KICKOUT_BY_SERVER,
  type KickedOutOptions,
  type KickedOutView,
} from './use-kicked-out.js';
export { KickedOutOverlay, type KickedOutOverlayProps } from './kicked-out-overlay.js';
export {
  useStreamRemoved,
  type StreamRemovedOptions,
  type StreamRemovedState,
  type StreamRemovedView,
} from './use-stream-removed.js';
export { StreamRemovedOverlay, type StreamRemovedOverlayProps } from './stream-removed-overlay.js';
export {
  useConnectionStatus,
  type ConnectionStatusOptions,
  type ConnectionStatusView,
} from './use-connection-status.js';
export { ConnectionStatusBadge, type ConnectionStatusBadgeProps } from './connection-status-badge.js';
export { StreamView, type StreamViewProps } from './stream-view.js';
