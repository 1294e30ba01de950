import { describe, expect, inject, it } from 'vitest';
import { createRef, version } from 'react';
import { version as domVersion } from 'react-dom';
import { createStore } from 'zustand/vanilla';
import { ReconnectingBanner } from '../../src/react/reconnecting-banner.js';
import { setup } from './helpers.js';

// The component suite runs on React 19 + zustand 5 (project component) and
// React 18.3 + zustand 4.5 (component-react18).
describe('peer versions', () => {
  it('runs on the React and zustand this project names, one React for tests, react-dom and Testing Library', () => {
    const peers = inject('peers');
    expect(version).toBe(peers.react);
    expect(domVersion).toBe(peers.react);
    expect('destroy' in createStore(() => ({}))).toBe(peers.zustandMajor === 4);
    // Hooks and a forwarded ref through Testing Library's render: a second
    // React copy would throw "Invalid hook call" here.
    const t = setup();
    const ref = createRef<HTMLDivElement>();
    const { getByRole } = t.view(<ReconnectingBanner ref={ref} />);
    expect(ref.current).toBe(getByRole('status'));
  });
});
