/**
 * The docs pages' args tables from the kit's JSDoc. Storybook's react-docgen
 * reads a default only from a destructuring default in the component's
 * signature, which the kit's components do not use (options go to headless
 * hooks as they are), so every default showed as "-"; and a description's
 * TSDoc `{@link RECONNECTED_CONFIRMATION_MS}` went to markdown as is, which
 * took `_CONFIRMATION_` for emphasis and ate the underscores.
 *
 * {@link withDocDefaults} (a preview argTypes enhancer) fixes both from the
 * props' JSDoc: `@defaultValue …` becomes the table's default, and `{@link X}`
 * (or `{@link X | text}`) becomes inline code, in descriptions and defaults.
 */
import type { ArgTypesEnhancer, StrictArgTypes } from 'storybook/internal/types';

/** `{@link X}` / `{@link X | text}` / `{@link X text}` as inline code (`X`, or `text`). */
export const linksAsCode = (text: string): string =>
  text.replace(/\{@link(?:code|plain)?\s+([^}|\s]+)(?:\s*\|\s*|\s+)?([^}]*)\}/g, (_, target: string, label: string) => `\`${label.trim() || target}\``);

/** The `@defaultValue` (or `@default`) of a JSDoc comment, as plain text; undefined without one. */
export function defaultValueOf(jsdoc: string | undefined): string | undefined {
  const match = /@default(?:Value)?[ \t]*([^\n]*(?:\n(?![ \t]*@)[^\n]*)*)/.exec(jsdoc ?? '');
  const value = match?.[1]?.trim();
  return value ? linksAsCode(value).replaceAll('`', '') : undefined;
}

interface DocgenProp {
  readonly description?: string;
}

/** Whether Storybook's build attached react-docgen's findings to the component (not under the vitest plugin). */
export const hasDocgen = (component: unknown): boolean => Object.keys(docgenProps(component)).length > 0;

/** The props react-docgen found on a component (attached as `__docgenInfo` by Storybook's build). */
const docgenProps = (component: unknown): Record<string, DocgenProp> =>
  ((component as { __docgenInfo?: { props?: Record<string, DocgenProp> } } | undefined)?.__docgenInfo?.props ?? {});

/**
 * Runs after Storybook's own enhancers: fills `table.defaultValue` from
 * `@defaultValue` where docgen had none, and turns `{@link X}` into code.
 *
 * @example
 * ```ts
 * const preview: Preview = { argTypesEnhancers: [withDocDefaults] };
 * ```
 */
export const withDocDefaults: ArgTypesEnhancer = (context) => {
  const props = docgenProps(context.component);
  const argTypes: StrictArgTypes = { ...context.argTypes };
  for (const [name, argType] of Object.entries(argTypes)) {
    const summary = argType.table?.defaultValue?.summary ?? defaultValueOf(props[name]?.description);
    argTypes[name] = {
      ...argType,
      ...(typeof argType.description === 'string' && { description: linksAsCode(argType.description) }),
      ...(summary !== undefined && { table: { ...argType.table, defaultValue: { ...argType.table?.defaultValue, summary } } }),
    };
  }
  return argTypes;
};

/**
 * For a play function: the args table of `component` renders its defaults
 * and links. Every prop whose JSDoc has `@defaultValue` shows that default,
 * and no description still holds a `{@link …}` for markdown to mangle.
 */
export function argsTableProblems(component: unknown, argTypes: StrictArgTypes): string[] {
  const props = docgenProps(component);
  const problems: string[] = [];
  for (const [name, prop] of Object.entries(props)) {
    const expected = defaultValueOf(prop.description);
    const shown = argTypes[name]?.table?.defaultValue?.summary;
    if (expected !== undefined && shown !== expected) problems.push(`${name}: default "${shown ?? '-'}", JSDoc says "${expected}"`);
    if (/\{@link/.test(argTypes[name]?.description ?? '')) problems.push(`${name}: description keeps a raw {@link}`);
  }
  return problems;
}

/**
 * A play-function step: the story's component's args table shows every
 * JSDoc default and no raw `{@link}`. Docgen runs in the built Storybook
 * (`npm start`, and the static build scripts/storybook-smoke.mjs tests), not
 * under the vitest plugin, which leaves docs out: there it checks nothing.
 *
 * @example
 * ```ts
 * play: async (context) => { await expectArgsTable(context); }
 * ```
 */
export async function expectArgsTable(context: { component?: unknown; argTypes: StrictArgTypes }): Promise<void> {
  if (!hasDocgen(context.component)) return;
  const problems = argsTableProblems(context.component, context.argTypes);
  if (problems.length > 0) throw new Error(`args table of the docs page:\n${problems.join('\n')}`);
}
