import { describe, expect, inject, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createStatusStore } from '../../src/core/store.js';

// The unit suite runs on zustand 5 (project unit) and 4.5 (unit-react18).
// zustand 5 dropped the store's deprecated `destroy`; 4.5 still has it.
describe('peer versions', () => {
  it('runs on the zustand this project names, and the store is built on it', () => {
    const major = inject('peers').zustandMajor;
    expect('destroy' in createStore(() => ({}))).toBe(major === 4);
    expect('destroy' in createStatusStore()).toBe(major === 4);
  });
});
