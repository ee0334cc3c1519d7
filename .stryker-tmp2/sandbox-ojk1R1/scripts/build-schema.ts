/**
 * Generates schema/model.schema.json from the valibot model schema, so that
 * other tools can validate leadmath scoring models. `npm run schema` writes
 * it; a test fails when the committed file is out of date.
 */
// @ts-nocheck

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelJsonSchema } from './model-json-schema';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema', 'model.schema.json');
writeFileSync(out, `${JSON.stringify(modelJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
