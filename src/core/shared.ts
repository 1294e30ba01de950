/**
 * State that must be one per page (or process) however the package is
 * loaded. An app, a test runner or a framework may load it as ESM in one
 * place and as CommonJS in another, which gives two copies of every module;
 * what they must agree on (the React context, the attachment caches, the
 * plays of each engine) lives on the global object under a registered symbol
 * instead of in a module.
 *
 * Internal: not exported from the package.
 */

/**
 * The value registered under `name`, created by `create` on first use.
 *
 * @example
 * ```ts
 * const connections = shared('useZegoWeb', () => new WeakMap<object, unknown>());
 * ```
 *
 * @internal
 */
export function shared<T>(name: string, create: () => T): T {
  const global = globalThis as { [key: symbol]: unknown };
  return (global[Symbol.for(`zego-status-kit: ${name}`)] ??= create()) as T;
}
