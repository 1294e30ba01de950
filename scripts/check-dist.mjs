// The published declarations, checked after `vite build` (`npm run build`
// runs it; so does `npm test`'s build gate). Issue 15:
//
// - internal helpers are not in the public types: every declaration a
//   dist/**/*.d.ts file exports is exported by one of the package's entries
//   (mark the others `@internal`; tsconfig.build.json strips them);
// - exactOptionalPropertyTypes: every optional property of the public types
//   accepts an explicit `undefined` (`prop?: T | undefined`), and none is
//   made optional by `Partial<>`, which gives `prop?: T`;
// - public JSDoc cites ZEGO's public documents by title, never "DESIGN §"
//   or "seed 00x", which users cannot see.
//
//   node scripts/check-dist.mjs      (after vite build)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
const declarations = walk(dist).filter((path) => /\.d\.c?ts$/.test(path));
const problems = [];
const where = (file, node) => `${relative(root, file)}:${node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

// The entries' types, as an app resolves them (import condition).
const entryTypes = Object.entries(pkg.exports)
  .filter(([key]) => key !== './package.json')
  .map(([, target]) => join(root, target.import.types));
const program = ts.createProgram([...entryTypes, ...declarations.filter((path) => path.endsWith('.d.ts'))], {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();
const resolveAlias = (symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
const exportsOf = (file) => {
  const source = program.getSourceFile(file) ?? undefined;
  const symbol = source && checker.getSymbolAtLocation(source);
  return symbol ? checker.getExportsOfModule(symbol).map(resolveAlias) : [];
};

// 1. Every exported declaration of every .d.ts is public.
const publicSymbols = new Set(entryTypes.flatMap(exportsOf));
if (publicSymbols.size < 100) problems.push(`found only ${publicSymbols.size} public exports in ${entryTypes.length} entries`);
for (const file of declarations) {
  for (const symbol of exportsOf(file)) {
    if (!publicSymbols.has(symbol)) {
      problems.push(`${relative(root, file)}: exports ${symbol.name}, which no entry exports (internal? mark it @internal)`);
    }
  }
}

// 2. and 3., on the text of every .d.ts and .d.cts.
const acceptsUndefined = (type) =>
  !type ||
  [ts.SyntaxKind.UndefinedKeyword, ts.SyntaxKind.AnyKeyword, ts.SyntaxKind.UnknownKeyword].includes(type.kind) ||
  (ts.isUnionTypeNode(type) && type.types.some(acceptsUndefined)) ||
  (ts.isParenthesizedTypeNode(type) && acceptsUndefined(type.type));
for (const file of declarations) {
  const text = readFileSync(file, 'utf8');
  for (const [pattern, what] of [
    [/DESIGN/, '"DESIGN" (a design brief users cannot see)'],
    [/\bseeds? ?0/i, '"seed 0…" (cite the ZEGO document by title)'],
  ]) {
    const line = text.split('\n').findIndex((l) => pattern.test(l));
    if (line >= 0) problems.push(`${relative(root, file)}:${line + 1}: mentions ${what}`);
  }
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if ((ts.isPropertySignature(node) || ts.isMethodSignature(node) || ts.isMappedTypeNode(node)) && node.questionToken) {
      if (ts.isMethodSignature(node) || !acceptsUndefined(node.type)) {
        problems.push(`${where(file, node)}: optional ${node.name?.getText() ?? 'mapped key'} does not accept undefined (write \`?: T | undefined\`)`);
      }
    }
    if (ts.isTypeReferenceNode(node) && node.typeName.getText() === 'Partial') {
      problems.push(`${where(file, node)}: ${node.getText()} (its properties reject undefined; use a type with \`?: T | undefined\`)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`check-dist: ${problem}`);
  console.error(`check-dist: FAILED (${problems.length} problems)`);
  process.exit(1);
}
console.log(`check-dist: ok (${declarations.length} declaration files, ${publicSymbols.size} public exports)`);
