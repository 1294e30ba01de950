/**
 * What startPlayingStream resolves with: in a browser a real MediaStream
 * showing a test pattern, elsewhere (Node, jsdom) a plain stand-in. No DOM is
 * touched at import time, so the simulator loads anywhere (SSR-safe).
 */

/**
 * The stand-in used where no MediaStream can be made.
 *
 * @example
 * ```ts
 * const media = await engine.startPlayingStream('host-main');
 * if ('simulated' in media) console.log('no real media here:', media.id);
 * ```
 */
export interface SimulatedMediaStandIn {
  readonly id: string;
  readonly simulated: true;
}

/**
 * A played stream as the simulator gives it.
 *
 * @example
 * ```ts
 * const media: SimulatedMediaStream = await engine.startPlayingStream('host-main');
 * ```
 */
export type SimulatedMediaStream = MediaStream | SimulatedMediaStandIn;

const BARS = ['#c0c0c0', '#c0c000', '#00c0c0', '#00c000', '#c000c0', '#c00000', '#0000c0'];

/**
 * Colour bars with the streamID, captured from a canvas when the browser can
 * (`HTMLCanvasElement.captureStream`), else `{ id, simulated: true }`.
 *
 * @example
 * ```ts
 * const media = createTestPattern('host-main');
 * if (media instanceof MediaStream) video.srcObject = media;
 * ```
 */
export function createTestPattern(streamID: string): SimulatedMediaStream {
  const standIn: SimulatedMediaStandIn = { id: `simulated-${streamID}`, simulated: true };
  if (typeof document === 'undefined' || typeof document.createElement !== 'function') return standIn;
  try {
    const canvas = document.createElement('canvas');
    // Checked before getContext: jsdom has no captureStream and complains about getContext.
    if (typeof canvas.captureStream !== 'function') return standIn;
    const context = canvas.getContext('2d');
    if (!context) return standIn;
    canvas.width = 320;
    canvas.height = 180;
    const barWidth = canvas.width / BARS.length;
    BARS.forEach((colour, index) => {
      context.fillStyle = colour;
      context.fillRect(index * barWidth, 0, barWidth + 1, canvas.height);
    });
    context.fillStyle = 'rgba(0, 0, 0, 0.6)';
    context.fillRect(0, canvas.height - 36, canvas.width, 36);
    context.fillStyle = '#ffffff';
    context.font = '16px sans-serif';
    context.fillText(streamID, 10, canvas.height - 12);
    return canvas.captureStream();
  } catch {
    return standIn;
  }
}
