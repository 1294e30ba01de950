import { describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describeError } from '../../src/core/errors.js';
import { KickedOutOverlay } from '../../src/react/kicked-out-overlay.js';
import { en } from '../../src/react/i18n/en.js';
import { LOCALES, setup } from './helpers.js';

const XSS = '<img src=x onerror=alert(1)>';

function App(props: { onRejoin?: () => void; onLeave?: () => void; contained?: boolean }) {
  return (
    <>
      <button type="button">Before</button>
      <KickedOutOverlay {...props} />
      <button type="button">After</button>
    </>
  );
}

describe('KickedOutOverlay', () => {
  it('is absent until KICKOUT', () => {
    const t = setup();
    t.view(<App />);
    act(() => t.login());
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it.each(LOCALES)('1002050 (signed in elsewhere) and 1002055 (removed by the service) in %s', (_, messages) => {
    const t = setup();
    t.view(<App onRejoin={() => {}} onLeave={() => {}} />, messages);
    act(() => t.login());
    act(() => t.room('KICKOUT', 1002050));
    const dialog = screen.getByRole('alertdialog', { name: messages.kickedTitle });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAttribute('data-state', 'kicked');
    expect(dialog).toHaveAccessibleDescription(messages.kickedElsewhere);
    expect(screen.getByRole('button', { name: messages.rejoin })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: messages.leave })).toBeInTheDocument();

    act(() => t.login());
    expect(screen.queryByRole('alertdialog')).toBeNull();
    act(() => t.room('KICKOUT', 1002055));
    expect(screen.getByRole('alertdialog')).toHaveAccessibleDescription(messages.kickedByServer);
  });

  it('an unknown code falls back to the error catalog', async () => {
    const t = setup();
    t.view(<App />);
    act(() => t.login());
    act(() => t.room('KICKOUT', 1234567));
    expect(screen.getByRole('alertdialog')).toHaveAccessibleDescription(describeError(1234567, 'en').message);
  });

  it('a custom message from extendedData appears as text and creates no element', () => {
    const t = setup();
    const { container } = t.view(<App />);
    act(() => t.login());
    act(() => t.room('KICKOUT', 1002055, JSON.stringify({ custom_kickout_message: XSS })));
    expect(screen.getByText(XSS)).toBeInTheDocument();
    expect(container.ownerDocument.querySelector('img')).toBeNull();
  });

  it('reads the custom message out as part of the dialog description', () => {
    const t = setup();
    t.view(<App />);
    act(() => t.login());
    act(() => t.room('KICKOUT', 1002055, JSON.stringify({ custom_kickout_message: 'Removed by moderator' })));
    expect(screen.getByRole('alertdialog')).toHaveAccessibleDescription(/Removed by moderator$/);
  });

  it('moves focus in, keeps it in, ignores Escape, and restores focus when it closes', async () => {
    const user = userEvent.setup();
    const t = setup();
    const onRejoin = vi.fn();
    const onLeave = vi.fn();
    t.view(<App onRejoin={onRejoin} onLeave={onLeave} />);
    act(() => t.login());
    const before = screen.getByRole('button', { name: 'Before' });
    before.focus();
    act(() => t.room('KICKOUT', 1002050));
    const rejoin = screen.getByRole('button', { name: 'Rejoin' });
    const leave = screen.getByRole('button', { name: 'Leave' });
    expect(rejoin).toHaveFocus();
    await user.tab();
    expect(leave).toHaveFocus();
    await user.tab();
    expect(rejoin).toHaveFocus();
    await user.tab({ shift: true });
    expect(leave).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    expect(onLeave).not.toHaveBeenCalled();
    await user.click(leave);
    expect(onLeave).toHaveBeenCalledTimes(1);
    await user.click(rejoin);
    expect(onRejoin).toHaveBeenCalledTimes(1);
    // The app rejoins: LOGINING closes the dialog and focus goes back.
    act(() => t.room('LOGINING'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(before).toHaveFocus();
  });

  it('unstyled, className and ref reach the dialog', () => {
    const t = setup();
    let node: HTMLDivElement | null = null;
    t.view(<KickedOutOverlay unstyled className="mine" ref={(el) => void (node = el)} />);
    act(() => t.room('KICKOUT', 1002050));
    const dialog = screen.getByRole('alertdialog');
    expect(node).toBe(dialog);
    expect(dialog.className).toBe('mine');
    expect(dialog).toHaveFocus();
  });

  describe('contained', () => {
    it('is page-fixed and modal by default', () => {
      const t = setup();
      t.view(<App />);
      act(() => t.room('KICKOUT', 1002050));
      const dialog = screen.getByRole('alertdialog');
      expect(dialog).toHaveAttribute('aria-modal', 'true');
      expect(dialog).not.toHaveClass('zsk-dialog--contained');
      expect(dialog).not.toHaveAttribute('data-contained');
    });

    it('has the modifier class and is not aria-modal (the rest of the page stays usable)', () => {
      const t = setup();
      t.view(<App contained onRejoin={() => {}} />);
      act(() => t.room('KICKOUT', 1002055));
      const dialog = screen.getByRole('alertdialog', { name: en.kickedTitle });
      expect(dialog).toHaveClass('zsk-dialog', 'zsk-dialog--contained');
      expect(dialog).toHaveAttribute('data-contained');
      expect(dialog).not.toHaveAttribute('aria-modal');
      expect(dialog).toHaveAttribute('data-state', 'kicked');
      expect(dialog).toHaveAccessibleDescription(en.kickedByServer);
    });

    it('still moves focus in, ignores Escape and restores focus, but lets Tab leave (not modal)', async () => {
      const user = userEvent.setup();
      const t = setup();
      t.view(<App contained onRejoin={() => {}} onLeave={() => {}} />);
      act(() => t.login());
      const before = screen.getByRole('button', { name: 'Before' });
      before.focus();
      act(() => t.room('KICKOUT', 1002050));
      const rejoin = screen.getByRole('button', { name: en.rejoin });
      const leave = screen.getByRole('button', { name: en.leave });
      expect(rejoin).toHaveFocus();
      await user.tab();
      expect(leave).toHaveFocus();
      // Past the last button, focus goes on to the page: the dialog is not modal.
      await user.tab();
      expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();
      await user.tab({ shift: true });
      expect(leave).toHaveFocus();
      await user.keyboard('{Escape}');
      expect(screen.getByRole('alertdialog')).toBeInTheDocument();
      act(() => t.room('LOGINING'));
      expect(screen.queryByRole('alertdialog')).toBeNull();
      expect(before).toHaveFocus();
    });

    it('unstyled emits no kit class, only the app\'s, and keeps data-contained', () => {
      const t = setup();
      t.view(<KickedOutOverlay contained unstyled className="mine" onRejoin={() => {}} onLeave={() => {}} />);
      act(() => t.room('KICKOUT', 1002050));
      const dialog = screen.getByRole('alertdialog');
      expect(dialog.className).toBe('mine');
      expect(dialog).toHaveAttribute('data-contained');
      expect(dialog).not.toHaveAttribute('aria-modal');
      for (const node of [dialog, ...dialog.querySelectorAll('*')]) {
        expect(node.getAttribute('class') ?? '', node.tagName).not.toMatch(/\bzsk-/);
      }
      expect(screen.getByRole('button', { name: en.rejoin })).toHaveFocus();
    });
  });
});
