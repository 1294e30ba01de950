/**
 * Chinese text uses full-width punctuation (，：；！？) next to Chinese
 * characters, as the SDK's own Chinese documents (seed 002) do; a half-width
 * comma or colon there reads as a typo. Checked over both zh-CN catalogs.
 */
import { describe, expect, it } from 'vitest';
import { zhCNErrors } from '../../src/core/errors-zh-CN.js';
import { zhCN } from '../../src/react/i18n/zh-CN.js';

function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => strings(inner, path ? `${path}.${key}` : key));
  }
  return [];
}

// A half-width , : ; ! ? touching a CJK character (or the ellipsis after one).
const HALF_WIDTH_BY_CJK = /[\u3400-\u9fff…][,:;!?]|[,:;!?][\u3400-\u9fff]/u;

describe('zh-CN catalogs', () => {
  it.each([
    ['UI catalog (zego-status-kit/react/zh-CN)', zhCN],
    ['error messages (zego-status-kit/zh-CN)', zhCNErrors],
  ])('%s: full-width punctuation next to Chinese text', (_, catalog) => {
    const all = strings(catalog);
    expect(all.filter(([, text]) => /[\u3400-\u9fff]/u.test(text)).length).toBeGreaterThan(5);
    expect(all.filter(([, text]) => HALF_WIDTH_BY_CJK.test(text))).toEqual([]);
  });
});
