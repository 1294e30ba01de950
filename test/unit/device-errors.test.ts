/**
 * Device and permission problems (issue 14): what getUserMedia /
 * createZegoStream reject with, turned into an event by deviceErrorEvent, and
 * described with what to do by describeDeviceError / describeDeviceIssue, in
 * English and Simplified Chinese.
 */
import { describe, expect, it } from 'vitest';
import {
  DEVICE_ERROR_CODES,
  describeDeviceError,
  describeDeviceIssue,
  describeDeviceOnlyIssue,
  deviceErrorEvent,
  deviceIssueReason,
  deviceOfCode,
} from '../../src/core/device-error.js';
import { describeError } from '../../src/core/errors.js';
import { zhCNErrors } from '../../src/core/errors-zh-CN.js';
import type { DeviceIssue } from '../../src/core/media-health.js';

const BROWSER_NAMES = ['NotAllowedError', 'NotFoundError', 'NotReadableError', 'OverconstrainedError', 'SecurityError', 'AbortError'];
// createZegoStream's declaration (1103061, 1103064–1103066) and the web SDK's device error table.
const SDK_CODES = [1006006, 1103002, 1103010, 1103042, 1103043, 1103053, 1103061, 1103064, 1103065, 1103066, 1106007, 1106008, 1106009, 1106010];

describe('describeDeviceError', () => {
  it('catalogs the browser errors and the SDK device codes: category, and distinct en / zh-CN sentences', () => {
    for (const code of [...BROWSER_NAMES, ...SDK_CODES, 'screenSharingEnded']) {
      expect(DEVICE_ERROR_CODES).toContain(code);
      const en = describeDeviceError(code);
      const zh = describeDeviceError(code, zhCNErrors);
      expect(en, String(code)).toMatchObject({ code, known: true });
      expect(['permission', 'device']).toContain(en.category);
      expect(zh.category).toBe(en.category);
      expect(zh.message, String(code)).not.toBe(en.message);
      expect(zh.message).toMatch(/[\u3400-\u9fff]/);
    }
  });

  it('says what to do: allow access for a denial, close the other app for a busy device', () => {
    expect(describeDeviceError('NotAllowedError')).toMatchObject({ category: 'permission' });
    expect(describeDeviceError('NotAllowedError').message).toMatch(/allow it in the browser's site settings/);
    expect(describeDeviceError(1103064).message).toBe(describeDeviceError('NotAllowedError').message);
    expect(describeDeviceError('NotReadableError').message).toMatch(/close other apps/);
    expect(describeDeviceError(1006006).message).toMatch(/plug it back in/);
  });

  it("the SDK's 1103053 and the browser's SecurityError are one reason (insecure) in one English sentence", () => {
    expect(describeDeviceError(1103053)).toMatchObject({ category: 'permission', message: describeDeviceError('SecurityError').message });
    expect(describeDeviceError(1103053).message).toMatch(/served over HTTPS/);
  });

  it('describes room codes as describeError does, and unknown names and codes as unknown', () => {
    expect(describeDeviceError(1002033)).toEqual(describeError(1002033));
    for (const odd of ['constructor', '__proto__', 'toString', 'TypeError', '1103064', '', NaN, null, {}] as unknown[]) {
      const d = describeDeviceError(odd as string);
      expect(d.known, String(odd)).toBe(false);
      expect(d.category).toBe('unknown');
    }
  });

  it('leaves describeError to the room codes (the banner does not carry device sentences)', () => {
    expect(describeError(1103064).known).toBe(false);
    expect(describeError('NotAllowedError' as unknown as number).known).toBe(false);
  });
});

describe('deviceErrorEvent', () => {
  it('a DOMException from getUserMedia: its name and reason, not its legacy numeric code', () => {
    const event = deviceErrorEvent(new DOMException('Requested device not found', 'NotFoundError'), { device: 'camera', at: 5 });
    // DOMException NotFoundError has the legacy code 8: not a ZEGO code.
    expect(event).toEqual({ type: 'deviceError', errorCode: 0, errorName: 'NotFoundError', reason: 'not-found', device: 'camera', at: 5 });
  });

  it('Chrome\'s "Permission denied by system" is the operating system refusing', () => {
    expect(deviceErrorEvent(new DOMException('Permission denied by system', 'NotAllowedError'), { at: 0 }).reason).toBe('denied-by-system');
    expect(deviceErrorEvent(new DOMException('Permission denied', 'NotAllowedError'), { at: 0 }).reason).toBe('denied');
  });

  it("the web SDK's rejection { code, msg }", () => {
    expect(deviceErrorEvent({ code: 1103065, msg: 'device is not readable' }, { at: 1 })).toEqual({
      type: 'deviceError',
      errorCode: 1103065,
      reason: 'in-use',
      at: 1,
    });
    expect(deviceErrorEvent({ errorCode: 1103064 }, { device: 'microphone', at: 1 })).toMatchObject({ errorCode: 1103064, reason: 'denied' });
  });

  it('anything else: an unknown issue, never a throw', () => {
    for (const odd of [undefined, null, 'boom', 42, new Error('x'), { name: 42 }, { name: 'Error' }, Symbol('s')]) {
      expect(deviceErrorEvent(odd, { at: 0 })).toMatchObject({ type: 'deviceError', errorCode: 0, reason: 'unknown' });
    }
  });
});

describe('deviceIssueReason / deviceOfCode', () => {
  it.each([
    [0, 'NotAllowedError', 'denied'],
    [0, 'PermissionDeniedError', 'denied'],
    [0, 'NotFoundError', 'not-found'],
    [0, 'NotReadableError', 'in-use'],
    [0, 'OverconstrainedError', 'overconstrained'],
    [0, 'SecurityError', 'insecure'],
    [1103053, null, 'insecure'],
    [1006006, null, 'unplugged'],
    [1106007, null, 'unstable'],
    [1106010, null, 'ended'],
    [1103042, null, 'cancelled'],
    [1103043, null, 'unsupported'],
    [1103061, null, 'unknown'],
    [1103064, 'NotReadableError', 'in-use'],
    [0, 'constructor', 'unknown'],
  ] as const)('%s %s -> %s', (code, name, reason) => {
    expect(deviceIssueReason(code, name)).toBe(reason);
  });

  it('only the codes that say which device name one', () => {
    expect([1106007, 1106008, 1106009, 1106010, 1103042, 1006006, 1103064].map(deviceOfCode)).toEqual([
      'microphone',
      'camera',
      'microphone',
      'camera',
      'screen',
      null,
      null,
    ]);
  });
});

describe('describeDeviceIssue', () => {
  const issue = (fields: Partial<DeviceIssue>): DeviceIssue => ({
    device: null,
    reason: 'unknown',
    errorCode: 0,
    errorName: null,
    deviceName: null,
    at: 0,
    ...fields,
  });

  it('by the browser name, else the SDK code, else the reason (native issues have neither)', () => {
    expect(describeDeviceIssue(issue({ errorName: 'NotAllowedError', errorCode: 1103061 })).code).toBe('NotAllowedError');
    expect(describeDeviceIssue(issue({ errorName: 'TypeError', errorCode: 1103065 })).code).toBe(1103065);
    expect(describeDeviceIssue(issue({ reason: 'in-use' })).code).toBe('NotReadableError');
    expect(describeDeviceIssue(issue({ reason: 'unplugged', device: 'microphone' })).code).toBe(1006006);
    expect(describeDeviceIssue(issue({ reason: 'unstable', device: 'camera' })).code).toBe(1106008);
    expect(describeDeviceIssue(issue({ reason: 'ended', device: 'screen' })).code).toBe('screenSharingEnded');
    expect(describeDeviceIssue(issue({ reason: 'denied' }), zhCNErrors).message).toBe(zhCNErrors.codes['NotAllowedError']);
  });

  it('an issue of unknown reason says the device would not start; an unknown code falls back the same way', () => {
    expect(describeDeviceIssue(issue({}))).toMatchObject({ known: true, code: 1103061, category: 'device' });
    expect(describeDeviceIssue(issue({ errorCode: 4242 }))).toMatchObject({ known: true, code: 1103061 });
  });

  // The device banner's describer: the device catalog alone, so the banner does not ship describeError's sentences.
  it('describeDeviceOnlyIssue: as describeDeviceIssue for device codes, names and reasons; a room or stream code reads as unknown', () => {
    const issues = [
      issue({}),
      issue({ errorName: 'NotAllowedError', errorCode: 1103061 }),
      issue({ errorName: 'TypeError', errorCode: 1103065 }),
      issue({ reason: 'in-use' }),
      issue({ reason: 'unplugged', device: 'microphone' }),
      issue({ reason: 'unstable', device: 'camera' }),
      issue({ reason: 'ended', device: 'screen' }),
      issue({ reason: 'denied', errorCode: 4242 }),
      ...DEVICE_ERROR_CODES.map((code) => (typeof code === 'number' ? issue({ errorCode: code }) : issue({ errorName: code }))),
    ];
    for (const each of issues) {
      expect(describeDeviceOnlyIssue(each)).toEqual(describeDeviceIssue(each));
      expect(describeDeviceOnlyIssue(each, zhCNErrors)).toEqual(describeDeviceIssue(each, zhCNErrors));
    }
    // 1002033 is a room code: describeDeviceIssue says what describeError says; the device banner, that the device would not start.
    expect(describeDeviceIssue(issue({ errorCode: 1002033 }))).toMatchObject({ code: 1002033, known: true });
    expect(describeDeviceOnlyIssue(issue({ errorCode: 1002033 }))).toMatchObject({ code: 1103061, known: true, category: 'device' });
  });

  it('describeDeviceOnlyIssue, given an issue whose reason is none of the reasons (bad input): that the device would not start, never a throw', () => {
    const odd = issue({ reason: 'bogus' as DeviceIssue['reason'] });
    expect(describeDeviceOnlyIssue(odd)).toMatchObject({ code: 1103061, known: true, category: 'device' });
    expect(describeDeviceOnlyIssue(odd, zhCNErrors).message).toBe(zhCNErrors.codes[1103061]);
  });
});
