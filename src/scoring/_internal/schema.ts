import * as v from 'valibot';
import type { Condition } from '../model';

// ---------------------------------------------------------------------------
// The valibot schema. Messages are the "expected" phrases of error messages.
// ---------------------------------------------------------------------------

/** The largest magnitude of points, caps and thresholds: sums of them stay exact and finite. */
export const MAX_POINTS = 1e9;
/** The shortest period a model may name (decay steps, windows): one minute, in days. */
export const MIN_PERIOD_DAYS = 1 / 1440;
/** The longest period a model may name: the supported range of 300 years (109,573 days). */
export const MAX_PERIOD_DAYS = 109_573;

const nonEmptyString = v.pipe(v.string('a non-empty string'), v.nonEmpty('a non-empty string'));
const pointsText = `a finite number from −${MAX_POINTS} to ${MAX_POINTS}`;
const points = v.pipe(
  v.number(pointsText),
  v.finite(pointsText),
  v.minValue(-MAX_POINTS, pointsText),
  v.maxValue(MAX_POINTS, pointsText),
);
const positiveText = `a finite number > 0 and ≤ ${MAX_POINTS}`;
const positive = v.pipe(
  v.number(positiveText),
  v.finite(positiveText),
  v.gtValue(0, positiveText),
  v.maxValue(MAX_POINTS, positiveText),
);
const nonNegativeText = `a finite number from 0 to ${MAX_POINTS}`;
const nonNegative = v.pipe(
  v.number(nonNegativeText),
  v.finite(nonNegativeText),
  v.minValue(0, nonNegativeText),
  v.maxValue(MAX_POINTS, nonNegativeText),
);
const periodText = `a number of days from 1/1440 (a minute) to ${MAX_PERIOD_DAYS}`;
const period = v.pipe(
  v.number(periodText),
  v.finite(periodText),
  v.minValue(MIN_PERIOD_DAYS, periodText),
  v.maxValue(MAX_PERIOD_DAYS, periodText),
);
const graceText = `a number of days from 0 to ${MAX_PERIOD_DAYS}`;
const graceDays = v.pipe(
  v.number(graceText),
  v.finite(graceText),
  v.minValue(0, graceText),
  v.maxValue(MAX_PERIOD_DAYS, graceText),
);
const finite = v.pipe(v.number('a finite number'), v.finite('a finite number'));
const scalarText = 'a string, finite number, boolean or null';
const scalar = v.union(
  [
    v.string(scalarText),
    v.pipe(v.number(scalarText), v.finite(scalarText)),
    v.boolean(scalarText),
    v.null(scalarText),
  ],
  scalarText,
);
/** Message of strict objects; see `explain` in validateModel for how it is read. */
const unknownKey = 'an object without unknown keys';

/** Marks the condition union so its failures can be explained precisely. */
const CONDITION = 'a condition';

/** Leaf operators and their value schemas. */
const LEAF_OPERATORS = {
  equals: scalar,
  in: v.pipe(
    v.array(scalar, 'an array of strings, finite numbers, booleans or nulls'),
    v.minLength(1, 'a non-empty array of strings, finite numbers, booleans or nulls'),
  ),
  between: v.pipe(
    v.strictTuple([finite, finite], '[min, max], exactly two finite numbers'),
    v.check((range) => range[0] <= range[1], '[min, max] with min ≤ max'),
  ),
  gte: finite,
  lte: finite,
  contains: scalar,
  exists: v.boolean('true or false'),
  startsWith: v.string('a string'),
} as const;

const COMPOSITE_OPERATORS = ['all', 'any', 'not'] as const;

/** Every operator key, in the order messages list them. */
export const CONDITION_OPERATORS = [
  ...Object.keys(LEAF_OPERATORS),
  ...COMPOSITE_OPERATORS,
] as const;

const branches: Record<string, v.GenericSchema<unknown>> = {};
// Composite conditions nest the condition schema itself, so it is lazy.
const ConditionSchema: v.GenericSchema<Condition> = v.lazy(() => conditionUnion);
for (const [op, schema] of Object.entries(LEAF_OPERATORS)) {
  branches[op] = v.strictObject({ field: nonEmptyString, [op]: schema }, unknownKey);
}
for (const op of ['all', 'any'] as const) {
  branches[op] = v.strictObject(
    {
      [op]: v.pipe(
        v.array(ConditionSchema, 'an array of conditions'),
        v.minLength(1, 'a non-empty array of conditions'),
      ),
    },
    unknownKey,
  );
}
branches.not = v.strictObject({ not: ConditionSchema }, unknownKey);
const conditionUnion = v.union(
  Object.values(branches),
  CONDITION,
) as unknown as v.GenericSchema<Condition>;

const ruleBase = {
  id: nonEmptyString,
  points,
  notes: v.optional(v.string('a string')),
};

const RuleSchema = v.variant(
  'kind',
  [
    // A fit rule applies once: a cap has nothing to limit, so it is an unknown key there.
    v.strictObject({ ...ruleBase, kind: v.literal('fit'), when: ConditionSchema }, unknownKey),
    v.strictObject(
      {
        ...ruleBase,
        cap: v.optional(positive),
        kind: v.literal('behavior'),
        when: v.strictObject(
          {
            activity: nonEmptyString,
            where: v.optional(ConditionSchema),
            withinDays: v.optional(period),
          },
          unknownKey,
        ),
      },
      unknownKey,
    ),
  ],
  "'fit' or 'behavior'",
);

const grace = { afterDays: v.optional(graceDays) };
/** The valibot schema of a {@link DecayPolicy}. */
export const DecaySchema = v.variant(
  'kind',
  [
    v.strictObject(
      {
        kind: v.literal('percent'),
        rate: v.pipe(
          v.number('a number in (0, 1]'),
          v.gtValue(0, 'a number in (0, 1]'),
          v.maxValue(1, 'a number in (0, 1]'),
        ),
        everyDays: period,
        ...grace,
      },
      unknownKey,
    ),
    v.strictObject(
      { kind: v.literal('points'), points: positive, everyDays: period, ...grace },
      unknownKey,
    ),
    v.strictObject({ kind: v.literal('halfLife'), halfLifeDays: period, ...grace }, unknownKey),
  ],
  "'percent', 'points' or 'halfLife'",
);

/** The valibot schema of a {@link ScoringModel}, before cross-field checks. */
const VERSION_TEXT = 'a non-empty string or a whole number ≥ 0';

export const ModelSchema = v.strictObject(
  {
    id: nonEmptyString,
    version: v.union(
      [
        nonEmptyString,
        v.pipe(v.number(VERSION_TEXT), v.safeInteger(VERSION_TEXT), v.minValue(0, VERSION_TEXT)),
      ],
      VERSION_TEXT,
    ),
    threshold: positive,
    rules: v.array(RuleSchema, 'an array of rules'),
    decay: v.optional(DecaySchema),
    floor: v.optional(nonNegative),
    notes: v.optional(v.string('a string')),
  },
  unknownKey,
);

/** The condition schema, for JSON Schema definitions. */
export const ConditionDefinition = conditionUnion;

/** Schemas of single condition shapes, keyed by operator, for precise errors. */
export const CONDITION_BRANCHES: Readonly<Record<string, v.GenericSchema<unknown>>> = branches;
