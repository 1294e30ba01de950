/**
 * Issue 17, the Stryker run over the rest of src/core (clock, device errors,
 * error lookup, persistent map, selectors' defaults, store): one test per
 * surviving mutant a user or an app could see. docs/mutation.md lists them,
 * and the survivors left with why.
 */
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/core/clock.js';
import { describeDeviceError, describeDeviceIssue, deviceErrorEvent, deviceIssueReason } from '../../src/core/device-error.js';
import { describeError, type ErrorMessages } from '../../src/core/errors.js';
import type { DeviceIssue } from '../../src/core/media-health.js';
import { selectStreamHealth } from '../../src/core/media-selectors.js';
import { PersistentMap } from '../../src/core/persistent-map.js';
import { selectCurrentRoomID, selectRoom } from '../../src/core/selectors.js';
import { createPlayerStatus, createPublisherStatus } from '../../src/core/status.js';
import { createStatusStore } from '../../src/core/store.js';

describe('manual clock', () => {
  it('clearing a timer that already fired leaves the next one armed: the 3 s retry still runs', () => {
    const clock = createManualClock();
    const fired: string[] = [];
    const first = clock.setTimeout(() => fired.push('1 s'), 1_000);
    clock.setTimeout(() => fired.push('3 s'), 3_000);
    clock.advance(1_000);
    clock.clearTimeout(first); // late cleanup, as apps do
    clock.advance(2_000);
    expect(fired).toEqual(['1 s', '3 s']);
  });
});

describe('device errors: reasons and descriptions', () => {
  it('"by system" in the message makes only a denial denied-by-system: an in-use camera stays in use', () => {
    expect(deviceIssueReason(0, 'NotAllowedError', 'Permission denied by system')).toBe('denied-by-system');
    expect(deviceIssueReason(0, 'NotReadableError', 'Device in use by system')).toBe('in-use');
  });

  it('a name that is not an error class name (text around it) is not kept as the error name', () => {
    expect(deviceErrorEvent({ name: 'custom NotAllowedError' }, { at: 0 })).not.toHaveProperty('errorName');
    expect(deviceErrorEvent({ name: 'NotAllowedErrorX' }, { at: 0 })).not.toHaveProperty('errorName');
    expect(deviceErrorEvent({ name: 'NotAllowedError' }, { at: 0 })).toMatchObject({ errorName: 'NotAllowedError', reason: 'denied' });
  });

  const issue = (fields: Pick<DeviceIssue, 'device' | 'reason'>): DeviceIssue => ({ errorCode: 0, errorName: null, deviceName: null, at: 0, ...fields });

  it('a screen share the user refused is described as refused, not as "sharing ended"', () => {
    expect(describeDeviceIssue(issue({ device: 'screen', reason: 'denied' })).message).toBe(describeDeviceError('NotAllowedError').message);
  });

  it('a camera whose track ended is described as a device that stopped, not as a screen share that ended', () => {
    const ended = describeDeviceIssue(issue({ device: 'camera', reason: 'ended' }));
    expect(ended.message).toBe(describeDeviceError(1103061).message);
    expect(ended.message).not.toBe(describeDeviceIssue(issue({ device: 'screen', reason: 'ended' })).message);
  });

  it("an unstable microphone is described by the microphone's code, not the camera's", () => {
    expect(describeDeviceIssue(issue({ device: 'microphone', reason: 'unstable' })).message).toBe(describeDeviceError(1106007).message);
    expect(describeDeviceIssue(issue({ device: 'camera', reason: 'unstable' })).message).toBe(describeDeviceError(1106008).message);
  });
});

describe('error descriptions: bad input', () => {
  it('a code that cannot be written as text shows as "?"', () => {
    const odd = {
      toString(): string {
        throw new Error('no');
      },
    };
    expect(describeError(odd as unknown as number).message).toBe('Unexpected error (code ?).');
  });

  it('a message table from plain JavaScript without `codes` falls back to English, without throwing', () => {
    const partial = { none: 'Aucune erreur', unknown: 'Erreur {code}' } as unknown as ErrorMessages;
    expect(describeError(1002034, partial).message).toBe(describeError(1002034).message);
  });
});

describe('kick-out extendedData', () => {
  it('extendedData that is a number is not kept as text (only JSON text or an object is)', () => {
    const clock = createManualClock();
    const store = createStatusStore({ clock });
    store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINING', errorCode: 0, at: 0 });
    store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINED', errorCode: 0, at: 120 });
    store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'KICKOUT', errorCode: 1002050, extendedData: 5 as never, at: 60_000 });
    expect(selectRoom(store.getState(), 'r1').kickout).toMatchObject({ code: 1002050, extendedData: null, message: null });
  });
});

describe('defaults and selectors', () => {
  it('an unknown stream reads the same object again after another unknown one was asked for (no re-render)', () => {
    const state = createStatusStore().getState();
    const a = selectStreamHealth(state, 'mutation-gaps-a');
    selectStreamHealth(state, 'mutation-gaps-b');
    expect(selectStreamHealth(state, 'mutation-gaps-a')).toBe(a);
  });

  it('a new player or publisher entry has not given up', () => {
    expect(createPlayerStatus('host-main').gaveUp).toBe(false);
    expect(createPublisherStatus('me-main').gaveUp).toBe(false);
  });

  it('before any room, the current room ID is empty', () => {
    expect(selectCurrentRoomID(createStatusStore().getState())).toBe('');
  });
});

describe('store', () => {
  it('an event listener is handed the very state the store holds', () => {
    const store = createStatusStore({ clock: createManualClock() });
    const seen: boolean[] = [];
    store.subscribeEvents((_event, state) => seen.push(state === store.getState()));
    store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINING', errorCode: 0, at: 0 });
    store.dispatch({ type: 'roomStateChanged', roomID: 'r1', reason: 'LOGINED', errorCode: 0, at: 120 });
    expect(seen).toEqual([true, true]);
  });
});

describe('persistent map: two stream IDs with one 32-bit hash', () => {
  // FNV-1a gives 'stream-48585' and 'stream-363820' the same hash (found by a search over
  // 'stream-N'): both live in one collision list at the bottom of the trie.
  const [a, b] = ['stream-48585', 'stream-363820'];

  it('both are kept and read back; deleting one leaves the other', () => {
    const both = PersistentMap.empty<number>().set(a, 1).set(b, 2);
    expect([both.get(a), both.get(b), both.size]).toEqual([1, 2, 2]);
    expect(both.set(b, 3).get(a)).toBe(1);
    const onlyB = both.delete(a);
    expect([onlyB.get(a), onlyB.get(b), onlyB.size]).toEqual([undefined, 2, 1]);
    const onlyA = both.delete(b);
    expect([onlyA.get(a), onlyA.get(b), onlyA.size]).toEqual([1, undefined, 1]);
  });
});
