/**
 * Issue 13, hostile input in real Chromium: a `custom_kickout_message` of 499
 * newlines and one character pushed the page-wide KickedOutOverlay dialog to
 * about 10,000 px, its title and buttons off screen where no scrolling could
 * reach them. The dialog fits the viewport whatever its message: the title
 * and both buttons lie inside it, and the message scrolls (to its last line).
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import { createStatusStore } from '../../src/core/store.js';
import { StatusProvider } from '../../src/react/context.js';
import { KickedOutOverlay } from '../../src/react/kicked-out-overlay.js';
import '../../src/react/styles.css';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

function kickedWith(message: string) {
  const store = createStatusStore({ clock: createManualClock() });
  store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINING', errorCode: 0, at: 0 });
  store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINED', errorCode: 0, at: 120 });
  store.dispatch({
    type: 'roomStateChanged',
    roomID: 'r1',
    reason: 'KICKOUT',
    errorCode: 1002055,
    extendedData: JSON.stringify({ custom_kickout_message: message }),
    at: 1000,
  });
  host = document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
  act(() =>
    root!.render(
      <StatusProvider store={store}>
        <main>
          <h1>Live room</h1>
        </main>
        <KickedOutOverlay roomID="r1" onRejoin={() => {}} onLeave={() => {}} />
      </StatusProvider>,
    ),
  );
  const dialog = document.querySelector<HTMLElement>('[role="alertdialog"]')!;
  return { dialog, title: dialog.querySelector('h2')!, buttons: [...dialog.querySelectorAll('button')], custom: dialog.querySelector<HTMLElement>('.zsk-dialog__custom')! };
}

/** Wholly inside the viewport. */
function inViewport(element: Element) {
  const rect = element.getBoundingClientRect();
  return rect.top >= 0 && rect.left >= 0 && rect.bottom <= window.innerHeight && rect.right <= window.innerWidth && rect.height > 0;
}

describe('KickedOutOverlay with a hostile custom message (Chromium)', () => {
  it.each([
    ['499 newlines and one character', '\n'.repeat(499) + 'x'],
    ['500 short lines', 'line\n'.repeat(100)],
    ['one 500-character word', 'W'.repeat(500)],
  ])('%s: the dialog fits the viewport, its title and buttons are on screen', (_, message) => {
    const { dialog, title, buttons, custom } = kickedWith(message);
    if (message.includes('\n')) expect(custom.scrollHeight).toBeGreaterThan(custom.clientHeight); // it does scroll
    expect(window.innerHeight).toBeGreaterThan(0);
    const rect = dialog.getBoundingClientRect();
    expect(rect.height).toBeLessThanOrEqual(window.innerHeight);
    expect(inViewport(dialog)).toBe(true);
    expect(inViewport(title)).toBe(true);
    expect(buttons.map((b) => b.textContent)).toEqual(['Rejoin', 'Leave']);
    for (const button of buttons) expect(inViewport(button)).toBe(true);
    // Nothing is lost: the message scrolls inside the dialog, to its last character.
    custom.scrollTop = custom.scrollHeight;
    expect(custom.scrollTop + custom.clientHeight).toBeGreaterThanOrEqual(custom.scrollHeight - 1);
    expect(inViewport(custom)).toBe(true);
    expect(custom.textContent).toBe(message.slice(0, 500));
  });

  it('a long message is reachable from the keyboard: it takes focus inside the dialog’s Tab cycle', () => {
    const { dialog, custom, buttons } = kickedWith('\n'.repeat(499) + 'x');
    expect(document.activeElement).toBe(buttons[0]);
    const tab = (shiftKey = false) =>
      act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, cancelable: true })));
    expect(custom.tabIndex).toBe(0);
    // The modal dialog keeps Tab in: from its last button Tab wraps to the message, the first stop…
    buttons[1]!.focus();
    tab();
    expect(document.activeElement).toBe(custom);
    // …and Shift+Tab from there wraps back to the last button.
    tab(true);
    expect(document.activeElement).toBe(buttons[1]);
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it('a short message: no scroll box', () => {
    const { custom } = kickedWith('Removed by moderator');
    expect(custom.scrollHeight).toBeLessThanOrEqual(custom.clientHeight);
  });
});
