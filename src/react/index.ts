/**
 * zego-status-kit/react: provider, hooks, headless hooks and components.
 * The Chinese catalog lives in `zego-status-kit/react/zh-CN`.
 *
 * No 'use client' here: each module with hooks or components carries it (the
 * build adds it), so the plain values and functions exported here (en,
 * formatDuration, kitClass, the constants ...) stay importable from server
 * components.
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
export { formatMessage, type StatusLocale, type StatusMessages, type StatusMessageOverrides } from './i18n/messages.js';
export { formatDuration, type DurationRounding } from './format.js';
export { kitClass, type ThemingProps } from './class-names.js';

export {
  CONNECTING_NOTICE_MS,
  RECONNECTED_CONFIRMATION_MS,
  KICKOUT_SIGNED_IN_ELSEWHERE,
  KICKOUT_BY_SERVER,
} from './constants.js';
export {
  useReconnectingBanner,
  type ReconnectingBannerOptions,
  type ReconnectingBannerState,
  type ReconnectingBannerView,
} from './use-reconnecting-banner.js';
export { ReconnectingBanner, type BannerPlacement, type ReconnectingBannerProps } from './reconnecting-banner.js';
export {
  useKickedOut,
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

// Media health (issue 14): needs createStatusStore({ extensions: [mediaHealth()] }).
export { enMedia } from './i18n/en-media.js';
export type { MediaMessages, QualityName } from './i18n/messages.js';
export { resumeBlockedMedia } from './media/autoplay-registry.js';
export { useAutoplay, type AutoplayOptions, type AutoplayView } from './media/use-autoplay.js';
export { StartMediaButton, type StartMediaButtonProps } from './media/start-media-button.js';
export { useStreamHealth, type StreamHealthView } from './media/use-stream-health.js';
export { useQualityGrade, qualityName, type QualityTarget } from './media/use-quality-grade.js';
export {
  useConnectionQuality,
  type ConnectionQualityOptions,
  type ConnectionQualityView,
} from './media/use-connection-quality.js';
export {
  ConnectionQualityIndicator,
  type ConnectionQualityIndicatorProps,
} from './media/connection-quality-indicator.js';
export { useDeviceError, type DeviceErrorOptions, type DeviceErrorView } from './media/use-device-error.js';
export { DeviceErrorBanner, type DeviceErrorBannerProps } from './media/device-error-banner.js';
export { useTokenRenewal, type UseTokenRenewalOptions, type TokenRenewalControls } from './media/use-token-renewal.js';
