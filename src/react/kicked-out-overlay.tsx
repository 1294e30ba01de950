import { forwardRef, useEffect, useId, useRef, type HTMLAttributes, type KeyboardEvent, type Ref } from 'react';
import { kitClass, type ThemingProps } from './class-names.js';
import { useMessages } from './context.js';
import { enKickedOut } from './i18n/en.js';
import { actionButton } from './parts.js';
import { useKickedOut, type KickedOutOptions } from './use-kicked-out.js';

/**
 * Props of {@link KickedOutOverlay}.
 *
 * @example
 * ```tsx
 * const props: KickedOutOverlayProps = { onRejoin: rejoin, onLeave: () => navigate('/') };
 * ```
 */
export interface KickedOutOverlayProps extends KickedOutOptions, ThemingProps, Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /**
   * The room to watch; the current room by default.
   *
   * @defaultValue the current room
   */
  roomID?: string | undefined;
  /**
   * A "Rejoin" button: e.g. loginRoom again (the other device will be kicked in turn for 1002050).
   *
   * @defaultValue none: no Rejoin button
   */
  onRejoin?: (() => void) | undefined;
  /**
   * A "Leave" button: e.g. leave the call screen.
   *
   * @defaultValue none: no Leave button
   */
  onLeave?: (() => void) | undefined;
  /**
   * Cover only the nearest positioned ancestor (`position: absolute; inset: 0`,
   * class `zsk-dialog--contained`, `data-contained`) instead of the viewport:
   * for one room among several on a page, or a tile. Focus still moves in on
   * open and goes back on close, and Escape still does nothing; but the rest
   * of the page stays usable, so the dialog is not `aria-modal` and Tab is
   * not held inside it (WAI-ARIA APG: only a modal dialog keeps focus in).
   * Give the ancestor `position: relative` (or any non-static position).
   *
   * @defaultValue false
   * @example
   * ```tsx
   * <section style={{ position: 'relative' }}>
   *   <RoomView roomID="room-a" />
   *   <KickedOutOverlay roomID="room-a" contained onRejoin={rejoinA} />
   * </section>
   * ```
   */
  contained?: boolean | undefined;
  ref?: Ref<HTMLDivElement> | undefined;
}

/**
 * A modal `role="alertdialog"` shown on KICKOUT (1002050 signed in elsewhere,
 * 1002055 removed by the service), with any custom message from extendedData
 * as text and Rejoin / Leave actions. Focus moves into it, stays in it, and
 * returns where it was when it closes; Escape does not dismiss it — the user
 * chooses an action. Page-fixed over the viewport by default; `contained`
 * confines it to its nearest positioned ancestor.
 *
 * @example
 * ```tsx
 * <KickedOutOverlay onRejoin={() => zg.loginRoom(roomID, token, user)} onLeave={() => history.back()} />
 * ```
 */
export const KickedOutOverlay = forwardRef(function KickedOutOverlay(props: KickedOutOverlayProps, ref: Ref<HTMLDivElement>) {
  const { roomID, store, messages, onRejoin, onLeave, contained, unstyled, className, onKeyDown, ...rest } = props;
  const view = useKickedOut(roomID, props);
  const text = useMessages(enKickedOut, messages);
  const id = useId();
  const title = useRef<HTMLHeadingElement | null>(null);

  // Focus in on open, back on close (also under StrictMode's remount). The
  // dialog is the title's parent, so the app's `ref` stays the app's alone.
  useEffect(() => {
    const node = title.current?.parentElement;
    if (!node) return undefined;
    const previous = node.ownerDocument.activeElement as HTMLElement | null;
    (node.querySelector('button') ?? node).focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, [view.open]);

  if (!view.open) return null;
  const part = (name: string) => kitClass(unstyled, `zsk-dialog__${name}`);
  return (
    <div
      ref={ref}
      role="alertdialog"
      // Modal means the rest of the page is inert; a contained dialog leaves it usable.
      aria-modal={contained ? undefined : true}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message${view.customMessage !== null ? ` ${id}-custom` : ''}`}
      aria-live="assertive"
      tabIndex={-1}
      data-state="kicked"
      data-code={view.code}
      data-contained={contained ? '' : undefined}
      className={kitClass(unstyled, contained ? 'zsk-dialog zsk-dialog--contained' : 'zsk-dialog', className)}
      onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => {
        onKeyDown?.(event);
        const { currentTarget: dialog, key } = event;
        if (key === 'Escape') {
          // Not dismissible by Escape: leaving or rejoining is the user's choice.
          event.preventDefault();
          event.stopPropagation();
        } else if (key === 'Tab' && !contained) {
          // A modal dialog keeps Tab in: it cycles through the buttons, and goes
          // nowhere when there are none. A contained one is not modal, so Tab
          // moves on to the rest of the page as usual.
          const buttons = dialog.querySelectorAll<HTMLElement>('button, [tabindex="0"]');
          const first = buttons[0];
          const last = buttons[buttons.length - 1];
          const active = dialog.ownerDocument.activeElement;
          const next = event.shiftKey ? (active === first || active === dialog) && last : active === last && first;
          if (next || !first) {
            event.preventDefault();
            if (next) next.focus();
          }
        }
      }}
      {...rest}
    >
      <h2 ref={title} id={`${id}-title`} className={part('title')}>
        {view.title}
      </h2>
      <p id={`${id}-message`} className={part('message')}>
        {view.message}
      </p>
      {view.customMessage !== null && (
        // Focusable: a long message scrolls inside the dialog, which must fit the viewport.
        <p id={`${id}-custom`} className={part('custom')} tabIndex={0}>
          {view.customMessage}
        </p>
      )}
      {(onRejoin || onLeave) && (
        <div className={part('actions')}>
          {actionButton(unstyled, onRejoin, text.rejoin)}
          {actionButton(unstyled, onLeave, text.leave, 'zsk-button zsk-button--quiet')}
        </div>
      )}
    </div>
  );
});
