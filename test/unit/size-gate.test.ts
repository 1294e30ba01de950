/**
 * Issue 17: "size-gate.mjs treats a check without a limit as 'for the
 * record', so deleting the useRoomState or CSS budget passes silently."
 * scripts/size-gate.mjs --config-only against size-limit configs derived
 * from the real .size-limit.mjs, each missing or weakening one budget.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'zsk-size-gate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the gate's config checks on the real config with `change` (JS over `checks`) applied. */
function gate(change: string) {
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(
    file,
    `import real, { BUDGETS, LIVEKIT_BANNER_BYTES, MEDIA_ON_TOP, OVER_BUDGET as REAL_OVER } from ${JSON.stringify(join(root, '.size-limit.mjs'))};\n` +
      `export { BUDGETS, LIVEKIT_BANNER_BYTES, MEDIA_ON_TOP };\nlet checks = [...real];\nlet overBudget = { ...REAL_OVER };\n${change}\nexport default checks;\nexport { overBudget as OVER_BUDGET };\n`,
  );
  const result = spawnSync(process.execPath, ['scripts/size-gate.mjs', '--config-only'], {
    cwd: root,
    env: { ...process.env, ZSK_SIZE_CONFIG: file },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

// Each case starts a node process that loads the config (about 0.4 s idle);
// the timeout leaves room for a loaded 2-core machine.
describe('size gate: every named budget is required', { timeout: 30_000 }, () => {
  it('passes the config as it is', () => {
    expect(gate('')).toMatchObject({ status: 0, output: expect.stringContaining('config ok') });
  });

  it.each([
    ['useRoomState alone'],
    ['styles.css'],
    ['createStatusStore alone'],
    ['store + provider + useRoomState'],
    ['store with mediaHealth() + provider + DeviceErrorBanner'],
  ])('fails when the "%s" budget is deleted', (name) => {
    const { status, output } = gate(`checks = checks.filter((c) => c.name !== ${JSON.stringify(name)});`);
    expect(status).toBe(1);
    expect(output).toContain(`budget "${name}": no check`);
  });

  it('an over-budget ceiling must name a budget, and hold a number of bytes', () => {
    const unknown = gate(`overBudget = { ...overBudget, 'no such check': 5000 };`);
    expect(unknown.status).toBe(1);
    expect(unknown.output).toContain('OVER_BUDGET names "no such check", which is no named budget');
    const junk = gate(`overBudget = { ...overBudget, 'styles.css': 'lots' };`);
    expect(junk.status).toBe(1);
    expect(junk.output).toContain('OVER_BUDGET "styles.css": ceiling lots is not a number of bytes');
  });

  it('fails when a budget loses its limit ("for the record") or has another one', () => {
    const lost = gate(`checks = checks.map((c) => c.name === 'styles.css' ? { ...c, limit: undefined } : c);`);
    expect(lost.status).toBe(1);
    expect(lost.output).toContain('check "styles.css" has no limit');
    const raised = gate(`checks = checks.map((c) => c.name === 'createStatusStore alone' ? { ...c, limit: '6 KB' } : c);`);
    expect(raised.status).toBe(1);
    expect(raised.output).toContain('budget "createStatusStore alone": limit 6 KB, BUDGETS says 4 KB');
  });

  it("fails when the base of issue 14's media component bound is not measured", () => {
    const { status, output } = gate(`checks = checks.filter((c) => c.name !== 'store with mediaHealth() + provider');`);
    expect(status).toBe(1);
    expect(output).toContain('MEDIA_ON_TOP names "store with mediaHealth() + provider", which is no check');
  });

  it('fails when a JavaScript check is not measured as shipped (zustand bundled, no zh-CN, no devtools)', () => {
    const { status, output } = gate(`checks = checks.map((c) => c.name === 'useRoomState alone' ? { ...c, modifyEsbuildConfig: undefined } : c);`);
    expect(status).toBe(1);
    expect(output).toContain('check "useRoomState alone" is not asShipped()');
  });
});
