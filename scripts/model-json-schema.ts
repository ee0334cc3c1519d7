import { toJsonSchema } from '@valibot/to-json-schema';
import { ConditionDefinition, ModelSchema } from '../src/scoring/_internal/schema';

/**
 * The JSON Schema (draft-07) of a scoring model. Checks a schema cannot state
 * (unique rule ids, floor ≤ threshold, min ≤ max in `between`, exactly one
 * operator per condition beyond what `anyOf` implies) stay with validateModel.
 */
export function modelJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(ModelSchema, {
    definitions: { Condition: ConditionDefinition },
    errorMode: 'ignore',
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://www.npmjs.com/package/leadmath/model.schema.json',
    title: 'leadmath scoring model',
    description:
      'A lead scoring model for leadmath: fit and behaviour rules, threshold, decay and floor. ' +
      'validateModel checks these rules plus unique rule ids, floor ≤ threshold and between ranges.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
