import { fc } from '@fast-check/vitest';

// Mutation testing runs the suite once per mutant: fewer property runs keep
// that bounded, while every example test still runs in full.
//
// The seed is fixed because `test.prop` names each test with its seed
// ("… (with seed=…)"): Stryker finds the tests that cover a mutant by name,
// so a seed drawn afresh in every run would leave every property test
// unmatched, and unrun, against every mutant.
fc.configureGlobal({ numRuns: 20, seed: 20261201 });
