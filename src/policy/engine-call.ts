/**
 * Helpers the policies share: calling into engine or app code without ever
 * letting a throw or a rejection escape (DESIGN §5), and running handlers one
 * at a time although the store calls its listeners synchronously, even from
 * inside a dispatch the policy itself made.
 *
 * Internal: not exported from the package.
 */

/** The failure of a call, as the store records it. */
export interface CallFailure {
  readonly errorCode: number;
  readonly message?: string;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Reads a ZEGO-style error: the web SDK rejects with `{ code, msg }`
 * (DESIGN §4, `{ code: 1002031, msg: 'login timeout' }`); other engines throw
 * an `Error`, an `{ errorCode }` or anything at all. `-1` when no code is known.
 */
export function failureOf(error: unknown): CallFailure {
  if (error !== null && typeof error === 'object') {
    const record = error as Record<string, unknown>;
    const code = isNumber(record['code']) ? record['code'] : isNumber(record['errorCode']) ? record['errorCode'] : -1;
    const text = record['msg'] ?? record['message'];
    return typeof text === 'string' ? { errorCode: code, message: text } : { errorCode: code };
  }
  if (isNumber(error)) return { errorCode: error };
  return typeof error === 'string' ? { errorCode: -1, message: error } : { errorCode: -1 };
}

/** True for a promise or any other thenable an engine may return. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Runs tasks to completion one at a time. A task started while another runs
 * (a listener re-entered by the policy's own dispatch, or an engine that emits
 * a callback synchronously from `startPlayingStream`) waits in a queue, so
 * each handler sees the policy's bookkeeping whole, never half-updated.
 * A task that throws is reported to `onError` and the queue carries on.
 */
export function createSerialRunner(onError: (error: unknown) => void): (task: () => void) => void {
  const queue: (() => void)[] = [];
  let running = false;
  return (task) => {
    queue.push(task);
    if (running) return;
    running = true;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        try {
          next();
        } catch (error) {
          try {
            onError(error);
          } catch {
            // Nothing may escape into the store's dispatch or the SDK's callback.
          }
        }
      }
    } finally {
      running = false;
    }
  };
}
