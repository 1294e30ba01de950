// `npm run bench`: reducer + store throughput, per-event cost against room
// size, and memory over many stream cycles, each against its budget; then the
// render report in Chromium. Measures the built package (dist/), i.e. the code
// apps ship. Run with --expose-gc (the npm script does): without it the heap
// budget is reported as not run, which fails the run.
//
// `npm test` runs `node --expose-gc scripts/bench.mjs --no-build --no-render --gate`:
// the same cases, each held to its *gate*, which is its budget with a margin
// for a noisy machine (two cores shared with other work), and writes every
// figure to test-results/bench.json (the README's "Measured" table comes from
// there). How each case survives noise:
// - timings are taken over many rounds, each cut into steps of a fraction of
//   a millisecond, and each step's fastest time counts: other processes only
//   ever make a step slower, and a step that short runs undisturbed between
//   two preemptions in some round (the median round is reported too);
// - a case over its gate is measured again, up to three times in all, and
//   the best attempt counts: noise does not repeat, a regression does;
// - throughput and heap gate at their budgets; growth is a ratio of two
//   timings taken the same way, which noise moves more (1.4–1.7x measured
//   against a 2x budget), so it gates at 3x: the regression it is there for,
//   an event whose cost grows with the room, is 10x and more.
//
// A case is one entry of CASES: its name, unit, budget, gate and measure().
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const argv = process.argv.slice(2);
const gating = argv.includes('--gate');
if (!argv.includes('--no-build') || !existsSync('dist/index.js')) {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const kit = await import(new URL('../dist/index.js', import.meta.url).href);
const { createStatusStore, createManualClock } = kit;

/**
 * Times `rounds` rounds (after `warmup` more) of the same work, cut into short
 * steps: `round(step)` calls `step(i, fn)` for each step i. Returns, in ms, the
 * sum over steps of each step's fastest time (a step of a fraction of a
 * millisecond fits between two preemptions, so on a busy machine each step is
 * undisturbed in some round), and the median round.
 */
function timeSteps(rounds, round, warmup = 10) {
  const fastest = [];
  const totals = [];
  for (let r = 0; r < warmup + rounds; r++) {
    let total = 0;
    round((i, fn) => {
      const started = performance.now();
      fn();
      const ms = performance.now() - started;
      total += ms;
      if (r >= warmup) fastest[i] = Math.min(fastest[i] ?? Infinity, ms);
    });
    if (r >= warmup) totals.push(total);
  }
  totals.sort((a, b) => a - b);
  return { fastest: fastest.reduce((sum, ms) => sum + ms, 0), median: totals[Math.floor(totals.length / 2)] };
}

/** `list` in chunks of `size`. */
const chunks = (list, size) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

// ---- 1. mixed event stream -------------------------------------------------
function mixedEvents() {
  const events = [];
  let at = 0;
  const rooms = ['main', 'side', 'third'];
  for (const roomID of rooms) {
    events.push({ type: 'roomStateChanged', roomID, reason: 'LOGINING', errorCode: 0, at: at++ });
    events.push({ type: 'roomStateChanged', roomID, reason: 'LOGINED', errorCode: 0, at: at++ });
  }
  for (let i = 0; i < 1000; i++) {
    const roomID = rooms[i % 3];
    const streamID = `stream-${i}`;
    events.push({ type: 'roomStreamUpdate', roomID, updateType: 'ADD', streamList: [{ streamID, user: { userID: `host-${i}` } }], at: at++ });
    events.push({ type: 'roomUserUpdate', roomID, updateType: 'ADD', userList: [{ userID: `viewer-${i}`, userName: `V${i}` }], at: at++ });
    events.push({ type: 'playerStateUpdate', streamID, state: 'PLAY_REQUESTING', errorCode: 0, at: at++ });
    events.push({ type: 'playerStateUpdate', streamID, state: 'PLAYING', errorCode: 0, at: at++ });
    if (i % 10 === 0) {
      events.push({ type: 'publisherStateUpdate', streamID: `pub-${i % 7}`, state: 'PUBLISH_REQUESTING', errorCode: 0, at: at++ });
      events.push({ type: 'publisherStateUpdate', streamID: `pub-${i % 7}`, state: 'PUBLISHING', errorCode: 0, at: at++ });
      events.push({ type: 'roomStateChanged', roomID, reason: 'RECONNECTING', errorCode: 1002051, at: at++ });
      events.push({ type: 'roomStateChanged', roomID, reason: 'RECONNECTED', errorCode: 0, at: at++ });
    }
  }
  for (let i = 0; i < 1000; i++) {
    const roomID = rooms[i % 3];
    events.push({ type: 'playerStateUpdate', streamID: `stream-${i}`, state: 'NO_PLAY', errorCode: 1004020, at: at++ });
    events.push({ type: 'roomStreamUpdate', roomID, updateType: 'DELETE', streamList: [{ streamID: `stream-${i}` }], extendedData: '{"stream_delete_reason":2}', at: at++ });
    events.push({ type: 'roomUserUpdate', roomID, updateType: 'DELETE', userList: [{ userID: `viewer-${i}` }], at: at++ });
  }
  return events;
}

function throughput() {
  const events = mixedEvents();
  const steps = chunks(events, 250);
  const { fastest, median } = timeSteps(60, (step) => {
    const store = createStatusStore({ clock: createManualClock() });
    let notified = 0;
    store.subscribe(() => notified++);
    steps.forEach((chunk, i) => step(i, () => {
      for (const event of chunk) store.dispatch(event);
    }));
    if (notified === 0) throw new Error('store never notified');
  });
  const perSecond = (ms) => Math.round(events.length / (ms / 1000));
  return { value: perSecond(fastest), median: perSecond(median), detail: `${events.length} events a round in steps of 250, each step's fastest of 60 rounds` };
}

// ---- 2. cost of one user / stream event against room size -----------------
/** µs per user (or stream) join+leave event in a room that already holds `users` users and `streams` streams. */
function costPerEvent(users, streams, kind) {
  const store = createStatusStore({ clock: createManualClock() });
  let at = 0;
  store.dispatch({ type: 'roomStateChanged', roomID: 'r', reason: 'LOGINING', errorCode: 0, at: at++ });
  store.dispatch({ type: 'roomStateChanged', roomID: 'r', reason: 'LOGINED', errorCode: 0, at: at++ });
  for (let i = 0; i < users; i++) {
    store.dispatch({ type: 'roomUserUpdate', roomID: 'r', updateType: 'ADD', userList: [{ userID: `u${i}` }], at });
  }
  for (let i = 0; i < streams; i++) {
    store.dispatch({ type: 'roomStreamUpdate', roomID: 'r', updateType: 'ADD', streamList: [{ streamID: `s${i}` }], at });
  }
  const events = [];
  for (let i = 0; i < 2_000; i++) {
    if (kind === 'user') {
      const userList = [{ userID: `join-${i % 500}` }];
      events.push({ type: 'roomUserUpdate', roomID: 'r', updateType: 'ADD', userList, at });
      events.push({ type: 'roomUserUpdate', roomID: 'r', updateType: 'DELETE', userList, at });
    } else {
      const streamList = [{ streamID: `new-${i % 500}` }];
      events.push({ type: 'roomStreamUpdate', roomID: 'r', updateType: 'ADD', streamList, at });
      events.push({ type: 'roomStreamUpdate', roomID: 'r', updateType: 'DELETE', streamList, at });
    }
  }
  const steps = chunks(events, 500);
  const { fastest, median } = timeSteps(40, (step) => {
    steps.forEach((chunk, i) => step(i, () => {
      for (const event of chunk) store.dispatch(event);
    }));
  });
  return { fastest: (fastest * 1000) / events.length, median: (median * 1000) / events.length };
}

function growth(kind) {
  return () => {
    const small = costPerEvent(10, 10, kind);
    const large = costPerEvent(10_000, 1_000, kind);
    return {
      value: Number((large.fastest / small.fastest).toFixed(2)),
      median: Number((large.median / small.median).toFixed(2)),
      detail: `${large.fastest.toFixed(3)} µs vs ${small.fastest.toFixed(3)} µs per event, 4,000 events in steps of 500, each step's fastest of 40 rounds`,
    };
  };
}

// ---- 3. memory over 100,000 stream add/delete cycles -----------------------
function heapGrowth() {
  if (typeof globalThis.gc !== 'function') return { value: null, detail: 'not run: node needs --expose-gc' };
  const store = createStatusStore({ clock: createManualClock() });
  store.dispatch({ type: 'roomStateChanged', roomID: 'r', reason: 'LOGINED', errorCode: 0, at: 0 });
  // What an audience sees per host stream, seed 003: ADD, play, the host
  // drops, DELETE at +90 s, and the SDK's NO_PLAY after stopPlayingStream.
  const cycle = (i) => {
    const streamID = `s${i}`;
    store.dispatch({ type: 'roomStreamUpdate', roomID: 'r', updateType: 'ADD', streamList: [{ streamID, user: { userID: `u${i}` } }], at: i });
    store.dispatch({ type: 'roomUserUpdate', roomID: 'r', updateType: 'ADD', userList: [{ userID: `u${i}` }], at: i });
    store.dispatch({ type: 'playerStateUpdate', streamID, state: 'PLAY_REQUESTING', errorCode: 0, at: i });
    store.dispatch({ type: 'playerStateUpdate', streamID, state: 'PLAYING', errorCode: 0, at: i });
    store.dispatch({ type: 'roomStreamUpdate', roomID: 'r', updateType: 'DELETE', streamList: [{ streamID }], extendedData: '{"stream_delete_reason":2}', at: i });
    store.dispatch({ type: 'roomUserUpdate', roomID: 'r', updateType: 'DELETE', userList: [{ userID: `u${i}` }], at: i });
    store.dispatch({ type: 'playerStateUpdate', streamID, state: 'NO_PLAY', errorCode: i % 2 ? 0 : 1004020, at: i });
  };
  for (let i = 0; i < 1000; i++) cycle(i); // warm up
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 1000; i < 101_000; i++) cycle(i);
  globalThis.gc();
  return { value: Number(((process.memoryUsage().heapUsed - before) / 1024 / 1024).toFixed(2)), detail: 'after gc, from the warmed-up store' };
}

// ---- 4. many rooms visited and left (issue 13) ------------------------------
// A long session: 10,000 rooms, each joined (LOGINING, LOGINED), a host stream
// ADDed and played (every other play fails once and its replay is cancelled),
// the host's DELETE, then LOGOUT and the player stopped. Budgets: the heap
// grows < 1 MB over the 10,000 visits, and a stream ADD+DELETE in the room the
// user is in (its removedStreams full, so every DELETE evicts) costs within 2x
// of the same in a fresh store. Each of the two cases makes its own run.
const ROOMS_VISITED = 10_000;
function roomsVisitedRun() {
  const createLoggedIn = () => {
    const store = createStatusStore({ clock: createManualClock() });
    store.dispatch({ type: 'roomStateChanged', roomID: 'main', reason: 'LOGINING', errorCode: 0, at: 0 });
    store.dispatch({ type: 'roomStateChanged', roomID: 'main', reason: 'LOGINED', errorCode: 0, at: 0 });
    for (let i = 0; i < 100; i++) {
      const streamList = [{ streamID: `fill-${i}` }];
      store.dispatch({ type: 'roomStreamUpdate', roomID: 'main', updateType: 'ADD', streamList, at: 0 });
      store.dispatch({ type: 'roomStreamUpdate', roomID: 'main', updateType: 'DELETE', streamList, at: 0 });
    }
    return store;
  };
  const visit = (store, i) => {
    const roomID = `visit-${i}`;
    const streamID = `visit-${i}-host`;
    const at = i;
    const player = (state, errorCode) => store.dispatch({ type: 'playerStateUpdate', streamID, state, errorCode, at });
    store.dispatch({ type: 'roomStateChanged', roomID, reason: 'LOGINING', errorCode: 0, at });
    store.dispatch({ type: 'roomStateChanged', roomID, reason: 'LOGINED', errorCode: 0, at });
    store.dispatch({ type: 'roomStreamUpdate', roomID, updateType: 'ADD', streamList: [{ streamID, user: { userID: `host-${i}` } }], at });
    store.dispatch({ type: 'roomUserUpdate', roomID, updateType: 'ADD', userList: [{ userID: `host-${i}` }], at });
    player('PLAY_REQUESTING', 0);
    if (i % 2) {
      player('NO_PLAY', 1004020);
      store.dispatch({ type: 'replayScheduled', target: 'player', streamID, attempt: 1, dueAt: at + 3000, at });
      store.dispatch({ type: 'roomStreamUpdate', roomID, updateType: 'DELETE', streamList: [{ streamID }], extendedData: '{"stream_delete_reason":2}', at });
      store.dispatch({ type: 'replayCancelled', target: 'player', streamID, at });
    } else {
      player('PLAYING', 0);
      store.dispatch({ type: 'roomStreamUpdate', roomID, updateType: 'DELETE', streamList: [{ streamID }], extendedData: '{"stream_delete_reason":2}', at });
      player('NO_PLAY', 0);
    }
    store.dispatch({ type: 'roomStateChanged', roomID, reason: 'LOGOUT', errorCode: 0, at });
  };
  /** µs per stream ADD+DELETE pair in the store's room 'main', each step's fastest of 20 rounds. */
  const addDeleteMicros = (store) => {
    const events = [];
    for (let i = 0; i < 4_000; i++) {
      const streamList = [{ streamID: `cycle-${i % 500}` }];
      events.push({ type: 'roomStreamUpdate', roomID: 'main', updateType: 'ADD', streamList, at: 0 });
      events.push({ type: 'roomStreamUpdate', roomID: 'main', updateType: 'DELETE', streamList, at: 0 });
    }
    const steps = chunks(events, 500);
    const { fastest, median } = timeSteps(20, (step) => {
      steps.forEach((chunk, i) => step(i, () => {
        for (const event of chunk) store.dispatch(event);
      }));
    });
    const pairs = events.length / 2;
    return { fastest: (fastest * 1000) / pairs, median: (median * 1000) / pairs };
  };
  const fresh = addDeleteMicros(createLoggedIn());
  const store = createLoggedIn();
  for (let i = 0; i < 100; i++) visit(store, -1 - i); // warm up
  let growthMB = null;
  if (typeof globalThis.gc === 'function') {
    globalThis.gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < ROOMS_VISITED; i++) visit(store, i);
    globalThis.gc();
    growthMB = Number(((process.memoryUsage().heapUsed - before) / 1024 / 1024).toFixed(2));
  } else {
    for (let i = 0; i < ROOMS_VISITED; i++) visit(store, i);
  }
  const { rooms, players } = store.getState();
  const visited = addDeleteMicros(store);
  return { growthMB, rooms: rooms.size, players: players.size, fresh, visited };
}
function roomsVisitedHeap() {
  const run = roomsVisitedRun();
  if (run.growthMB === null) return { value: null, detail: 'not run: node needs --expose-gc' };
  return { value: run.growthMB, detail: `rooms.size ${run.rooms}, players.size ${run.players} after the visits, after gc` };
}

function roomsVisitedCost() {
  const run = roomsVisitedRun();
  return {
    value: Number((run.visited.fastest / run.fresh.fastest).toFixed(2)),
    median: Number((run.visited.median / run.fresh.median).toFixed(2)),
    detail: `${run.visited.fastest.toFixed(3)} µs vs ${run.fresh.fastest.toFixed(3)} µs per ADD+DELETE, 4,000 pairs in steps of 500, each step's fastest of 20 rounds`,
  };
}

// ---- 5. media health: one playQualityUpdate among 1,000 played streams ----
// Issue 14: every played stream reports its quality every 3 s, so 1,000 tiles
// mean ~333 reports a second; each must cost O(log n), not O(streams).
function playQualityCost(streams) {
  const store = createStatusStore({ clock: createManualClock(), extensions: [kit.mediaHealth({ browserConnectivity: false })] });
  let at = 0;
  store.dispatch({ type: 'roomStateChanged', roomID: 'r', reason: 'LOGINING', errorCode: 0, at: at++ });
  store.dispatch({ type: 'roomStateChanged', roomID: 'r', reason: 'LOGINED', errorCode: 0, at: at++ });
  for (let i = 0; i < streams; i++) {
    const streamID = `s${i}`;
    store.dispatch({ type: 'roomStreamUpdate', roomID: 'r', updateType: 'ADD', streamList: [{ streamID, user: { userID: `u${i}` } }], at });
    store.dispatch({ type: 'playerStateUpdate', streamID, state: 'PLAYING', errorCode: 0, at });
  }
  // What the web adapter dispatches for a ZegoPlayStats report.
  const stats = { videoQuality: 1, audioQuality: 0, videoBitrate: 800, audioBitrate: 32, videoFPS: 15, packetLossRate: 0.01, videoMuted: false, audioMuted: false };
  const n = 6_000;
  const events = [];
  for (let i = 0; i < n; i++) events.push({ type: 'playQualityUpdate', streamID: `s${i % streams}`, stats, at: ++at });
  const steps = chunks(events, 500);
  const { fastest, median } = timeSteps(20, (step) => {
    steps.forEach((chunk, i) => step(i, () => {
      for (const event of chunk) store.dispatch({ ...event, at: ++at });
    }));
  });
  if (store.getState().media.streams.size !== streams) throw new Error('media health lost streams');
  return { fastest: (fastest * 1000) / n, median: (median * 1000) / n };
}

function playQuality() {
  const large = playQualityCost(1_000);
  return { value: Number(large.fastest.toFixed(3)), median: Number(large.median.toFixed(3)), detail: `6,000 reports in steps of 500, each step's fastest of 20 rounds` };
}

function playQualityGrowth() {
  const small = playQualityCost(10);
  const large = playQualityCost(1_000);
  return {
    value: Number((large.fastest / small.fastest).toFixed(2)),
    median: Number((large.median / small.median).toFixed(2)),
    detail: `${large.fastest.toFixed(3)} µs vs ${small.fastest.toFixed(3)} µs per report`,
  };
}

/**
 * The budgets. `budget` is the issue's, as `npm run bench` holds it; `gate` is
 * what `npm test` holds (`--gate`): the budget with a margin for noise, or the
 * budget itself where noise does not reach the figure. `min` / `max` say
 * which way is good. `measure()` returns `{ value, median?, detail }`; a
 * `value` of null means not run, which fails.
 */
const CASES = [
  {
    name: 'mixed events through store.dispatch (3 rooms, 1,000 streams added and removed, players, publishers, flaps, users)',
    unit: 'events/s',
    budget: { min: 1_000_000 },
    // Step minima measured 1.5–1.8 M events/s at load 23–25 on 2 cores: the budget itself gates.
    gate: { min: 1_000_000 },
    measure: throughput,
  },
  {
    name: 'user join/leave: 10,000-user/1,000-stream room vs 10-user room',
    unit: 'x',
    budget: { max: 2 },
    gate: { max: 3 },
    measure: growth('user'),
  },
  {
    name: 'stream add/delete: 10,000-user/1,000-stream room vs 10-user room',
    unit: 'x',
    budget: { max: 2 },
    gate: { max: 3 },
    measure: growth('stream'),
  },
  {
    name: 'heap growth after 100,000 stream add/delete cycles',
    unit: 'MB',
    budget: { max: 5 },
    gate: { max: 5 },
    measure: heapGrowth,
  },
  {
    name: `heap growth after ${ROOMS_VISITED.toLocaleString('en')} rooms visited and left`,
    unit: 'MB',
    budget: { max: 1 },
    gate: { max: 1 },
    measure: roomsVisitedHeap,
  },
  {
    name: `stream ADD+DELETE after ${ROOMS_VISITED.toLocaleString('en')} rooms visited and left vs a fresh store`,
    unit: 'x',
    budget: { max: 2 },
    // A ratio of two timings, like the growth cases: the regression it is there for (a scan of every room ever visited) is 100x and more.
    gate: { max: 3 },
    measure: roomsVisitedCost,
  },
  {
    name: 'media health: a playQualityUpdate for one of 1,000 played streams',
    unit: 'µs',
    budget: { max: 5 },
    gate: { max: 10 },
    measure: playQuality,
  },
  {
    name: 'media health: playQualityUpdate, 1,000 vs 10 played streams',
    unit: 'x',
    budget: { max: 2 },
    gate: { max: 3 },
    measure: playQualityGrowth,
  },
];

const within = (value, { min, max }) => value !== null && (min === undefined || value >= min) && (max === undefined || value <= max);
const describe = ({ min, max }) => (min !== undefined ? `>= ${min.toLocaleString('en')}` : `<= ${max.toLocaleString('en')}`);
const better = (a, b, { min }) => (b.value === null ? a : a.value === null ? b : (min !== undefined ? a.value >= b.value : a.value <= b.value) ? a : b);

const results = [];
for (const { name, unit, budget, gate, measure } of CASES) {
  const limit = gating ? gate : budget;
  let best = measure();
  const attempts = [best.value];
  // Noise does not repeat: measure again before calling it over.
  while (!within(best.value, limit) && best.value !== null && attempts.length < 3) {
    const again = measure();
    attempts.push(again.value);
    best = better(best, again, limit);
  }
  const ok = within(best.value, limit);
  results.push({ name, unit, value: best.value, median: best.median ?? null, detail: best.detail, budget, gate, attempts, ok, held: gating ? 'gate' : 'budget' });
  const shown = best.value === null ? 'not run' : `${best.value.toLocaleString('en')} ${unit}`;
  const against = gating ? `gate ${describe(gate)}, budget ${describe(budget)}` : `budget ${describe(budget)}`;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${shown} (${against}; ${best.detail}${attempts.length > 1 ? `; attempts ${attempts.join(', ')}` : ''})`);
}

mkdirSync('test-results', { recursive: true });
const machine = { node: process.version, cpus: (await import('node:os')).cpus().length, loadavg: (await import('node:os')).loadavg().map((n) => Number(n.toFixed(2))) };
writeFileSync('test-results/bench.json', `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, results }, null, 2)}\n`);

// ---- 6. render cost in Chromium (1,000 StreamView tiles): a report ----------
// test/browser/render-bench.test.tsx (in `npm test`) asserts one tile per
// player event and same-task DOM updates; the timings are printed by the
// render report (vitest.render-report.config.ts), which is not a test.
if (!argv.includes('--no-render')) {
  console.log('\nrender cost (Chromium, npm run bench:render):');
  const { findChromium } = await import('./find-chromium.mjs');
  const render = spawnSync('npm', ['run', '--silent', 'bench:render'], {
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', ZSK_CHROMIUM: findChromium() },
  });
  if (render.status !== 0) results.push({ name: 'render report', ok: false });
}

const failed = results.filter((r) => !r.ok);
console.log(`\n${results.length - failed.length} budgets met, ${failed.length} over or not run (figures in test-results/bench.json)`);
process.exit(failed.length === 0 ? 0 : 1);
