import { useEffect, useId, useRef, type HTMLAttributes, type KeyboardEvent, type Ref } from 'react';
import { kitClass, type ThemingProps } from './class-names.js';
import { useStatusMessages } from './context.js';
import { useKickedOut, type KickedOutOptions, type KickedOutView } from './use-kicked-out.js';

/**
 * Props of {@link KickedOutOverlay}.
 *
 * @example
 * ```tsx
 * const props: KickedOutOverlayProps = { onRejoin: rejoin, onLeave: () => navigate('/') };
 * ```
 */
export interface KickedOutOverlayProps extends KickedOutOptions, ThemingProps, Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  roomID?: string;
  /** A "Rejoin" button: e.g. loginRoom again (the other device will be kicked in turn for 1002050). */
  onRejoin?: () => void;
  /** A "Leave" button: e.g. leave the call screen. */
  onLeave?: () => void;
  ref?: Ref<HTMLDivElement>;
}

/**
 * A modal `role="alertdialog"` shown on KICKOUT (1002050 signed in elsewhere,
 * 1002055 removed by the service), with any custom message from extendedData
 * as text and Rejoin / Leave actions. Focus moves into it, stays in it, and
 * returns where it was when it closes; Escape does not dismiss it — the user
 * chooses an action.
 *
 * @example
 * ```tsx
 * <KickedOutOverlay onRejoin={() => zg.loginRoom(roomID, token, user)} onLeave={() => history.back()} />
 * ```
 */
export function KickedOutOverlay({ roomID, store, messages, ...props }: KickedOutOverlayProps) {
  const view = useKickedOut(roomID, { store, messages });
  return view.open ? <KickedOutDialog view={view} messages={messages} {...props} /> : null;
}

type DialogProps = Omit<KickedOutOverlayProps, 'roomID' | 'store'> & { view: KickedOutView };

function KickedOutDialog({ view, messages, onRejoin, onLeave, unstyled, className, ref, onKeyDown, ...rest }: DialogProps) {
  const text = useStatusMessages(messages);
  const id = useId();
  const dialog = useRef<HTMLDivElement | null>(null);

  // Focus in on open, back on close (also under StrictMode's remount).
  useEffect(() => {
    const node = dialog.current;
    if (!node) return undefined;
    const previous = node.ownerDocument.activeElement as HTMLElement | null;
    (node.querySelector<HTMLElement>('button') ?? node).focus();
    return () => {
      if (previous && previous.isConnected && typeof previous.focus === 'function') previous.focus();
    };
  }, []);

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    if (event.key === 'Escape') {
      // Not dismissible by Escape: leaving or rejoining is the user's choice.
      event.preventDefault();
      event.stopPropagation();
    } else if (event.key === 'Tab') {
      const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('button'));
      const first = buttons[0];
      const last = buttons[buttons.length - 1];
      const active = event.currentTarget.ownerDocument.activeElement;
      if (!first || !last) {
        event.preventDefault();
      } else if (event.shiftKey && (active === first || active === event.currentTarget)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  const setRef = (node: HTMLDivElement | null) => {
    dialog.current = node;
    if (typeof ref === 'function') ref(node);
    else if (ref) ref.current = node;
  };
  const part = (name: string) => kitClass(unstyled, `zsk-dialog__${name}`);
  return (
    <div
      ref={setRef}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={view.customMessage !== null ? `${id}-message ${id}-custom` : `${id}-message`}
      aria-live="assertive"
      tabIndex={-1}
      data-state="kicked"
      data-code={view.code ?? undefined}
      className={kitClass(unstyled, 'zsk-dialog', className)}
      onKeyDown={handleKeyDown}
      {...rest}
    >
      <h2 id={`${id}-title`} className={part('title')}>
        {view.title}
      </h2>
      <p id={`${id}-message`} className={part('message')}>
        {view.message}
      </p>
      {view.customMessage !== null && (
        <p id={`${id}-custom`} className={part('custom')}>
          {view.customMessage}
        </p>
      )}
      {(onRejoin || onLeave) && (
        <div className={part('actions')}>
          {onRejoin && (
            <button type="button" className={kitClass(unstyled, 'zsk-button')} onClick={onRejoin}>
              {text.rejoin}
            </button>
          )}
          {onLeave && (
            <button type="button" className={kitClass(unstyled, 'zsk-button zsk-button--quiet')} onClick={onLeave}>
              {text.leave}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
