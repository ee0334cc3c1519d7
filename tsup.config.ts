import { defineConfig, type Options } from 'tsup';

const common: Options = {
  entry: {
    index: 'src/index.ts',
    'funnel/index': 'src/funnel/index.ts',
    'plan/index': 'src/plan/index.ts',
    'scoring/index': 'src/scoring/index.ts',
    'calendar/index': 'src/calendar/index.ts',
    'sla/index': 'src/sla/index.ts',
    'reports/index': 'src/reports/index.ts',
    'adapters/index': 'src/adapters/index.ts',
  },
  dts: true,
  sourcemap: true,
  target: 'node20',
  splitting: true,
  treeshake: true,
  silent: true,
};

export default defineConfig([
  // ESM: dependencies stay external.
  { ...common, format: ['esm'] },
  // CommonJS: temporal-polyfill ships only as ESM, so it is bundled in for
  // require() users on every Node 20 release.
  { ...common, format: ['cjs'], noExternal: ['temporal-polyfill'] },
]);
