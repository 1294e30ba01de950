import type { MediaMessages } from './messages.js';

// One part per component, so each ships only its own English strings.

/** StreamView's autoplay prompt and StartMediaButton. */
export const enAutoplay: Pick<MediaMessages, 'tapToPlay' | 'turnOnSound'> = {
  tapToPlay: 'Tap to play',
  turnOnSound: 'Turn on sound',
};

/** StreamView's camera placeholder, mic icon and hints. */
export const enTile: Pick<MediaMessages, 'cameraOff' | 'microphoneOff' | 'weakNetwork' | 'stuttering'> = {
  cameraOff: '{name}: camera off',
  microphoneOff: 'Microphone off',
  weakNetwork: 'Weak network',
  stuttering: 'Video is stuttering',
};

/** ConnectionQualityIndicator. */
export const enQuality: Pick<MediaMessages, 'qualityLabel' | 'qualities'> = {
  qualityLabel: 'Connection quality: {quality}',
  qualities: {
    unknown: 'unknown',
    excellent: 'excellent',
    good: 'good',
    middle: 'fair',
    poor: 'poor',
    die: 'very poor',
  },
};

/** DeviceErrorBanner. */
export const enDevice: Pick<MediaMessages, 'deviceFailed' | 'devices'> = {
  deviceFailed: "Can't use your {device}",
  devices: {
    camera: 'camera',
    microphone: 'microphone',
    speaker: 'speaker',
    screen: 'screen sharing',
    unknown: 'camera or microphone',
  },
};

/**
 * The English strings of the media-health components. Each component ships
 * only its own part of them, and neither the provider nor the room
 * components carry any: a catalog given to `StatusProvider` (e.g. `zhCN`)
 * overrides them.
 *
 * @example
 * ```tsx
 * <StatusProvider store={store} messages={{ ...en, ...enMedia, tapToPlay: 'Start video' }}>
 *   <StreamView streamID="host-main" />
 * </StatusProvider>
 * ```
 */
export const enMedia: MediaMessages = /* @__PURE__ */ Object.assign({}, enAutoplay, enTile, enQuality, enDevice);
