import { describe, it, expect } from 'vitest';
import { DEVICE_ERROR_CODES } from '../../src/core/device-error.js';
import { describeError, describeRoomError, ERROR_CODES, type ErrorMessages } from '../../src/core/errors.js';
import { zhCNErrors } from '../../src/core/errors-zh-CN.js';

const REQUIRED = [
  1002033, 1002031, 1002034, 1002050, 1002051, 1002053, 1002055, 1002002, 1000017, 1102001, 1003020, 1003021,
  1003025, 1004020, 1004025, 1004002, 1103051, 1104031, 1104039, 1102016, 1102018, 1002077, 1002078, 1002082,
];

describe('describeError', () => {
  it('catalogs every required code with a category and distinct en / zh-CN messages', () => {
    for (const code of REQUIRED) {
      expect(ERROR_CODES).toContain(code);
      const en = describeError(code, 'en');
      const zh = describeError(code, zhCNErrors);
      expect(en.known, String(code)).toBe(true);
      expect(en.code).toBe(code);
      expect(en.category, String(code)).not.toBe('unknown');
      expect(zh.category).toBe(en.category);
      expect(en.message.trim().length, String(code)).toBeGreaterThan(0);
      expect(zh.message.trim().length, String(code)).toBeGreaterThan(0);
      expect(zh.message, String(code)).not.toBe(en.message);
    }
  });

  it('describes every catalogued code as known', () => {
    for (const code of ERROR_CODES) {
      const d = describeError(code);
      expect(d.known).toBe(true);
      expect(d.category).not.toBe('unknown');
    }
  });

  it('gives the categories the seeds state', () => {
    expect(describeError(1002033).category).toBe('auth');
    expect(describeError(1002050).category).toBe('kicked');
    expect(describeError(1002055).category).toBe('kicked');
    expect(describeError(1002034).category).toBe('limit');
    expect(describeError(1002053).category).toBe('network');
    expect(describeError(1002002).category).toBe('not-found');
  });

  it('defaults to English', () => {
    expect(describeError(1002034)).toEqual(describeError(1002034, 'en'));
  });

  it('treats 0 as "no error"', () => {
    expect(describeError(0)).toEqual({ code: 0, category: 'unknown', message: 'No error', known: true });
    const zh = describeError(0, zhCNErrors);
    expect(zh.known).toBe(true);
    expect(zh.message).not.toBe('No error');
  });

  it('shows the number of an unknown code in both locales', () => {
    const en = describeError(4242, 'en');
    const zh = describeError(4242, zhCNErrors);
    expect(en).toMatchObject({ code: 4242, category: 'unknown', known: false });
    expect(en.message).toBe('Unexpected error (code 4242).');
    expect(zh).toMatchObject({ category: 'unknown', known: false });
    expect(zh.message).toContain('4242');
    expect(zh.message).not.toBe(en.message);
  });

  it('never throws on odd input', () => {
    const odd: unknown[] = [
      Number.NaN,
      -1,
      1.5,
      Infinity,
      '1002033',
      'oops',
      null,
      undefined,
      {},
      Object.create(null),
      Symbol('x'),
      10n,
    ];
    for (const value of odd) {
      for (const locale of ['en', 'zh-CN', zhCNErrors, undefined, 42, null, {}, { codes: 5, unknown: 7 }] as unknown[]) {
        const d = describeError(value as any, locale as any);
        expect(d.known).toBe(false);
        expect(d.category).toBe('unknown');
        expect(typeof d.message).toBe('string');
        expect(d.message.length).toBeGreaterThan(0);
      }
    }
    expect(describeError(Number.NaN).message).toContain('NaN');
    expect(describeError(-1).message).toContain('-1');
    expect(describeError('oops' as any).message).toContain('oops');
  });

  it('falls back to English for anything that is not a message catalog', () => {
    expect(describeError(1002050, 'fr' as 'en')).toEqual(describeError(1002050, 'en'));
    expect(describeError(4242, 'zh-CN' as 'en').message).toBe('Unexpected error (code 4242).');
    expect(describeError(4242, null as unknown as 'en').message).toBe('Unexpected error (code 4242).');
  });

  it('uses a partial catalog where it has a sentence and English elsewhere', () => {
    const fr: ErrorMessages = { locale: 'fr', none: 'Aucune erreur', unknown: 'Erreur {code} inconnue', codes: { 1002034: 'Salle pleine.' } };
    expect(describeError(1002034, fr)).toEqual({ code: 1002034, category: 'limit', message: 'Salle pleine.', known: true });
    expect(describeError(1002033, fr).message).toBe(describeError(1002033).message);
    expect(describeError(0, fr).message).toBe('Aucune erreur');
    expect(describeError(4242, fr).message).toBe('Erreur 4242 inconnue');
  });

  it('has a Chinese sentence for every catalogued code and nothing else', () => {
    const all = [...ERROR_CODES, ...DEVICE_ERROR_CODES].map(String).sort();
    expect(Object.keys(zhCNErrors.codes).sort()).toEqual(all);
    expect(describeError(1002034, zhCNErrors).message).toBe('房间人数已满，请稍后再试。');
    expect(describeError(4242, zhCNErrors).message).toBe('未知错误（错误码 4242）。');
  });

  it('lists codes as unique integers', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(ERROR_CODES.every((c) => Number.isInteger(c) && c > 0)).toBe(true);
  });
});

// The room components (banner, kick-out dialog) describe what a room reports
// with describeRoomError, so they do not carry the publish and play sentences.
describe('describeRoomError', () => {
  const STREAM_CODES = [1003020, 1003021, 1003025, 1004002, 1004020, 1004025, 1103051, 1104031, 1104039];

  it('describes every room and token code as describeError does, in both locales', () => {
    const roomCodes = ERROR_CODES.filter((code) => !STREAM_CODES.includes(code));
    expect(roomCodes).toEqual(expect.arrayContaining([1000017, 1002031, 1002033, 1002050, 1002053, 1002055, 1002078, 1102016, 1102018]));
    for (const code of [0, 4242, ...roomCodes]) {
      expect(describeRoomError(code), String(code)).toEqual(describeError(code));
      expect(describeRoomError(code, zhCNErrors), String(code)).toEqual(describeError(code, zhCNErrors));
    }
  });

  it('gives a publish or play code, which no room event carries, the generic sentence with its code', () => {
    for (const code of STREAM_CODES) {
      expect(ERROR_CODES).toContain(code);
      expect(describeRoomError(code)).toEqual({ code, category: 'unknown', message: `Unexpected error (code ${code}).`, known: false });
    }
  });
});

