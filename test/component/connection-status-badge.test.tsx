import { describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { createRef } from 'react';
import { ConnectionStatusBadge } from '../../src/react/connection-status-badge.js';
import { LOCALES, setup } from './helpers.js';

describe('ConnectionStatusBadge', () => {
  it.each(LOCALES)('labels every phase in %s', (_, messages) => {
    const t = setup();
    t.view(<ConnectionStatusBadge />, messages);
    const label = (phase: keyof typeof messages.phases) => messages.phaseLabel.replace('{phase}', messages.phases[phase]);
    const badge = () => screen.getByRole('img');
    expect(badge()).toHaveAccessibleName(label('idle'));
    const steps: [string, number, keyof typeof messages.phases][] = [
      ['LOGINING', 0, 'connecting'],
      ['LOGINED', 0, 'connected'],
      ['RECONNECTING', 1000017, 'reconnecting'],
      ['RECONNECTED', 0, 'connected'],
      ['KICKOUT', 1002050, 'kicked'],
      ['LOGINING', 0, 'connecting'],
      ['LOGIN_FAILED', 1002033, 'failed'],
      ['LOGOUT', 0, 'idle'],
    ];
    for (const [reason, code, phase] of steps) {
      act(() => t.room(reason, code));
      expect(badge()).toHaveAccessibleName(label(phase));
      expect(badge()).toHaveAttribute('data-state', phase);
      expect(badge()).toHaveTextContent(messages.phases[phase]);
    }
  });

  it('hideText keeps the label; unstyled, className, ref and rest props reach the root', () => {
    const t = setup();
    const ref = createRef<HTMLSpanElement>();
    t.view(<ConnectionStatusBadge hideText unstyled className="mine" ref={ref} title="status" />);
    const badge = screen.getByRole('img', { name: 'Connection: Not connected' });
    expect(badge).toHaveTextContent('');
    expect(badge.className).toBe('mine');
    expect(badge).toHaveAttribute('title', 'status');
    expect(ref.current).toBe(badge);
  });
});
