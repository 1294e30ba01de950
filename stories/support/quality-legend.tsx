/**
 * A ConnectionQualityIndicator with what it says written beside it. The bars
 * carry their state only as an accessible name ("Connection quality: poor")
 * and `data-quality`; a story page needs it as visible text too, so a reader
 * (and the screenshot test, which checks visible text) sees the grade. The
 * text comes from `useConnectionQuality`, the indicator's own hook, so it
 * says what the indicator says; it is hidden from assistive technology, which
 * already hears the indicator's name.
 */
import { ConnectionQualityIndicator, useConnectionQuality, type ConnectionQualityIndicatorProps, type QualityTarget } from '../../src/react/index.js';

/** The indicator, then its label as text. Takes the indicator's props. */
export function LabelledQuality(props: ConnectionQualityIndicatorProps) {
  const { streamID, userID, store, messages } = props;
  const target = (streamID !== undefined ? { streamID } : { userID: userID! }) as QualityTarget;
  const { label } = useConnectionQuality(target, { store, messages });
  return (
    <span className="story-quality">
      <ConnectionQualityIndicator {...props} />
      <span aria-hidden="true">{label}</span>
    </span>
  );
}
