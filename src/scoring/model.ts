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
