// @ts-nocheck
import { fc } from '@fast-check/vitest';

// Mutation testing runs the suite once per mutant: fewer property runs keep
// that bounded, while every example test still runs in full.
fc.configureGlobal({ numRuns: 20 });
