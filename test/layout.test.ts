/**
 * The layout rules of DESIGN.md, read from the source itself:
 * - a domain imports `errors`, `_lib` and other domains' public entry
 *   (`src/<domain>/index.ts`) only, never another domain's files;
 * - `_lib` imports no domain;
 * - `src/index.ts` and each domain's `index.ts` only re-export;
 * - a public file (a domain file outside `_internal/`) exports only names
 *   the package exports.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '..', 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files = filesUnder(SRC).map((path) => relative(SRC, path).replaceAll('\\', '/'));

/** The relative module specifiers a file imports or re-exports. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(SRC, file), 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName).filter((name) => name.startsWith('.'));
}

/** `src`-relative path of a specifier imported from `file`, without extension. */
function target(file: string, specifier: string): string {
  return relative(SRC, resolve(SRC, dirname(file), specifier))
    .replaceAll('\\', '/')
    .replace(/\.(ts|js)$/, '');
}

/** The first path segment: a domain, `_lib`, `errors` or `index`. */
const areaOf = (path: string) => path.split('/')[0]!.replace(/\.ts$/, '');

/** Why an import breaks the rules, or null when it is allowed. */
function violation(file: string, to: string): string | null {
  const from = areaOf(file);
  const area = areaOf(to);
  if (to.startsWith('..')) return 'reaches outside src/';
  if (from === 'index') return null;
  if (area === 'errors' || area === from) return null;
  if (from === '_lib') return 'imports a domain from _lib';
  if (from === 'errors') return 'errors imports a domain';
  if (area === '_lib') return null;
  if (to === `${area}/index`) return null;
  return `reaches into ${area}'s files (import '${area}/index' instead)`;
}

describe('layout', () => {
  it('the rule itself tells allowed imports from reaches', () => {
    expect(violation('sla/slaReport.ts', 'calendar/index')).toBeNull();
    expect(violation('sla/slaReport.ts', '_lib/stats/wilson')).toBeNull();
    expect(violation('sla/_internal/clock.ts', 'sla/slaStatus')).toBeNull();
    expect(violation('sla/slaReport.ts', 'errors')).toBeNull();
    expect(violation('sla/slaReport.ts', 'calendar/businessCalendar')).toMatch(/reaches into/);
    expect(violation('plan/x.ts', 'funnel/_internal/efficiency')).toMatch(/reaches into/);
    expect(violation('_lib/stats/x.ts', 'scoring/model')).toMatch(/from _lib/);
    expect(violation('_lib/stats/x.ts', '_lib/validate/options')).toBeNull();
    expect(violation('errors.ts', 'funnel/index')).toMatch(/errors imports/);
  });

  it('no domain reaches into another, and _lib imports no domain', () => {
    const bad: string[] = [];
    for (const file of files) {
      for (const specifier of importsOf(file)) {
        const why = violation(file, target(file, specifier));
        if (why !== null) bad.push(`${file} → ${specifier}: ${why}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('index files only re-export', () => {
    const bad: string[] = [];
    for (const file of files.filter((f) => f === 'index.ts' || f.endsWith('/index.ts'))) {
      const source = ts.createSourceFile(
        file,
        readFileSync(join(SRC, file), 'utf8'),
        ts.ScriptTarget.Latest,
      );
      for (const statement of source.statements) {
        const ok = ts.isExportDeclaration(statement) && statement.moduleSpecifier !== undefined;
        if (!ok) bad.push(`${file}: ${statement.getText(source).slice(0, 60)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('public files export only what the package exports', () => {
    const program = ts.createProgram([join(SRC, 'index.ts')], {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      noEmit: true,
    });
    const checker = program.getTypeChecker();
    const exportsOf = (path: string) => {
      const source = program.getSourceFile(join(SRC, path));
      if (source === undefined) return null;
      const symbol = checker.getSymbolAtLocation(source);
      return symbol === undefined ? [] : checker.getExportsOfModule(symbol).map((s) => s.name);
    };
    const api = new Set(exportsOf('index.ts'));
    expect(api.size).toBeGreaterThan(50);
    const publicFiles = files.filter(
      (f) => f.includes('/') && !f.startsWith('_lib/') && !f.includes('/_internal/'),
    );
    const bad: string[] = [];
    for (const file of publicFiles) {
      for (const name of exportsOf(file) ?? [`(not reachable from src/index.ts)`]) {
        if (!api.has(name)) bad.push(`${file}: ${name}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
