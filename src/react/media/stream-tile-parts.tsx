/**
 * What StreamView shows about its stream's media, over the video: the
 * placeholder while the remote camera is off, the name tag with the muted-mic
 * icon, the weak-network and stutter hints, and the autoplay prompt.
 */
import type { StatusStore } from '../../core/store.js';
import { kitClass } from '../class-names.js';
import { enAutoplay, enTile } from '../i18n/en-media.js';
import { formatMessage, type MediaMessages } from '../i18n/messages.js';
import { actionButton, textPart } from '../parts.js';
import type { AutoplayBlocked } from '../../core/media-events.js';
import { resumeBlockedMedia } from './autoplay-registry.js';
import { useStreamQualityGrade } from './use-quality-grade.js';

/** The English strings of a tile. @internal */
export const enStreamView = /* @__PURE__ */ Object.assign({}, enTile, enAutoplay);

type TileText = Pick<MediaMessages, keyof typeof enStreamView>;

/** Poor (3) or worse (4 die): ZEGO's own grades. */
const WEAK = 3;

/** The first character of a name (a whole emoji or CJK character), upper-cased. */
const initialOf = (name: string): string => (Array.from(name.trim())[0] ?? '').toUpperCase();

/**
 * The remote camera is off: the name's initial and the name instead of a black
 * rectangle, one image for assistive technology ("Alice: camera off").
 *
 * @internal
 */
export const cameraOffPlaceholder = (unstyled: boolean | undefined, name: string, text: TileText) => (
  <div role="img" aria-label={formatMessage(text.cameraOff, { name })} className={kitClass(unstyled, 'zsk-stream__placeholder')}>
    <span aria-hidden="true" className={kitClass(unstyled, 'zsk-stream__initial')}>
      {initialOf(name)}
    </span>
    <span aria-hidden="true">{name}</span>
  </div>
);

/** A microphone with a slash through it. */
const micOff = (
  <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
    <path d="M8 1.5a2 2 0 0 0-2 2v4a2 2 0 0 0 4 0v-4a2 2 0 0 0-2-2zM4 7.5a4 4 0 0 0 8 0M8 11.5v3M2.5 2.5l11 11" fill="none" stroke="currentColor" strokeWidth="1.5" />
  </svg>
);

/** The tile's bottom bar: the label as a name tag, the muted-mic icon, the hints. @internal */
export function StreamTileBar({
  streamID,
  label,
  microphoneOff,
  stuttering,
  store,
  text,
  unstyled,
}: {
  streamID: string;
  label: string | undefined;
  microphoneOff: boolean;
  stuttering: boolean;
  store: StatusStore;
  text: TileText;
  unstyled: boolean | undefined;
}) {
  // In a child of its own: a grade change re-renders this bar, not the video.
  const weak = useStreamQualityGrade(streamID, store) >= WEAK;
  return (
    <div className={kitClass(unstyled, 'zsk-stream__bar')}>
      {label !== undefined && textPart(unstyled, 'zsk-stream__name', label)}
      {microphoneOff && (
        <span role="img" aria-label={text.microphoneOff} className={kitClass(unstyled, 'zsk-stream__mic')}>
          {micOff}
        </span>
      )}
      {weak && textPart(unstyled, 'zsk-stream__hint', text.weakNetwork)}
      {stuttering && textPart(unstyled, 'zsk-stream__hint', text.stuttering)}
    </div>
  );
}

/**
 * The one button of a blocked tile: "Tap to play" (nothing plays) or "Turn on
 * sound" (the picture plays muted), named after the stream ("Tap to play
 * Alice"); a click starts every blocked tile of the page.
 *
 * @internal
 */
export const autoplayPrompt = (unstyled: boolean | undefined, blocked: AutoplayBlocked, name: string, text: TileText) => {
  const label = blocked === 'all' ? text.tapToPlay : text.turnOnSound;
  return (
    <div className={kitClass(unstyled, 'zsk-stream__prompt')}>
      {actionButton(unstyled, resumeBlockedMedia, label, undefined, `${label} ${name}`)}
    </div>
  );
};
