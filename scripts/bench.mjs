// `npm run bench`: reducer + store throughput, per-event cost against room
// size, and memory over many stream cycles. Measures the built package
// (dist/), i.e. the code apps ship. Run with --expose-gc (the npm script does).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

if (!process.argv.includes('--no-build') || !existsSync('dist/index.js')) {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const kit = await import(new URL('../dist/index.js', import.meta.url).href);
const { createStatusStore, createManualClock } = kit;

const results = [];
function report(name, value, unit, budget, ok) {
  results.push({ name, value, unit, budget, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${value} ${unit} (budget ${budget})`);
}

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

{
  const events = mixedEvents();
  const rounds = [];
  // 10 warm-up rounds let the JIT settle; the median of the next 30 is reported.
  for (let round = 0; round < 40; round++) {
    const store = createStatusStore({ clock: createManualClock() });
    let notified = 0;
    store.subscribe(() => notified++);
    const start = performance.now();
    for (const event of events) store.dispatch(event);
    if (round >= 10) rounds.push(performance.now() - start);
    if (notified === 0) throw new Error('store never notified');
  }
  rounds.sort((a, b) => a - b);
  const median = rounds[Math.floor(rounds.length / 2)];
  const perSecond = Math.round(events.length / (median / 1000));
  report(`mixed events through store.dispatch (${events.length} events, median of ${rounds.length})`, perSecond.toLocaleString('en'), 'events/s', '>= 1,000,000', perSecond >= 1_000_000);
}

// ---- 2. cost of one user / stream event against room size -----------------
function costPerEvent(existingUsers, existingStreams, kind) {
  const store = createStatusStore({ clock: createManualClock() });
  let at = 0;
  store.dispatch({ type: 'roomStateChanged', roomID: 'r', reason: 'LOGINING', errorCode: 0, at: at++ });
  store.dispatch({ type: 'roomStateChanged', roomID: 'r', reason: 'LOGINED', errorCode: 0, at: at++ });
  for (let i = 0; i < existingUsers; i++) {
    store.dispatch({ type: 'roomUserUpdate', roomID: 'r', updateType: 'ADD', userList: [{ userID: `u${i}` }], at });
  }
  for (let i = 0; i < existingStreams; i++) {
    store.dispatch({ type: 'roomStreamUpdate', roomID: 'r', updateType: 'ADD', streamList: [{ streamID: `s${i}` }], at });
  }
  const n = 20_000;
  const events = [];
  for (let i = 0; i < n; i++) {
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
  const samples = [];
  for (let round = 0; round < 9; round++) {
    const start = performance.now();
    for (const event of events) store.dispatch(event);
    samples.push(((performance.now() - start) * 1000) / events.length);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

for (const kind of ['user', 'stream']) {
  const small = costPerEvent(10, 10, kind);
  const large = costPerEvent(10_000, 1_000, kind);
  const ratio = large / small;
  report(
    `${kind} join/leave: 10,000-user/1,000-stream room vs 10-user room (${small.toFixed(3)} µs vs ${large.toFixed(3)} µs)`,
    ratio.toFixed(2),
    'x',
    '<= 2x',
    ratio <= 2,
  );
}

// ---- 3. memory over 100,000 stream add/delete cycles -----------------------
if (typeof globalThis.gc === 'function') {
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
    store.dispatch({ type: 'playerStateUpdate', streamID, state: i % 2 ? 'NO_PLAY' : 'NO_PLAY', errorCode: i % 2 ? 0 : 1004020, at: i });
  };
  for (let i = 0; i < 1000; i++) cycle(i); // warm up
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 1000; i < 101_000; i++) cycle(i);
  globalThis.gc();
  const growth = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  report('heap growth after 100,000 stream add/delete cycles', growth.toFixed(2), 'MB', '< 5 MB', growth < 5);
} else {
  console.log('skip heap growth: run with node --expose-gc');
}

// ---- many rooms visited and left (issue 13) ---------------------------------
// A long session: 10,000 rooms, each joined (LOGINING, LOGINED), a host stream
// ADDed and played (every other play fails once and its replay is cancelled),
// the host's DELETE, then LOGOUT and the player stopped. Budgets: the heap
// grows < 1 MB over the 10,000 visits, and a stream ADD+DELETE in the room the
// user is in (its removedStreams full, so every DELETE evicts) costs within 2x
// of the same in a fresh store. Self-contained: its own store, names, budgets.
if (typeof globalThis.gc === 'function') {
  const ROOMS = 10_000;
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
  const addDeleteMicros = (store) => {
    const events = [];
    for (let i = 0; i < 10_000; i++) {
      const streamList = [{ streamID: `cycle-${i % 500}` }];
      events.push({ type: 'roomStreamUpdate', roomID: 'main', updateType: 'ADD', streamList, at: 0 });
      events.push({ type: 'roomStreamUpdate', roomID: 'main', updateType: 'DELETE', streamList, at: 0 });
    }
    const samples = [];
    for (let round = 0; round < 7; round++) {
      const start = performance.now();
      for (const event of events) store.dispatch(event);
      samples.push(((performance.now() - start) * 1000) / (events.length / 2));
    }
    samples.sort((a, b) => a - b);
    return samples[Math.floor(samples.length / 2)];
  };
  const fresh = addDeleteMicros(createLoggedIn());
  const store = createLoggedIn();
  for (let i = 0; i < 100; i++) visit(store, -1 - i); // warm up
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < ROOMS; i++) visit(store, i);
  globalThis.gc();
  const growth = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  const { rooms, players } = store.getState();
  report(`heap growth after ${ROOMS.toLocaleString('en')} rooms visited and left (rooms.size ${rooms.size}, players.size ${players.size})`, growth.toFixed(2), 'MB', '< 1 MB', growth < 1);
  const visited = addDeleteMicros(store);
  const ratio = visited / fresh;
  report(`stream ADD+DELETE after ${ROOMS.toLocaleString('en')} rooms visited and left vs a fresh store (${visited.toFixed(2)} µs vs ${fresh.toFixed(2)} µs)`, ratio.toFixed(2), 'x', '<= 2x', ratio <= 2);
} else {
  console.log('skip rooms visited and left: run with node --expose-gc');
}

// ---- 4. render cost in Chromium (1,000 StreamView tiles) --------------------
// test/browser/render-bench.test.tsx asserts one tile per player event and
// same-task DOM updates, and prints mount / room-event / player-event times.
if (!process.argv.includes('--no-render')) {
  console.log('\nrender cost (Chromium, npm run bench:render):');
  const { findChromium } = await import('./find-chromium.mjs');
  const render = spawnSync('npm', ['run', '--silent', 'bench:render'], {
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', ZSK_CHROMIUM: findChromium() },
  });
  report('render bench: one tile per player event, DOM within the same task', render.status === 0 ? 'pass' : 'fail', '', 'pass', render.status === 0);
}

const failed = results.filter((r) => !r.ok);
console.log(`\n${results.length - failed.length} budgets met, ${failed.length} over budget`);
process.exit(failed.length === 0 ? 0 : 1);
