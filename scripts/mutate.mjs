// `npm run mutate [folder ...]`: StrykerJS over src/core, src/policy,
// src/adapters and src/simulator (or the folders named), one folder at a time,
// each with its own incremental file and report under reports/mutation/<folder>/
// (git-ignored). A report, not part of `npm test`: a full run takes hours on two
// shared cores; a rerun after a small change takes minutes. Prints the score
// per folder at the end. docs/mutation.md records the scores and the survivors.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const FOLDERS = ['core', 'policy', 'adapters', 'simulator'];
const asked = process.argv.slice(2);
const unknown = asked.filter((folder) => !FOLDERS.includes(folder));
if (unknown.length > 0) {
  console.error(`mutate: unknown folder(s) ${unknown.join(', ')}; choose from ${FOLDERS.join(', ')}`);
  process.exit(2);
}

let status = 0;
for (const folder of asked.length > 0 ? asked : FOLDERS) {
  console.log(`\n[mutate] src/${folder}`);
  const run = spawnSync('npx', ['stryker', 'run'], { stdio: 'inherit', env: { ...process.env, ZSK_MUTATE_FOLDER: folder } });
  if (run.status !== 0) status = run.status ?? 1;
}

// Score = killed (incl. timeouts) / (killed + survived + no coverage), as Stryker counts it.
console.log('\n[mutate] score per folder (killed + timed out) / (all valid mutants):');
for (const folder of FOLDERS) {
  const file = `reports/mutation/${folder}/mutation.json`;
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const count = {};
  for (const { mutants } of Object.values(report.files)) for (const { status: s } of mutants) count[s] = (count[s] ?? 0) + 1;
  const detected = (count.Killed ?? 0) + (count.Timeout ?? 0);
  const valid = detected + (count.Survived ?? 0) + (count.NoCoverage ?? 0);
  const score = valid === 0 ? 'n/a' : `${((detected / valid) * 100).toFixed(1)} %`;
  console.log(`  src/${folder}: ${score} (${detected} killed of ${valid}; ${count.Survived ?? 0} survived, ${count.NoCoverage ?? 0} not covered, ${count.CompileError ?? 0} did not compile, ${count.Ignored ?? 0} ignored)`);
}
process.exit(status);
