/**
 * Runs the code in the documentation, so that it cannot drift from the code:
 *
 * - every `@example` block in the TSDoc of `src/`, checking each `//=>` line
 *   against the value of the expression before it (`0.1763...` matches any
 *   number that starts with those digits);
 * - every `ts` block in README.md and docs/*.md that imports leadmath, which
 *   must run without throwing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inspect, isDeepStrictEqual } from 'node:util';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as leadmath from '../../src/index';

const root = join(import.meta.dirname, '..', '..');

interface Snippet {
  readonly name: string;
  readonly code: string;
}

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(suffix))
    .map((file) => join(dir, file))
    .sort();
}

function tsdocExamples(): Snippet[] {
  const snippets: Snippet[] = [];
  for (const file of filesUnder(join(root, 'src'), '.ts')) {
    const text = readFileSync(file, 'utf8');
    for (const comment of text.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
      const lines = comment.split('\n').map((line) => line.replace(/^\s*\*\s?/, ''));
      const body = lines.join('\n');
      for (const match of body.matchAll(/@example\s*\n```ts\n([\s\S]*?)```/g)) {
        const line = text.slice(0, text.indexOf(comment)).split('\n').length;
        snippets.push({ name: `${relative(root, file)}:${line}`, code: match[1]! });
      }
    }
  }
  return snippets;
}

function markdownExamples(): Snippet[] {
  const files = [join(root, 'README.md'), ...filesUnder(join(root, 'docs'), '.md')];
  const snippets: Snippet[] = [];
  for (const file of files) {
    if (file.includes(`${join('docs', 'api')}`)) continue;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/```ts\n([\s\S]*?)```/g)) {
      if (!/from 'leadmath'/.test(match[1]!)) continue;
      const line = text.slice(0, match.index).split('\n').length;
      snippets.push({ name: `${relative(root, file)}:${line}`, code: match[1]! });
    }
  }
  return snippets;
}

/** Matches inspect() output against an expected `//=>` text, `1.23...` as a number prefix. */
function matchesExpected(actual: unknown, expectedText: string): boolean {
  const squash = (s: string) => s.replace(/\s+/g, '').replace(/,([}\]])/g, '$1');
  const shown = squash(inspect(actual, { depth: null, breakLength: Number.POSITIVE_INFINITY }));
  const pattern = squash(expectedText)
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/(\d)\\\.\\\.\\\./g, '$1\\d*');
  return new RegExp(`^${pattern}$`).test(shown);
}

/**
 * Rewrites a snippet into a function body: leadmath imports become a
 * destructuring of the module, and `expr; //=> value` (on one line, or with
 * the `//=>` lines right after a top-level expression statement) becomes a
 * recorded check.
 */
function instrument(code: string): { body: string; expectations: number } {
  const lines = code.replace(/\n$/, '').split('\n');
  // Counted from the raw text, so that a `//=>` the rewriting misses fails the test.
  const expectations = lines.filter((line) => line.includes('//=>')).length;
  const out: string[] = [];
  let statement: string[] = []; // lines of the statement being read
  let finished: string[] = []; // the top-level expression statement just completed
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const importMatch = line.match(/^import \{([^}]*)\} from 'leadmath(?:\/[a-z]+)?';$/);
    if (importMatch) {
      out.push(`const {${importMatch[1]}} = __leadmath;`);
      continue;
    }
    const inline = line.match(/^(\s*)(.+?);\s*\/\/=>\s*(.+)$/);
    if (inline) {
      out.push(`${inline[1]}__check(() => (${inline[2]}), ${JSON.stringify(inline[3])});`);
      finished = [];
      continue;
    }
    if (/^\s*\/\/=>/.test(line) && finished.length > 0) {
      // The expected value may continue on following `//` lines.
      let expected = line.replace(/^\s*\/\/=>\s*/, '');
      while (i + 1 < lines.length && /^\s*\/\/(?!=>)/.test(lines[i + 1]!)) {
        expected += ` ${lines[++i]!.replace(/^\s*\/\/\s?/, '')}`;
      }
      const expr = finished.join('\n').replace(/;\s*$/, '');
      out.splice(out.length - finished.length, finished.length);
      out.push(`__check(() => (${expr}), ${JSON.stringify(expected)});`);
      finished = [];
      continue;
    }
    out.push(line);
    finished = [];
    const depthBefore = depth;
    for (const ch of line.replace(/\/\/.*$/, '').replace(/'[^']*'|`[^`]*`/g, '')) {
      if ('([{'.includes(ch)) depth++;
      else if (')]}'.includes(ch)) depth--;
    }
    // A top-level expression statement starts at depth 0 and runs to a `;` at depth 0.
    const startsStatement =
      depthBefore === 0 && !/^\s*((const|let|if|for|try|catch)\b|\}|\/\/|$)/.test(line);
    if (statement.length > 0 || startsStatement) statement.push(line);
    if (depth === 0 && /;\s*$/.test(line)) {
      finished = statement;
      statement = [];
    }
  }
  return { body: out.join('\n'), expectations };
}

function run(snippet: Snippet): { checks: number; expectations: number } {
  const { body, expectations } = instrument(snippet.code);
  const js = ts.transpileModule(body, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  let checks = 0;
  const check = (thunk: () => unknown, expected: string) => {
    checks++;
    const actual = thunk();
    if (!matchesExpected(actual, expected) && !isDeepStrictEqual(actual, expected)) {
      throw new Error(
        `${snippet.name}: expected ${expected}, got ${inspect(actual, { depth: null })}`,
      );
    }
  };
  new Function('__leadmath', '__check', js)(leadmath, check);
  return { checks, expectations };
}

describe('documentation examples', () => {
  const examples = tsdocExamples();

  it('finds an @example for every function exported from the package', () => {
    const documented = new Set(
      examples.flatMap((s) => [...s.code.matchAll(/\b(\w+)\(/g)].map((m) => m[1])),
    );
    const functions = Object.entries(leadmath)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name);
    expect(functions.filter((name) => !documented.has(name) && name !== 'LeadMathError')).toEqual(
      [],
    );
  });

  for (const snippet of examples) {
    it(`${snippet.name} runs and prints what it says`, () => {
      const { checks, expectations } = run(snippet);
      expect(checks).toBe(expectations);
    });
  }

  for (const snippet of markdownExamples()) {
    it(`${snippet.name} runs and prints what it says`, () => {
      const { checks, expectations } = run(snippet);
      expect(checks).toBe(expectations);
    });
  }

  it('shows results in README.md and docs/ only as checked //=> comments', () => {
    // `expr; // value` would be a result nobody checks: every one is written `//=>`.
    const unchecked = markdownExamples().flatMap((s) =>
      s.code
        .split('\n')
        .filter(
          (line) =>
            /;\s*\/\/\s*[[{'"\d-]/.test(line) &&
            !line.includes('//=>') &&
            !/^\s*(const|let)\b/.test(line),
        )
        .map((line) => `${s.name}: ${line.trim()}`),
    );
    expect(unchecked).toEqual([]);
  });
});
