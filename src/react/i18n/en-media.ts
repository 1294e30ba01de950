import type { MediaMessages } from './messages.js';

/**
 * The English strings of the media-health components, in a module of their
 * own: only the components that show them (`StreamView`, `StartMediaButton`,
 * `ConnectionQualityIndicator`, `DeviceErrorBanner`) import it, so the
 * provider and the room components do not carry them. A catalog given to
 * `StatusProvider` (e.g. `zhCN`) overrides them.
 *
 * @example
 * ```tsx
 * <StatusProvider store={store} messages={{ ...en, ...enMedia, tapToPlay: 'Start video' }}>
 *   <StreamView streamID="host-main" />
 * </StatusProvider>
 * ```
 */
export const enMedia: MediaMessages = {
  tapToPlay: 'Tap to play',
  turnOnSound: 'Turn on sound',
  cameraOff: '{name}: camera off',
  microphoneOff: 'Microphone off',
  weakNetwork: 'Weak network',
  stuttering: 'Video is stuttering',
  qualityLabel: 'Connection quality: {quality}',
  qualities: {
    unknown: 'unknown',
    excellent: 'excellent',
    good: 'good',
    middle: 'fair',
    poor: 'poor',
    die: 'very poor',
  },
  deviceFailed: "Can't use your {device}",
  devices: {
    camera: 'camera',
    microphone: 'microphone',
    speaker: 'speaker',
    screen: 'screen sharing',
    unknown: 'camera or microphone',
  },
};
