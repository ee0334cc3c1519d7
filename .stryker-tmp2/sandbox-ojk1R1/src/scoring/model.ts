// @ts-nocheck
import * as v from 'valibot';

/**
 * A value a condition compares against.
 *
 * @category Scoring
 */
export type Scalar = string | number | boolean | null;

/**
 * A condition on a lead's attributes (fit rules) or an activity's properties
 * (the `where` of behaviour rules). A leaf tests one `field`, a dot path such
 * as `'company.employees'`, with exactly one operator; `all`, `any` and `not`
 * combine conditions.
 *
 * - `equals`: strictly equal to the value.
 * - `in`: strictly equal to one of the values.
 * - `between`: a number with `min ≤ x ≤ max` (inclusive).
 * - `gte` / `lte`: a number `≥` / `≤` the value.
 * - `contains`: a string containing the text, or an array containing the value.
 * - `exists`: `true` when the field is present and not `null`; `false` when absent or `null`.
 * - `startsWith`: a string starting with the text.
 *
 * String comparisons are case-sensitive. A field of the wrong type never
 * matches (a string is not `gte` anything).
 *
 * @category Scoring
 */
export type Condition =
  | EqualsCondition
  | InCondition
  | BetweenCondition
  | GteCondition
  | LteCondition
  | ContainsCondition
  | ExistsCondition
  | StartsWithCondition
  | AllCondition
  | AnyCondition
  | NotCondition;

/**
 * A leaf condition with `equals`: the field's value is strictly equal to this value.
 *
 * @category Scoring
 */
export interface EqualsCondition {
  /** Dot path of the field, e.g. `'company.employees'`. */
  readonly field: string;
  /** Strictly equal to this value. */
  readonly equals: Scalar;
}

/**
 * A leaf condition with `in`: the field's value is strictly equal to one of these values.
 *
 * @category Scoring
 */
export interface InCondition {
  /** Dot path of the field, e.g. `'company.employees'`. */
  readonly field: string;
  /** Strictly equal to one of these values. */
  readonly in: readonly Scalar[];
}

/**
 * A leaf condition with `between`: the field's value is a number in `[min, max]`, inclusive.
 *
 * @category Scoring
 */
export interface BetweenCondition {
  /** Dot path of the field, e.g. `'company.employees'`. */
  readonly field: string;
  /** A number in `[min, max]`, inclusive. */
  readonly between: readonly [number, number];
}

/**
 * A leaf condition with `gte`: the field's value is a number `≥` this.
 *
 * @category Scoring
 */
export interface GteCondition {
  /** Dot path of the field, e.g. `'company.employees'`. */
  readonly field: string;
  /** A number `≥` this. */
  readonly gte: number;
}

/**
 * A leaf condition with `lte`: the field's value is a number `≤` this.
 *
 * @category Scoring
 */
export interface LteCondition {
  /** Dot path of the field, e.g. `'company.employees'`. */
  readonly field: string;
  /** A number `≤` this. */
  readonly lte: number;
}

/**
 * A leaf condition with `contains`: the field's value is a string containing this text, or an array containing this value.
 *
 * @category Scoring
 */
export interface ContainsCondition {
  /** Dot path of the field, e.g. `'company.employees'`. */
  readonly field: string;
  /** A string containing this text, or an array containing this value. */
  readonly contains: Scalar;
}

/**
 * A leaf condition with `exists`: the field's value is `true`: present and not `null`; `false`: absent or `null`.
 *
 * @category Scoring
 */
export interface ExistsCondition {
  /** Dot path of the field, e.g. `'company.employees'`. */
  readonly field: string;
  /** `true`: present and not `null`; `false`: absent or `null`. */
  readonly exists: boolean;
}

/**
 * A leaf condition with `startsWith`: the field's value is a string starting with this text.
 *
 * @category Scoring
 */
export interface StartsWithCondition {
  /** Dot path of the field, e.g. `'company.employees'`. */
  readonly field: string;
  /** A string starting with this text. */
  readonly startsWith: string;
}

/**
 * Holds when every inner condition holds.
 *
 * @category Scoring
 */
export interface AllCondition {
  /** The conditions, at least one. */
  readonly all: readonly Condition[];
}

/**
 * Holds when at least one inner condition holds.
 *
 * @category Scoring
 */
export interface AnyCondition {
  /** The conditions, at least one. */
  readonly any: readonly Condition[];
}

/**
 * Holds when the inner condition does not.
 *
 * @category Scoring
 */
export interface NotCondition {
  /** The condition negated. */
  readonly not: Condition;
}

/**
 * What a behaviour rule matches: activities of one type, optionally only those
 * whose `properties` satisfy `where`, and only those at most `withinDays` days
 * before `asOf`.
 *
 * @category Scoring
 */
export interface BehaviorCondition {
  /** Activity type, e.g. `'page_view'` or `'form_submit'`. */
  readonly activity: string;
  /** Condition on the activity's `properties`. */
  readonly where?: Condition;
  /** Only activities at most this many days (of 24 h) before `asOf` count. */
  readonly withinDays?: number;
}

/**
 * A rule on who the lead is (firmographic or demographic fit). Awards its
 * points once when the condition holds.
 *
 * @category Scoring
 */
export interface FitRule {
  /** Unique id within the model; `'decay'` is reserved. */
  readonly id: string;
  /** Rule kind. */
  readonly kind: 'fit';
  /** Points awarded (negative to penalise). */
  readonly points: number;
  /** Condition on the lead's attributes. A fit rule applies once, so it has no `cap`. */
  readonly when: Condition;
  /** Free text: why the rule exists. */
  readonly notes?: string;
}

/**
 * A rule on what the lead did. Awards its points once per matching activity,
 * up to `cap` in total.
 *
 * @category Scoring
 */
export interface BehaviorRule {
  /** Unique id within the model; `'decay'` is reserved. */
  readonly id: string;
  /** Rule kind. */
  readonly kind: 'behavior';
  /** Points per matching activity (negative to penalise, e.g. careers-page visits). */
  readonly points: number;
  /** Which activities match. */
  readonly when: BehaviorCondition;
  /** Largest absolute total this rule may contribute. */
  readonly cap?: number;
  /** Free text: why the rule exists. */
  readonly notes?: string;
}

/**
 * A scoring rule.
 *
 * @category Scoring
 */
export type ScoringRule = FitRule | BehaviorRule;

/**
 * Lose `rate` of the score (e.g. 0.1 = 10 %) per whole `everyDays` of
 * inactivity after `afterDays`.
 *
 * @category Scoring
 */
export interface PercentDecayPolicy {
  /** Policy kind. */
  readonly kind: 'percent';
  /** Share lost per period, in (0, 1]. */
  readonly rate: number;
  /** Period length in days, > 0. */
  readonly everyDays: number;
  /** Grace days before decay starts, ≥ 0. */
  readonly afterDays?: number;
}

/**
 * Lose a fixed number of points per whole `everyDays` of inactivity after
 * `afterDays`.
 *
 * @category Scoring
 */
export interface PointsDecayPolicy {
  /** Policy kind. */
  readonly kind: 'points';
  /** Points lost per period, > 0. */
  readonly points: number;
  /** Period length in days, > 0. */
  readonly everyDays: number;
  /** Grace days before decay starts, ≥ 0. */
  readonly afterDays?: number;
}

/**
 * Halve the score every `halfLifeDays` of inactivity after `afterDays`,
 * continuously.
 *
 * @category Scoring
 */
export interface HalfLifeDecayPolicy {
  /** Policy kind. */
  readonly kind: 'halfLife';
  /** Days for the score to halve, > 0. */
  readonly halfLifeDays: number;
  /** Grace days before decay starts, ≥ 0. */
  readonly afterDays?: number;
}

/**
 * How the scores of inactive leads decay.
 *
 * @category Scoring
 */
export type DecayPolicy = PercentDecayPolicy | PointsDecayPolicy | HalfLifeDecayPolicy;

/**
 * A lead scoring model: plain JSON, versioned, validated by
 * {@link validateModel}. Published as a JSON Schema at
 * `leadmath/model.schema.json`.
 *
 * @category Scoring
 */
export interface ScoringModel {
  /** Model id, e.g. `'smb-inbound'`. */
  readonly id: string;
  /** Version label, e.g. `'2026-03'` or `3`. */
  readonly version: string | number;
  /** Score at which a lead is sales-ready (an MQL), > 0. */
  readonly threshold: number;
  /** The rules, fit and behaviour. */
  readonly rules: readonly ScoringRule[];
  /** Decay of inactive leads' behaviour points. */
  readonly decay?: DecayPolicy;
  /** Decay never takes a score below this; defaults to half the threshold. At most `threshold`. */
  readonly floor?: number;
  /** Free text: what changed in this version and why. */
  readonly notes?: string;
}

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
