/**
 * Replayable fuzz (issue 17): every fast-check property of the suite runs
 * through {@link fuzz} / {@link fuzzAsync}, which
 * - run a fixed set of seeds, so what the suite caught once it catches every
 *   time, plus one fresh seed, so each run also explores something new; the
 *   runs a suite asks for are split between them (the time stays the same);
 * - take the seed (and, to go straight to the shrunk counterexample, the path)
 *   from the environment: `ZSK_FUZZ_SEED=-1234 ZSK_FUZZ_PATH="3:1:0"` runs
 *   only that seed, with the same number of runs as in CI, so the same
 *   sequences come back;
 * - on failure, throw fast-check's report (seed, path, counterexample) headed
 *   by the command line that replays it.
 * `ZSK_FUZZ_SCALE` (a factor, default 1) scales the runs: the mutation runs
 * (vitest.mutate.config.ts) use 0.1.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

/** Seeds every run goes through. Add the seed of a failure that CI found, once fixed, to keep it found. */
// 866_359_904: the media fuzz's catch of 2026-12-05 (a LOGINING left stream stats of the emptied room behind).
export const FIXED_SEEDS: readonly number[] = [17, 20_261_205, -1_912_558_471, 866_359_904];

function envInteger(name: string): number | undefined {
  const text = process.env[name]?.trim();
  if (!text) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`${name}=${text} is not an integer`);
  return value;
}

/** fast-check parameters for each seed to run: the fixed ones plus a fresh one, or the replayed one. */
function seedRuns<Ts>(numRuns: number): fc.Parameters<Ts>[] {
  const scale = Number(process.env['ZSK_FUZZ_SCALE'] ?? 1);
  if (!(scale > 0)) throw new Error(`ZSK_FUZZ_SCALE=${process.env['ZSK_FUZZ_SCALE']} is not a positive number`);
  // A replay makes the runs the seed made in CI: the same count, so the same sequences.
  const runsPerSeed = Math.max(1, Math.ceil((numRuns * scale) / (FIXED_SEEDS.length + 1)));
  const replay = envInteger('ZSK_FUZZ_SEED');
  const path = process.env['ZSK_FUZZ_PATH']?.trim() || undefined;
  if (replay !== undefined) return [path === undefined ? { seed: replay, numRuns: runsPerSeed } : { seed: replay, path, numRuns: runsPerSeed }];
  if (path) throw new Error('ZSK_FUZZ_PATH needs the ZSK_FUZZ_SEED it belongs to');
  const fresh = (Date.now() ^ Math.floor(Math.random() * 0x1_0000_0000)) | 0;
  return [...FIXED_SEEDS, fresh].map((seed) => ({ seed, numRuns: runsPerSeed }));
}

/** The runs made; on failure, throws how to replay it followed by fast-check's own report. */
function verdict<Ts>(details: fc.RunDetails<Ts>): number {
  if (!details.failed) return details.numRuns;
  const { testPath, currentTestName } = expect.getState();
  const file = testPath ? testPath.replace(`${process.cwd()}/`, '') : '<test file>';
  // -t takes a regular expression; single quotes keep the shell out of it.
  const name = (currentTestName?.split(' > ').pop() ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "'\\''");
  const replay =
    `Replay: ZSK_FUZZ_SEED=${details.seed} ZSK_FUZZ_PATH='${details.counterexamplePath ?? ''}' ` +
    `npx vitest run ${file} -t '${name}'`;
  throw new Error(`${replay}\n${fc.defaultReportMessage(details) ?? 'property failed'}`);
}

/**
 * Checks a synchronous property over the fixed seeds plus a fresh one (or
 * ZSK_FUZZ_SEED alone), `numRuns` in all. Returns how many runs were made.
 *
 * @example
 * ```ts
 * fuzz(fc.property(fc.array(event), (events) => { ... }), { numRuns: 10_000 });
 * ```
 */
export function fuzz<Ts>(property: fc.IProperty<Ts>, { numRuns }: { numRuns: number }): number {
  let runs = 0;
  for (const parameters of seedRuns<Ts>(numRuns)) runs += verdict(fc.check(property, parameters));
  return runs;
}

/** {@link fuzz} for an async property. */
export async function fuzzAsync<Ts>(property: fc.IAsyncProperty<Ts>, { numRuns }: { numRuns: number }): Promise<number> {
  let runs = 0;
  for (const parameters of seedRuns<Ts>(numRuns)) runs += verdict(await fc.check(property, parameters));
  return runs;
}
