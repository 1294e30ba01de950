/**
 * The app around a component, for stories of states in which the component
 * rightly shows nothing (connected, logged out, kicked: the banner is an empty
 * live region): a room card with its connection badge, the banner's place,
 * the host's video tile and a contained kick-out dialog, all on the story's
 * store. The page then shows what a user of the app would see, instead of an
 * empty canvas that reads as broken.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ConnectionStatusBadge, KickedOutOverlay, StreamView } from '../../src/react/index.js';
import { STREAM } from './status-story.js';

export interface AppFrameProps {
  /** What goes in the banner's place (above the video): the story's component. */
  readonly children?: ReactNode;
  /** The room card's heading. */
  readonly title?: string;
  /** List, under the card, every text the banner showed, in order (for stories whose play function runs a flow). */
  readonly transcript?: boolean;
}

/** A live room as an app would lay it out, around the story's banner. */
export function AppFrame({ children, title = 'Live room', transcript = false }: AppFrameProps) {
  const slot = useRef<HTMLDivElement | null>(null);
  const said = useTranscript(slot, transcript);
  return (
    <>
      <section className="story-app" aria-label={title}>
        <header className="story-app__header">
          <strong>{title}</strong>
          <ConnectionStatusBadge />
        </header>
        <div className="story-app__stage">
          <div ref={slot} className="story-app__banner">
            {children}
          </div>
          <StreamView streamID={STREAM} muted className="story-app__video" label="Host" />
          <KickedOutOverlay contained />
        </div>
      </section>
      {transcript && (
        <section className="story-app__transcript" aria-label="What the banner said">
          <strong>What the banner said, in order</strong>
          {said.length === 0 ? (
            <p className="story-caption">Nothing yet.</p>
          ) : (
            <ol>
              {said.map((text, index) => (
                <li key={index}>{text}</li>
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  );
}

/** Each distinct text that appears in `slot`, in order (empty: the banner hid). */
function useTranscript(slot: { current: HTMLElement | null }, enabled: boolean): readonly string[] {
  const [said, setSaid] = useState<readonly string[]>([]);
  useEffect(() => {
    const node = slot.current;
    if (!enabled || !node) return undefined;
    let last = '';
    const record = (): void => {
      // Parts are separate spans: join them with spaces, as a screen reader would pause.
      const text = [...node.querySelectorAll('span, button')].map((part) => part.textContent ?? '').join(' · ');
      if (text === last) return;
      last = text;
      setSaid((list) => [...list, text || '(hidden: an empty live region)']);
    };
    const observer = new MutationObserver(record);
    observer.observe(node, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [slot, enabled]);
  return said;
}
