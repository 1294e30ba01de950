/**
 * The `--zsk-*` variables as styles.css defines them, read from the file
 * itself at build time (`?raw`), so the Theming page cannot drift from the CSS.
 */
import kitCss from '../../src/react/styles.css?raw';
import storyCss from './story.css?raw';

type Themes = 'light' | 'dark' | 'brand';

export interface ThemeVariable {
  readonly name: string;
  readonly values: Readonly<Partial<Record<Themes, string>>>;
}

const stripComments = (css: string): string => css.replace(/\/\*[\s\S]*?\*\//g, '');

/** `--zsk-*` declarations of every top-level block whose selector matches `selector`. */
function declarations(css: string, selector: (text: string) => boolean): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of stripComments(css).matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!selector(match[1]!.trim())) continue;
    for (const decl of match[2]!.matchAll(/(--zsk-[\w-]+)\s*:\s*([^;]+)/g)) found.set(decl[1]!, decl[2]!.trim());
  }
  return found;
}

// Top-level blocks only: the prefers-color-scheme copy of the dark theme sits inside @media and is skipped.
const topLevel = (css: string): string => stripComments(css).replace(/@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '');

const light = declarations(topLevel(kitCss), (s) => s.split(',').map((p) => p.trim()).includes('[data-theme=light]'));
const dark = declarations(topLevel(kitCss), (s) => s === '[data-theme=dark]');
const brand = declarations(storyCss, (s) => s === "[data-theme='brand']");
// Variables a rule sets for itself (e.g. the badge's dot colour) are internals, not theme inputs.
const local = declarations(topLevel(kitCss), (s) => !s.includes('data-theme') && !s.startsWith(':root'));

/** Every theme variable of the kit with its value per theme (undefined: inherited from light). */
export const THEME_VARIABLES: readonly ThemeVariable[] = [...light.keys()]
  .filter((name) => !local.has(name))
  .map((name) => ({ name, values: { light: light.get(name), dark: dark.get(name), brand: brand.get(name) } }));

const isColour = (value: string | undefined): boolean => !!value && /^(#|rgb|hsl)/.test(value);

function Value({ value }: { value: string | undefined }) {
  if (value === undefined) return <span className="story-caption">as light</span>;
  return (
    <>
      {isColour(value) && <span className="story-swatch" style={{ background: value }} aria-hidden="true" />}
      <code>{value}</code>
    </>
  );
}

/** A table of every `--zsk-*` variable: light (the default), dark, and the stories' brand theme. */
export function ThemeVariablesTable() {
  return (
    <table className="story-variables">
      <caption className="story-caption">
        {THEME_VARIABLES.length} variables, read from src/react/styles.css (brand: stories/support/story.css)
      </caption>
      <thead>
        <tr>
          <th scope="col">Variable</th>
          <th scope="col">Light (default)</th>
          <th scope="col">Dark</th>
          <th scope="col">Brand (example)</th>
        </tr>
      </thead>
      <tbody>
        {THEME_VARIABLES.map(({ name, values }) => (
          <tr key={name}>
            <th scope="row">
              <code>{name}</code>
            </th>
            <td>
              <Value value={values.light} />
            </td>
            <td>
              <Value value={values.dark} />
            </td>
            <td>
              <Value value={values.brand} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The brand theme block of stories/support/story.css, as written there. */
export const BRAND_THEME_CSS: string = (/\[data-theme='brand'\]\s*\{[^}]*\}/.exec(storyCss)?.[0] ?? '').trim();
