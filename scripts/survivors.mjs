/**
 * Lists the mutants that survived in Stryker JSON reports (`reports/mutation/*.json`,
 * or the files given), one per line, each with the kind of equivalent mutant
 * it is when a rule below recognises it, and "to examine" otherwise. The kinds
 * and their reasons are those of docs/testing.md.
 *
 * Usage: `node scripts/survivors.mjs [report.json …] > docs/mutation-survivors.md`
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** [kind, test(file, mutator, line of code, replacement, line number in the run's source)] — the first that matches names the mutant. */
const RULES = [
  [
    'a check a later one makes anyway',
    (f, m, code, r) =>
      (m === 'ConditionalExpression' &&
        r === 'false' &&
        /typeof \w+ !== 'number' \|\|/.test(code)) ||
      (m === 'ConditionalExpression' &&
        r === 'false' &&
        /typeof \w+ !== 'string' \|\|/.test(code)) ||
      // the regex that follows rejects a value that is not a string; includes() one that is not a code
      (/civil\.ts$/.test(f) && code === "if (typeof value !== 'string') return null;") ||
      (/errors\.ts$/.test(f) && /^return typeof code === 'string' && /.test(code)) ||
      // Number.isSafeInteger is false for anything but a number
      (/ids\.ts$/.test(f) &&
        /^return typeof value === 'number' && Number\.isSafeInteger/.test(code)),
  ],
  [
    'a value overwritten before it is read',
    (f, m, code) =>
      (/newClock|new Array<\w+>\(|new Array\(/.test(code) &&
        /ArrayDeclaration|ArithmeticOperator|ObjectLiteral|StringLiteral|BooleanLiteral/.test(m)) ||
      (f.endsWith('clock.ts') &&
        /^(state|paused|dueAt|elapsedMs|remainingMs|stoppedAt):|return \{$/.test(code)),
  ],
  [
    'a boundary of the supported range, where both branches give no instant',
    (_f, _m, code) => /END_INSTANT_MS|END_DAY - FIRST_DAY|MIN_INSTANT_MS/.test(code),
  ],
  [
    'reading or building more than needed (caches, covered ranges, margins)',
    (f, _m, code) =>
      /zoneOffsets\.ts$/.test(f) ||
      /\b(ensure|cover|covers|coverDay|ready|has\(|growForward|readyFrom|readyTo|zoneFor|margin|cached)\b/.test(
        code,
      ) ||
      (/businessCalendar\.ts$/.test(f) &&
        /\(year\) => daysFromCivil\(year, 1, 1\) \* DAY_MS|^2 \* DAY_MS,$/.test(code)),
  ],
  [
    'a sortedness or fast-path check (the slow path gives the same result)',
    (_f, _m, code) => /starts\[i\]! < starts\[i - 1\]!|sorted|already|inOrder|grouped/.test(code),
  ],
  [
    'selection, sorting or search strategy (where the answer is found, not which)',
    (f) => /quantile\.ts$|groupByLead\.ts$|search\.ts$/.test(f),
  ],
  [
    'an anchor of a path pattern the library builds only one way',
    (f, m) => /issues\.ts$/.test(f) && (m === 'Regex' || m === 'OptionalChaining'),
  ],
  [
    'the initial value of the transposition row (never read before it is replaced)',
    (f, _m, code) =>
      /options\.ts$/.test(f) && /previous2 = new Array|const current = new Array/.test(code),
  ],
  [
    'a guard on positions below 2 of the edit distance (the characters at −1 are undefined and never match)',
    (f, m, code) =>
      /options\.ts$/.test(f) &&
      /i > 1 && j > 1/.test(code) &&
      /Conditional|Logical|Equality/.test(m),
  ],
  [
    'a guard that a caught exception or the value itself makes anyway (or an earlier value: a window moved back leaves the range at its start first)',
    (f, _m, code, r) =>
      // a window's end moved back leaves the range only when its earlier start does
      (/window\.ts$/.test(f) &&
        code === 'if (shiftedStart === null || shiftedEnd === null) {' &&
        r === 'false') ||
      (/planWithConfidence\.ts$/.test(f) &&
        code === 'if (error instanceof WorkBudgetExceeded) tooBig();' &&
        r === 'true') ||
      (/instants\.ts$/.test(f) &&
        (/value instanceof Date && !Number\.isNaN/.test(code) ||
          code === '} catch {' ||
          /typeof value === 'string' && value\.length > 0/.test(code) ||
          /days > 120_000/.test(code))) ||
      (/issues\.ts$/.test(f) && / got \(\.\*\)\$/.test(code)) ||
      (/valibot\.ts$/.test(f) && /startsWith\('"'\)/.test(code)),
  ],
  [
    'a pause guard that sorted, non-overlapping pauses never reach',
    (f, _m, code) =>
      /clock\.ts$/.test(f) && /to <= from|from > cursor|to > from\) pausedMs/.test(code),
  ],
  [
    'a group counting sort that ignores code −1 either way (counted first, it shifts every group alike; written, it lands outside the array)',
    (f, _m, code) => /slaReport\.ts$/.test(f) && /codes\[i\]! >= 0|if \(outcome >= 0\)/.test(code),
  ],
  [
    'a branch whose other side gives the same groups (no null key among owners; all rows kept when no row was bad)',
    (f, _m, code) =>
      /slaReport\.ts$/.test(f) &&
      /key === null\) continue|segments === null \? null : groupKey|owner === null \? -1|issues\.length === 0 \? null|keptRows !== null/.test(
        code,
      ),
  ],
  [
    'the block test of a column scan (a failing block is searched row by row, which decides; one row read past a block can only fail a block whose search then finds its own first bad row, or none)',
    (f, _m, code) =>
      /typedArrays\.ts$/.test(f) &&
      /\? 1 : 0\)|ok === 1|from < n; from \+= 4096|^for \(let i = from; i < to; i\+\+\) \{$/.test(
        code,
      ),
  ],
  [
    'a maximum that only decides whether a column is searched (the search decides)',
    (f, _m, code) =>
      /typedArrays\.ts$/.test(f) &&
      /let max = -1|if \(x > max\)|if \(x < min\)|columnMax\(column\) < limit|instanceof (Uint8|Int32|Uint16)Array\) return max/.test(
        code,
      ),
  ],
  [
    'a formula that gives the same value on that side (the Wilson bounds at 0 and n, the compensated sum at equal magnitudes, the incomplete beta at x = 0 and 1, a binomial tail from k = 0, a pace with no projection: null >= target is false for a positive target, and a zero target leaves nothing remaining)',
    (f, m, code) =>
      (/pace\.ts$/.test(f) && /^onTrack: remaining === 0 \|\| \(projected !== null/.test(code)) ||
      (/wilson\.ts$/.test(f) && /x === 0 \? 0|x === n \? 1/.test(code)) ||
      (/special\.ts$/.test(f) &&
        /^if \(x <= 0\) return 0;|^if \(x >= 1\) return 1;|^if \(k <= 0\) return 1;/.test(code)) ||
      (/sum\.ts$/.test(f) && m === 'EqualityOperator'),
  ],
  [
    'the order within a tie, which the estimator counts as one step',
    (f, _m, code) =>
      /kaplanMeier\.ts$/.test(f) &&
      /events\[b\]! - events\[a\]!|m < n && observed\[m\] === t/.test(code),
  ],
  [
    'a fast rejection the lookup makes anyway (no map holds that key)',
    (f, _m, code) =>
      (/ids\.ts$/.test(f) &&
        /n === 0 \|\| n > 17|if \(i === n\) return false|this\.numbers\.size > 0/.test(code)) ||
      (/calendarKernel\.ts$/.test(f) && /typeof value === 'object' && value !== null/.test(code)) ||
      (/groupByKey\.ts$/.test(f) && /if \(key === null\) \{/.test(code)),
  ],
  [
    'the next opening of an open instant is that instant (always open: of any instant), so "closed" changes nothing',
    (f, _m, code) =>
      (/alwaysOpen\.ts$/.test(f) && code === 'isOpen: () => true,') ||
      (/clock\.ts$/.test(f) && /if \(!calendar\.isOpen\(dueAt\)\) dueAt = addTarget/.test(code)),
  ],
  [
    'adding no open time gives the instant or its next opening, and the next line moves a closed due time to its next opening anyway',
    (f, _m, code) => /clock\.ts$/.test(f) && /let dueAt = remaining === 0 \? cursor/.test(code),
  ],
  [
    'a target in open milliseconds is the open time from the start to the start plus that target',
    (f, _m, code) => /clock\.ts$/.test(f) && code === "typeof policy.target === 'number'",
  ],
  [
    'a check that throws only for a value that is not an id, so calling it for an id changes nothing',
    (f, _m, code) =>
      (/slaItemsFromEvents\.ts$/.test(f) &&
        /if \(ids\.find\(e\.leadId\) === -2\) idKey/.test(code)) ||
      (/scoring\/_internal\/batch\.ts$/.test(f) &&
        /^if \((index\.find\(id\)|lead) === -2\) idKey\(/.test(code)),
  ],
  [
    "a stray element in a lead's new history: it has no event type, so the walk over the events skips it, and it compares as equal to every event, which the sort leaves in order",
    (f, m, code) =>
      /slaItemsFromEvents\.ts$/.test(f) &&
      m === 'ArrayDeclaration' &&
      /history: \[\] \}\)/.test(code),
  ],
  [
    'a read one place outside an array (undefined compares false, as the guard would)',
    (f, m, code, r) =>
      (/funnelEfficiency\.ts$/.test(f) && code === 'if (above !== undefined)') ||
      (/evaluateModel\.ts$/.test(f) &&
        /^while \(j \+ 1 < n && scores\[order\[j \+ 1\]!\] === scores\[order\[i\]!\]\) j\+\+;$|^while \(band < edges\.length && score >= \(edges\[band\] as number\)\) band\+\+;$/.test(
          code,
        ) &&
        ['true', 'j + 1 <= n', 'j - 1', 'band <= edges.length'].includes(r)) ||
      (/ids\.ts$/.test(f) && code === 'for (; i < n; i++) {') ||
      (/openTimeline\.ts$/.test(f) &&
        ((m === 'EqualityOperator' && code === 'for (let i = 1; i < n; i++) {' && r === 'i <= n') ||
          (m === 'ConditionalExpression' &&
            r === 'true' &&
            /^if \(last >= 0 && e\[last\]! >= a\)|^if \(k >= 0 && ends\[k\]! >= a\)|^return i >= 0 && t < this\.ends\[i\]!;$/.test(
              code,
            )))),
  ],
  [
    "the bracketing search of planWithConfidence's smallest top count: where it starts (the normal approximation, its fixed point, its step) and how it doubles and bisects decide where the search begins, not where it ends (a property test checks P(top) ≥ confidence > P(top − 1) against exact BigInt tails); a zero target, or the top stage, shortcut to what the general case gives",
    (f, _m, code) =>
      /planWithConfidence\.ts$/.test(f) &&
      /^let guess = |^for \(let i = 0; i < 50 && |^const next = \(target \+ z|^if \(Math\.abs\(next - guess\) < 0\.5\)|^converged = true;|^guess = |^if \(!\(guess <= Number\.MAX_SAFE_INTEGER\)\)|^let step = |^if \(probabilityAt\(guess\) >= confidence\)|^low = Math\.max\(target - 1|^while \(low >= target && |^high = low \+ step;|^while \(probabilityAt\(high\) < confidence\)|^if \(high > Number\.MAX_SAFE_INTEGER\)|^if \(probabilityAt\(mid\) >= confidence\)|^moments = \(n\) => \(\{ mean: n \* product|^if \(target === 0\) return 0;|^const probability = target === 0|^const required = i === 0 \? top/.test(
        code,
      ),
  ],
  [
    'which of two exact methods computes a tail: the binomial lower tail term by term or the incomplete beta, the direct beta-binomial tail or the pmf chain (both agree to 1e-11; the choice is cost), or the zero below the target that both give',
    (f, _m, code) =>
      /planWithConfidence\.ts$/.test(f) &&
      /^target <= DIRECT_TAIL_MAX$|^\? \(n\) => \(n < target \? 0 : 1 - binomialLowerTail|^const single = posteriors\.length === 1|^if \(single !== null && target <= DIRECT_TAIL_MAX|^if \(n < target\) return 0;|^if \(chainMoments\(n, posteriors\)\.work > EVIDENCE_WORK_BUDGET\)/.test(
        code,
      ),
  ],
  [
    'touching intervals left unmerged (the pieces of a run meet only where years meet) give the same open time and openness',
    (f, m, code, r) =>
      /openTimeline\.ts$/.test(f) &&
      m === 'EqualityOperator' &&
      r === 'k > 0' &&
      /^if \(k >= 0 && ends\[k\]! >= a\)/.test(code),
  ],
  [
    'building more years than needed, or a binary search whose upper bound starts past the end (the target is never past the total)',
    (f, _m, code) =>
      /openTimeline\.ts$/.test(f) &&
      (code === 'if (from < this.first) {' || code === 'let hi = this.starts.length - 1;'),
  ],
  [
    'an internal assertion that a validated model or checked input never reaches',
    (f, m, code) =>
      /src\/scoring\//.test(f) &&
      (/throw new Error\('/.test(code) ||
        (/compiled(Fit|Loop)\.ts$/.test(f) && /^if \(!Number\.isFinite\(x\)\) throw/.test(code))) &&
      /StringLiteral|ConditionalExpression|BlockStatement/.test(m),
  ],
  [
    'the general scoring path instead of a generated or special-cased one, or the reverse where both apply (the same scores; explanations, which only the general path gives, are tested)',
    (f, m, code, r) =>
      (/engine\.ts$/.test(f) &&
        ((/^const fitLoop = explain \|\| leadCount < COMPILED_FIT_MIN/.test(code) &&
          [
            'true',
            'false',
            'explain && leadCount < COMPILED_FIT_MIN',
            'leadCount <= COMPILED_FIT_MIN',
            'leadCount >= COMPILED_FIT_MIN',
          ].includes(r)) ||
          (/^if \(fitLoop === null\) fit = fitColumns/.test(code) && r === 'true') ||
          (/^fit = \{ points: new Float64Array\(leadCount\), truth: \[\] \};/.test(code) &&
            m === 'ArrayDeclaration') ||
          (/^const loop = explain \|\| words !== 1/.test(code) &&
            ['true', 'false', 'words === 1'].includes(r)) ||
          (/^loop === null \|\| order !== null \|\| mode === 2/.test(code) && r === 'true') ||
          (/^if \(loop !== null\) loop\(/.test(code) && r === 'false') ||
          (/^if \(directLoop !== null\) \{/.test(code) && /^(false|\{\})$/.test(r)) ||
          (/^if \(present !== null && present\.length <= 1 && words === 1\) \{/.test(code) &&
            /^(false|\{\}|present\.length < 1)$/.test(r)))) ||
      (/compiledLoop\.ts$/.test(f) &&
        code === 'if (rules.length > 32) return null;' &&
        r === 'rules.length >= 32') ||
      (/compiledFit\.ts$/.test(f) &&
        /^if \(list\.length <= IN_CHAIN_MAX && !list\.some\(\(x\) => Number\.isNaN\(x\)\)\) \{/.test(
          code,
        )) ||
      (/scoreLeadsColumns\.ts$/.test(f) &&
        m === 'BooleanLiteral' &&
        /explain: false|, false\);$/.test(code)) ||
      (/conditions\.ts$/.test(f) &&
        /^(if \(keys\.length === 1\) \{|if \(key\.includes\('\.'\)\) \{|if \(!key\.includes\('\.'\)\) \{|if \('equals' in condition\) \{|if \('equals' in leaf\) \{|if \('between' in leaf\) \{|if \('in' in leaf\) \{)$/.test(
          code,
        ) &&
        /ConditionalExpression|StringLiteral|BlockStatement/.test(m) &&
        r !== 'true'),
  ],
  [
    'a cap at zero points is zero either way (min(0, cap) = max(0, −cap) = 0)',
    (f, _m, code, r) =>
      (/engine\.ts$/.test(f) &&
        code === 'return points >= 0 ? Math.min(points, cap) : Math.max(points, -cap);' &&
        r === 'points > 0') ||
      (/compiledLoop\.ts$/.test(f) &&
        code === 'return rule.points >= 0' &&
        r === 'rule.points > 0'),
  ],
  [
    'a step of a dot path that reads on from undefined, which gives undefined anyway',
    (f, m, code) =>
      /conditions\.ts$/.test(f) &&
      code === 'if (value === undefined) return undefined;' &&
      m === 'ConditionalExpression',
  ],
  [
    'a walk over expired rows that stops at the current row anyway (its instant is inside its own window)',
    (f, _m, code, r) =>
      /engine\.ts$/.test(f) && code === 'for (; tail <= k; tail++) {' && r === 'tail < k',
  ],
  [
    "a rule with nothing in its window: walking its expired rows anyway, or from a row or two earlier, finds none of that rule's rows to drop (the rows just before the current one were counted and are still in the window, or belong to other rules)",
    (f, _m, code, r) =>
      /engine\.ts$/.test(f) &&
      ((code === 'if (inWindow[r] === 0) {' && /^(false|\{\})$/.test(r)) ||
        (/^tails\[r\] = k \+ 1;/.test(code) && r === 'k - 1')),
  ],
  [
    "recomputing a rule's capped points when none of its rows left the window gives the same points",
    (f, _m, code, r) =>
      /engine\.ts$/.test(f) &&
      ((code === 'let dropped = false;' && r === 'true') ||
        (code === 'if (dropped) {' && r === 'true')),
  ],
  [
    "the key sort of diffModels's canonical JSON: both models are validated first, and the schema writes every object's keys in its own order, so keys already agree",
    (f, _m, code) =>
      /diffModels\.ts$/.test(f) &&
      (code === "typeof v === 'object' && v !== null && !Array.isArray(v)" ||
        /^\? Object\.fromEntries\(Object\.entries\(v\)\.sort/.test(code)),
  ],
  [
    'an AUC loop one step past the end (the extra step reads no score and adds no rank), or an overall rate of NaN where it is null (both make lift null)',
    (f, _m, code, r) =>
      /evaluateModel\.ts$/.test(f) &&
      ((code === 'for (let i = 0; i < n; ) {' && r === 'i <= n') ||
        (code === 'const overall = n === 0 ? null : positives / n;' && r === 'false')),
  ],
  [
    'a column check made again or made earlier: the first property column rechecked, the column the engine reads checked up front, or the collecting loop reached in throwing mode (it throws at the same row)',
    (f, _m, code, r) =>
      (/engine\.ts$/.test(f) && /^if \(checking\) ok &= /.test(code) && r === 'true') ||
      (/activityTable\.ts$/.test(f) && code === "if (rows.mode === 'collect') {" && r === 'true') ||
      (/activityTable\.ts$/.test(f) &&
        ((code === 'for (const { codes, limit } of propertyCodes.slice(1)) {' &&
          r === 'propertyCodes') ||
          code === "if (rows.mode === 'throw') checkRow(firstBad);" ||
          (code === 'if (codes !== used && firstOutOfRange(codes, limit) >= 0) checkAll();' &&
            /^(true|codes !== used \|\| firstOutOfRange\(codes, limit\) >= 0)$/.test(r)))),
  ],
  [
    'generated code that no longer compiles (the generator catches it and the general path scores alike), the same code on one line, Infinity written as String(Infinity) does, or −0 written as 0 (0 + −0 is 0)',
    (f, m, code, r) =>
      /compiled(Fit|Loop)\.ts$/.test(f) &&
      ((m === 'StringLiteral' && /^\]\.join\('\\n'\);$/.test(code)) ||
        (code === "if (x === Number.POSITIVE_INFINITY) return 'Infinity';" &&
          /^(false|"")$/.test(r)) ||
        code === "return Object.is(x, -0) ? '-0' : String(x);" ||
        (/^if \((compiled|e) === null\) return null;$/.test(code) && r === 'false')),
  ],
  [
    "the scoring engine's bookkeeping where both sides give the same scores: larger scratch arrays or more mask words than the rules need, a read one place outside an array (undefined compares false), one step past the last lead (writes outside typed arrays are ignored), a bad cell that the local path checks and throws for alike, the single-field path declined or taken for a field without a column (an absent column reads undefined either way), decay at exactly the floor (it gives the floor) or of negative behaviour points (min(behaviour, …) keeps them)",
    (f, _m, code, r) =>
      /engine\.ts$/.test(f) &&
      ((code === 'if (positions.length < rows) {' &&
        /^(true|positions\.length <= rows)$/.test(r)) ||
        (code === 'while (to > 0 && localAt[to - 1]! > asOf) to--;' &&
          /^(true|to >= 0)$/.test(r)) ||
        (code === 'if (j === leadCount) break;' && r === 'false') ||
        (code === 'if (halt[0] === 2) {' && /^(false|\{\})$/.test(r)) ||
        (/^for \(let j = 0; j < leadCount; j\+\+\) longest = Math\.max/.test(code) &&
          r === 'start[j + 1]! + start[j]!') ||
        (code === 'const words = Math.max(1, Math.ceil(rules.length / 32));' &&
          r === 'rules.length * 32') ||
        (/^table\.column === undefined \? null : \[\.\.\.fields\]\.filter/.test(code) &&
          /^(true|\[\.\.\.fields\])$/.test(r)) ||
        (code === 'const column = field === undefined ? undefined : table.column!(field);' &&
          r === 'false') ||
        (/^if \(decay !== undefined && behavior > 0 && fitPoints \+ behavior > floor\) \{$/.test(
          code,
        ) &&
          /^(true|fitPoints \+ behavior >= floor)$/.test(r))),
  ],
  [
    'columns checked up front as well as, or instead of, as they are read: the same first bad row is named',
    (f, m, code, r) =>
      /engine\.ts$/.test(f) &&
      m === 'ConditionalExpression' &&
      r === 'true' &&
      (code === 'if (mode === 2 && !table.checked) table.checkAll!();' ||
        code === 'if (mode !== 2 && !table.checked) table.checkColumnsExcept!(source.codes);'),
  ],
  [
    "an activity table's defaults and stand-ins: a default argument every caller passes, a presized array that is filled before it is read, the type column standing in for a missing property column (it is checked as the type column anyway)",
    (f, _m, code, r) =>
      /activityTable\.ts$/.test(f) &&
      (code === "rows: RowIssues = new RowIssues('throw')," ||
        code === 'const properties = new Array<unknown>(count);' ||
        (code === 'first?.limit ?? types.length,' && r === 'first?.limit && types.length')),
  ],
  [
    'the depth walk over conditions pushing a value that is not an object (a missing `where`, `not`, or an index one past a list): it is popped and skipped',
    (f, _m, code, r) =>
      /validation\.ts$/.test(f) &&
      ((code === "if (typeof when === 'object' && when !== null && 'where' in when) {" &&
        r === 'true') ||
        (/^if \('not' in node\) stack\.push/.test(code) && r === 'true') ||
        (code === 'for (let k = list.length - 1; k >= 0; k--) {' && r === 'list.length + 1')),
  ],
  [
    'a boundary at which both sides agree: a score exactly at the floor decays to the floor, an absent floor is never above the threshold (undefined > x is false)',
    (f, _m, code, r) =>
      (/decayScore\.ts$/.test(f) &&
        code === 'if (score <= floor) return score;' &&
        r === 'score < floor') ||
      (/validation\.ts$/.test(f) &&
        code === 'if (model.floor !== undefined && model.floor > model.threshold) {' &&
        r === 'true'),
  ],
  [
    'a guard its only caller makes first (the engine asks for a generated loop only with one mask word, at most 32 rules)',
    (f, _m, code, r) =>
      /compiledLoop\.ts$/.test(f) &&
      code === 'if (rules.length > 32) return null;' &&
      r === 'false',
  ],
  [
    'the walk of a pmf out from its mean: where it starts, where the 1e-18 cut falls, m = 0 as a shortcut (the support grows or shrinks by terms below 1e-18 of the peak; every kept term is checked against exact rational values)',
    (f, _m, code) =>
      /betaBinomial\.ts$/.test(f) &&
      /term > peak|term < CUTOFF \* peak|^if \(m === 0\)|^const start = /.test(code),
  ],
  [
    'counts of weight below 1e-18 trimmed or skipped in the chain, a wider array than their support, or the last term of a tail at that edge (the tail changes by less than 1e-18)',
    (f, _m, code) =>
      /betaBinomial\.ts$/.test(f) &&
      /p\[first\]!|p\[last\]!|betaBinomialPmf\(lo \+ first|high\.lo \+ high\.p\.length|weight < CUTOFF|i >= 0 && dist\.lo/.test(
        code,
      ),
  ],
  [
    'the up-front work estimate: ±1 per factor moves which borderline plans are refused before a pmf is built; the budget spent while computing still bounds the work, and no answer changes',
    (f, _m, code) => /betaBinomial\.ts$/.test(f) && /^work \+= \(SUPPORT_SDS/.test(code),
  ],
  [
    "the continued fraction's safeguards: Lentz's guard against a zero denominator and the iteration cap, which convergent fractions for 0 < x < 1 never reach, and a stop at exactly the tolerance (one more step changes the value by under 1e-16)",
    (f, _m, code) =>
      /special\.ts$/.test(f) &&
      /Math\.abs\([dc]\) < TINY|maxIterations|delta - 1\) < EPSILON|did not converge/.test(code),
  ],
  [
    "which side of the incomplete beta's continued fraction, or which front factor, is used at the switch (both give the same value there; both sides are tested against mpmath)",
    (f, _m, code) =>
      /special\.ts$/.test(f) &&
      /x < \(a \+ 1\) \/ \(a \+ b \+ 2\)|Math\.min\(a, b\) < 10/.test(code),
  ],
  [
    'the scale of a log-sum-exp: any scale at or above the largest term gives the same sum (one more term only raises the scale; its write lands outside the array)',
    (f, _m, code) =>
      /special\.ts$/.test(f) &&
      /^if \(l > max\) max = l;|^for \(let x = 0; x < k; x\+\+\)/.test(code),
  ],
  [
    "the sign a sort comparator gives a pair the stable sort keeps in place: V8's sort acts on a negative result only and compares a later element with an earlier one, so 0, 1 and a − b (positive there) act alike; the split itself is checked against the largest-remainder rule done by hand",
    (f, m, code, r) =>
      (/spreadTarget\.ts$/.test(f) &&
        /^return ra > rb \? -1 : ra < rb \? 1 : (a - b|0);$/.test(code)) ||
      (/groupByKey\.ts$/.test(f) &&
        code === 'return x < y ? -1 : x > y ? 1 : 0;' &&
        m === 'ConditionalExpression' &&
        (r === 'true' || r === 'false')),
  ],
  [
    'a message for a value that only an object can be (the catch is reached by a Proxy or a throwing getter), or a case the general rendering gives alike (String(undefined), String(symbol)); or a return after a loop that the maximum checked first makes unreachable',
    (f, _m, code) =>
      (/errors\.ts$/.test(f) &&
        /^return typeof value === 'object' \? 'an object'|^if \(value === undefined\) return 'undefined';|^if \(typeof value === 'symbol'\) return value\.toString\(\);/.test(
          code,
        )) ||
      (/typedArrays\.ts$/.test(f) && code === 'return -1;'),
  ],
  [
    "a boundary between two branches of a formula that agree there: AS 241's central and tail rational approximations at |q| = 0.425 and r = 5, the sign at q = 0 (the central branch takes it), the year of a parsed date (a month out of range comes back as another month, which the month check catches)",
    (f, _m, code) =>
      (/normal\.ts$/.test(f) &&
        /^if \(Math\.abs\(q\) <= 0\.425\)|^let r = q < 0 \? p : 1 - p;|^if \(r <= 5\)|^return q < 0 \? -value : value;/.test(
          code,
        )) ||
      (/civil\.ts$/.test(f) && code === 'return y === year && m === month ? days : null;'),
  ],
  [
    "exact scaling's choice of common exponent: a zero decomposed (exponent −1074) or a tie between equal exponents only makes the integers larger, never inexact; the smallest-covering count's first guess, which the two loops after it settle either way",
    (f, m, code) =>
      (/exact\.ts$/.test(f) &&
        (/^const parts = values\.map\(\(v\) => \(v === 0 \? null/.test(code) ||
          (m === 'EqualityOperator' && /part\[1\] < scale/.test(code)))) ||
      (/cover\.ts$/.test(f) &&
        /^let n = Math\.ceil\(\(need \* \(1 - COVER_TOLERANCE\)\) \/ unit\);|^if \(!\(n <= Number\.MAX_SAFE_INTEGER\)\)/.test(
          code,
        )),
  ],
  [
    "scoring's internal bookkeeping where both sides give the same scores and issues: an extra first entry in a list no row or leaf refers to (types, fit leaves, the depth walk's stack), a callback's true that is only compared with undefined, the first column's row kept at a tie (the same row), a constant the truth table overrides, a fresh array combined in place or with itself first (x & x = x), a rule listed again in the windowed list (its expiry walk finds nothing left), a bit cleared that was never set (a rule's bit is set only on rows of its type), an activity type no row has, a generated function's return value that no caller reads, a leaf's truth table and codes, which are null together (testing one or both is the same), ids presized or grown (filled before they are read), a lead checked as an object when it is one, a key without a dot read as a one-step path",
    (f, m, code, r) =>
      (/activityTable\.ts$/.test(f) &&
        ((/^if \(truth === null \|\| codes === null\) return out\.fill/.test(code) &&
          r !== 'true' &&
          m !== 'BlockStatement') ||
          (m === 'ArrayDeclaration' && code === 'const types: string[] = [];') ||
          (code === 'return true;' && r === 'false') ||
          (/^if \(k >= 0 && \(firstBad < 0 \|\| k < firstBad\)\) firstBad = k;$/.test(code) &&
            r === 'k <= firstBad') ||
          (code === 'constant: false,' && r === 'true') ||
          /^const out = parts\[0\]!\.slice\(\);$|^for \(const part of parts\.slice\(1\)\) \{$/.test(
            code,
          ))) ||
      (/conditions\.ts$/.test(f) &&
        (/^const out = parts\[0\]!\.slice\(\);$|^for \(const part of parts\.slice\(1\)\) \{$/.test(
          code,
        ) ||
          (code === "if (key.includes('.')) {" && r === 'true'))) ||
      (/compiledFit\.ts$/.test(f) &&
        m === 'ArrayDeclaration' &&
        code === 'const leaves: Leaf[] = [];') ||
      (/compiledLoop\.ts$/.test(f) && code === "'  return leadCount;',") ||
      (/engine\.ts$/.test(f) &&
        ((m === 'ArrayDeclaration' &&
          /^behavior\.flatMap\(\(rule, r\) => \(Number\.isFinite\(rule\.withinMs\)/.test(code)) ||
          (/^if \(test && \(bits & \(1 << r\)\) !== 0 && !test\(column\?\.values\[v\]\)\)/.test(
            code,
          ) &&
            r === 'true') ||
          (code === 'if (code < 0) return;' && r === 'false') ||
          (code === 'if (type[row] !== code) continue;' && r === 'false'))) ||
      (/batch\.ts$/.test(f) &&
        (/^const ids: \(string \| number\)\[\] = columnar && !withIds \? \[\] : new Array\(n\);$/.test(
          code,
        ) ||
          (/^if \(typeof lead !== 'object' \|\| lead === null \|\| Array\.isArray\(lead\)\) \{$/.test(
            code,
          ) &&
            r === 'true'))) ||
      (/validation\.ts$/.test(f) &&
        ((m === 'ArrayDeclaration' &&
          /^const keys = \(items \?\? \[\]\)|^const stack: \{ value: unknown; path: string; depth: number \}\[\] = \[\];$|^return result\.success \? \[\] :/.test(
            code,
          )) ||
          /^return last === 'when' && keys\.length === 3 && keys\[0\] === 'rules';$/.test(code) ||
          (/^if \(raw\.type === 'union' && isConditionPath\(items\)\)/.test(code) &&
            r === 'true'))),
  ],
  [
    "interning's strategy, which gives the same ids: the hash of a value (equal values still hash alike), probing the other way round (every slot is still visited), a larger table or fill array than needed, the size at which a column is partitioned or how finely, a repeated row looked up instead of copied, the hash compared before the string or not",
    (f, m, code, r) =>
      /internIds\.ts$/.test(f) &&
      (/^const high = v >= 0 && v < 2147483648|^for \(; i \+ 1 < n; i \+= 2\) \{$|^h = Math\.imul\(h \^ \(v\.charCodeAt\(i\)|^if \(i < n\) h = Math\.imul|^slot = \(slot \+ 1\) & mask;$|largest = Math\.max\(largest, start\[p \+ 1\]! - start\[p\]!|^const fill = start\.slice\(0, start\.length - 1\);$|^if \(n <= SMALL\) \{$|^while \(count > 2 \*\* \(shift \+ PARTITION_BITS\)\) shift\+\+;$|^if \(i > 0 && v === previous\) \{$|^if \(repeats\[k\] === 1\) \{$/.test(
        code,
      ) ||
        (m === 'ArrayDeclaration' && code === 'const ids: string[] = [];') ||
        (/^if \(slotHashes\[slot\] === h && keys\[code\] === v\) \{$/.test(code) && r === 'true')),
  ],
  [
    "the report's tally where both sides give the same report: a step past the last stage or a stop counted there (the last stage reports no advanced, matured or censored figure and no time to next, and its cells past the end are outside the arrays), censored durations kept without horizons (only the curve reads them, and a censored one never enters the times to next), the fast loop of an unsegmented report taken or not, a lead without a funnel event (its +∞ entry is outside every range), the segment code of a report segmented by a function (the function decides), an entry test of +∞ (+∞ < to is false), and a branch every lead of the segmented loop takes",
    (f, _m, code, r) =>
      /reports\/_internal\/funnel\.ts$/.test(f) &&
      ((code === 'while (reachedCount < stageCount) {' && r === 'reachedCount <= stageCount') ||
        (code === 'if (reachedCount < stageCount) {' &&
          ['true', 'reachedCount <= stageCount'].includes(r)) ||
        (code === 'if (!keepCensored) return; // without horizons the curve is not needed' &&
          r === 'false') ||
        (code === 'if (keepCensored) {' && r === 'true') ||
        (code === 'const keepCensored = rules.horizons.length > 0;' &&
          ['true', 'rules.horizons.length >= 0'].includes(r)) ||
        (code === 'if (!rules.segmented) {' && ['false', '{}'].includes(r)) ||
        /^if \(e0 === Number\.POSITIVE_INFINITY\) continue;/.test(code) ||
        (code === 'const segmentCode = segment === null ? -1 : segment[local]!;' && r === '+1') ||
        (code === 'if (t !== Number.POSITIVE_INFINITY && t >= step.from && t < step.to) {' &&
          r === 'true') ||
        (code === 'if (rules.segmented)' && r === 'true') ||
        // without horizons the curve's points are a map over no horizons: none either way
        (code === 'if (!lastStage && rules.horizons.length > 0) {' &&
          ['rules.horizons.length >= 0', 'true'].includes(r))),
  ],
  [
    "the report's fast paths declined, where the row-by-row path or interning gives the same columns: a fast path that returns null (objects taken apart, good columns, stage names), the dense-id check saying no (interning gives the same leads) or a looser limit or a larger first maximum (only lead codes without events are added), and the latest instant found with >= instead of >",
    (f, _m, code, r, line) =>
      /reports\/_internal\/events\.ts$/.test(f) &&
      (code === 'if (fast !== null) return fast;' ||
        /^function dense(IdCount|Int32|Numbers)\(/.test(code) ||
        code === 'const limit = 2 * ids.length + 1024;' ||
        /^if \(ids instanceof (Int32Array|Uint32Array)/.test(code) ||
        code === 'let max = -1;' ||
        code === 'if (v >>> 0 >= limit) return -1;' ||
        code === 'if (!(v >= 0 && v < limit && Number.isInteger(v))) return -1;' ||
        /^if \([tv] > max\) max = [tv];$/.test(code) ||
        (code === 'for (let i = 0; i < ids.length; i++) {' && r === 'i--') ||
        code === '): boolean {' ||
        (code === 'for (let i = 0; i < names.length; i++) {' && r === 'i--') ||
        code === 'if (code === undefined) return false;' ||
        (code === 'return true;' && r === 'false') ||
        (code === 'for (let i = 0; i < at.length; i++) {' && r === 'i--') ||
        (code === 'for (let i = 0; i < n; i++) {' && line === 289) ||
        // Objects taken apart and good columns read at once: each of these either declines (the
        // row-by-row path reads the rows) or hands on a column that a later check declines (NaN
        // instants, numbers interned as strings, strings read as numbers, no stage names).
        code === "if (typeof e !== 'object' || e === null || Array.isArray(e)) return null;" ||
        code === 'if (Number.isNaN(t)) return null;' ||
        code ===
          'if (numbers > 0 && numbers < n) return null; // mixed: the one id rule needs IdIndex' ||
        code === 'const idColumn = numbers > 0 ? Float64Array.from(ids as number[]) : ids;' ||
        code === 'if (!(ats instanceof Float64Array)) return null;' ||
        (code === 'const names = [...options.stages, ...options.outcomes];' && line === 324) ||
        // More declines of the good-columns path (each `return null` made unconditional), dense ids
        // put into partitions or not, or interned as if sparse, a larger fill array, the general
        // column path indexing dense ids or allocating a segment column it never fills, and a stage
        // tested for being a string before the map lookup.
        (/^if \(.*\) return null;$/.test(code) && r === 'true' && line > 320 && line < 430) ||
        (code === 'if (n > PARTITIONED_FROM) {' && line === 376) ||
        (code === 'if (stages instanceof Uint8Array || stages instanceof Uint16Array) {' &&
          line === 331) ||
        (code === 'if (!scattered && columnMax(stages) >= names.length) return null;' &&
          line === 332) ||
        (code === 'if (dense >= 0) {' && line === 348) ||
        (code === 'const fill = start.slice(0, start.length - 1);' && r === 'start.length + 1') ||
        code === 'const index = dense >= 0 ? null : new IdIndex();' ||
        (code === 'const segment = segmentColumn === null ? null : new Int32Array(n);' &&
          r === 'false') ||
        (code === "code = typeof s === 'string' ? codes.get(s) : undefined;" && r === 'true') ||
        // Still more declines: the interning choice made false for typed arrays (no path then,
        // so null), the scattered check made for every large column, a segment key check that
        // declines good keys, a loop run backwards (its first step reads a cell past the start,
        // which is not an instant), and scatterDense's code check declining (the general path
        // names the cell).
        (/^ids instanceof Int32Array \|\| ids instanceof Uint32Array/.test(code) && line === 387) ||
        (code ===
          'if (scattered && columnMax(stages as Uint8Array) >= names.length) return null;' &&
          r === 'scattered || columnMax(stages as Uint8Array) >= names.length') ||
        (code === 'if (key === undefined) return null;' && r === 'key !== undefined') ||
        (code === 'for (let i = 0; i < n; i++) {' && line === 471 && r === 'i--') ||
        (code === 'if (c >= codeCount) return null;' && ['true', 'c < codeCount'].includes(r)) ||
        /^const scattered = n > PARTITIONED_FROM && stages instanceof Uint8Array/.test(code) ||
        /^if \(typeof id === 'number'\) numbers\+\+;$/.test(code)),
  ],
  [
    'the row-by-row reading of event objects where the next check decides alike: an id tested before rowIdKey (which throws for every value that is not an id), a stage name tested for being a string before the map lookup (no key is a non-string), a segment read without a segment field (undefined reads as no segment), a segment column allocated without a field (never read), and the latest instant found with >=',
    (f, _m, code, r) =>
      /reports\/_internal\/events\.ts$/.test(f) &&
      (/^typeof id === 'string' \? id\.length > 0 : typeof id === 'number' && Number\.isSafeInteger/.test(
        code,
      ) ||
        code === "if (!isId) rowIdKey(fn, 'events', i, 'leadId', id); // throws, naming the cell" ||
        (code === "const code = typeof name === 'string' ? codes.get(name) : undefined;" &&
          r === 'true') ||
        (/^field === undefined \? null : segmentKey\(fn, \(\) => rowPath/.test(code) &&
          r === 'false') ||
        (code === 'if (t > maxAt) maxAt = t;' && r === 't >= maxAt') ||
        (/^const segments?(: [^=]+)? = field === undefined \? null : new /.test(code) &&
          r === 'false')),
  ],
  [
    "the entries' bookkeeping where both sides give the same entries: partitioned columns read as one range (partitions only keep the scratch arrays small), larger scratch arrays or a buffer of rows grown when not needed (or to to + from rows, never fewer than to − from), segment scratch arrays allocated without segments or left for the segment pass to allocate, the whole-range shortcut of local lead codes taken or not, a lead without kept rows walked anyway (it enters nothing), the stage after the last read as undefined (no recycling either way; the test i − 1 < stageCount reads it too), and a left-out row's local code (partitioned columns come only from the fast path, which has no left-out rows); outcome rows kept for the ordered walk (stage −1 matches no stage), a minimum or maximum kept on ties, distinct keys compared with <=, the walk going on past the last stage, one row past a range (it writes nowhere)",
    (f, _m, code, r, line) =>
      /reports\/_internal\/entries\.ts$/.test(f) &&
      ((code === 'if (parts === null) {' && r === 'true') ||
        /^largest = Math\.max\(largest, parts\.codes\[p \+ 1\]! - parts\.codes\[p\]!\);$/.test(
          code,
        ) ||
        /^const segment(Codes|At) = cols\.segment === null \? null : new /.test(code) ||
        code === 'rowFrom === 0 && rowTo === cols.lead.length && codeBase === 0' ||
        (code === 'if (rows.length < to - from) rows = new Int32Array(2 * (to - from));' &&
          ['true', 'rows.length <= to - from', 'to + from'].includes(r)) ||
        (code === 'if (kept === 0) continue;' && r === 'false') ||
        (code === 'const next = i + 1 < stageCount ? entry[i + 1]! : Number.NaN;' &&
          ['true', 'i + 1 <= stageCount', 'i - 1'].includes(r)) ||
        code === 'out[k] = j < 0 ? -1 : j - codeBase;' ||
        // Outcome rows kept for the ordered walk: their stage −1 writes outside `last` and never
        // equals the next stage the walk looks for.
        (code === 'if (cols.at[row]! <= asOf && cols.stage[row]! >= 0) rows[kept++] = row;' &&
          r === 'true' &&
          line === 159) ||
        // A minimum or maximum kept on ties (the same value), keys of distinct codes compared with
        // <= (distinct keys are never equal), the walk going on once every stage is entered (no row
        // is at stage stageCount), and one row past a range (its lead reads undefined, and it
        // writes nowhere).
        /^if \(at\[row\]! > last\[s\]!\) last\[s\] = at\[row\]!;$|^if \(t < first\[k\]!\) first\[k\] = t;$|^if \(t < min\) min = t;$/.test(
          code,
        ) ||
        (code === 'return a < b;' && r === 'a <= b') ||
        // Rows of one instant and one stage in either order, and a segment code compared with
        // itself (before(k, k) is false).
        (code === 'if (u < t || (u === t && stage[other]! <= s)) break;' &&
          r === 'stage[other]! < s') ||
        (/^\(t === was && code !== segmentCode\[j\] && before/.test(code) && r === 'true') ||
        code === 'for (let k = 0; k < count && next < stageCount; k++) {' ||
        (code === 'for (let row = rowFrom; row < rowTo; row++) {' && r === 'row <= rowTo')),
  ],
  [
    "an id's key made with String() for strings too (String of a string is the string)",
    (f, _m, code, r) =>
      /funnelAccumulator\.ts$/.test(f) &&
      code === "return typeof id === 'number' ? String(id) : id;" &&
      r === 'true',
  ],
  [
    "the accumulator's bookkeeping where both sides give the same report: a lead's state looked up again for every row (the map holds the same object), the latest instant kept with >=, rows past the last written cut off by subarray (their fill is never read), a segment column or first-touch rows written with no segment or the null key (both read as no segment), an extra first id or issue in the columns handed to the report (no row refers to the id; the report takes its issues from the accumulator), a tie kept with <= (equal keys) or tested without its null check (a lead without a segment has segmentAt +∞), and the state's lead shape checked in another order (the checks after it refuse the same leads), segment and segmentAt tested one for the other (they are null together), a null maxAt compared (null > x is false), an id tested without its string check (a number's length is undefined)",
    (f, _m, code, r) =>
      /funnelAccumulator\.ts$/.test(f) &&
      ((code === 'if (state === undefined) {' && r === 'true') ||
        (code === 'if (t > this.#maxAt) this.#maxAt = t;' && r === 't >= this.#maxAt') ||
        (code ===
          'if (state.maxAt !== null && state.maxAt > this.#maxAt) this.#maxAt = state.maxAt;' &&
          r === 'state.maxAt >= this.#maxAt') ||
        code === 'const lead = new Int32Array(rows).fill(-1);' ||
        code === 'const segmented = this.#segmentField !== undefined;' ||
        code === 'const ids: (string | number)[] = [];' ||
        code === 'if (segment !== null && state.segment !== null) {' ||
        (code === 'issues: [],' && r !== '[]') ||
        // A lead without a segment has segmentAt +∞, which no instant equals: the null test is
        // made by the equality too (the whole tie rule made true is killed by the tests).
        (code === '(t === state.segmentAt && state.segment !== null && key < state.segment)' &&
          ['key <= state.segment', 'true'].includes(r)) ||
        code === 'Array.isArray(lead) &&' ||
        code === 'lead.length === 4 &&' ||
        // A lead's segment and its instant are null together: toJSON writes them so, and a
        // restored state is checked to; so testing one of them, or either, is testing both.
        (code === 'if (segment !== null && segmentAt !== null) touch(lead, segmentAt, segment);' &&
          ['true', 'segment !== null || segmentAt !== null'].includes(r)) ||
        // null > x is false: the null test is made by the comparison too.
        (code ===
          'if (state.maxAt !== null && state.maxAt > this.#maxAt) this.#maxAt = state.maxAt;' &&
          r === 'true') ||
        // Without the string test, a number's length is undefined (undefined > 0 is false) and
        // Number.isSafeInteger decides; an empty string still fails both.
        (/^\(\(typeof lead\[0\] === 'string' && lead\[0\]\.length > 0\) \|\|/.test(code) &&
          r === 'true')),
  ],
  [
    "a left-out row (lead code −1) let through the entries' skips: its writes land at negative indices, which typed arrays ignore, and what it reads there is undefined (the mutants that drop the skip's other tests share this key, and the large-column tests kill them)",
    (f, _m, code, r) =>
      /reports\/_internal\/entries\.ts$/.test(f) &&
      r === 'false' &&
      [
        'if (j < 0 || s < 0 || t > asOf) continue;',
        'if (j < 0 || s < 0 || s + 1 >= stageCount || t > asOf) continue;',
        'if (lead0 < 0 || code < 0 || t > asOf) continue;',
      ].includes(code),
  ],
  [
    'an out-of-range write to a typed array (ignored)',
    (_f, m, code) =>
      m === 'EqualityOperator' &&
      (/for \(let \w+ = 0; \w+ < [\w.]+; \w+\+\+\)/.test(code) ||
        code === 'while (next < n) rows[k++] = next++;'),
  ],
];

function kindOf(file, mutator, code, replacement, line) {
  for (const [kind, test] of RULES) if (test(file, mutator, code, replacement, line)) return kind;
  return 'to examine';
}

// Mutants a test added after the run kills, each checked by applying it to the
// current source and running the tests (scripts/replay-mutants.mjs --record).
const KILLED_AFTER =
  'killed by a test added after the run (the mutant applied by hand, the test red)';
const killedAfter = new Set(
  (() => {
    try {
      return readFileSync(new URL('./mutants-killed-after-run.txt', import.meta.url), 'utf8');
    } catch {
      return '';
    }
  })()
    .split('\n')
    .filter(Boolean),
);
const GONE = 'code rewritten or removed since the run (the next run measures what replaced it)';
const currentSource = new Map();
function stillThere(file, code) {
  if (!currentSource.has(file)) {
    let text = '';
    try {
      text = readFileSync(join(process.cwd(), file), 'utf8');
    } catch {}
    currentSource.set(file, new Set(text.split('\n').map((l) => l.trim())));
  }
  return currentSource.get(file).has(code);
}

const here = process.cwd();
// `--keys`: print only the keys (file:line:column:mutator:replacement) of the
// mutants to examine, for scripts/replay-mutants.mjs --keys.
const keysOnly = process.argv.includes('--keys');
// `--keep doc.md`: keep the rows of an earlier survivors list for the files
// that none of the reports given covers (reports of earlier runs may be gone).
const keepAt = process.argv.indexOf('--keep');
const keepFile = keepAt < 0 ? null : process.argv[keepAt + 1];
const args = process.argv
  .slice(2)
  .filter((a, i, all) => a !== '--keys' && a !== '--keep' && all[i - 1] !== '--keep');
const reports =
  args.length > 0
    ? args
    : readdirSync(join(here, 'reports', 'mutation'))
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(here, 'reports', 'mutation', f));

const rows = [];
const seen = new Set();
for (const report of reports) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  for (const [file, f] of Object.entries(r.files)) {
    const lines = f.source.split('\n');
    for (const m of f.mutants) {
      if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
      const line = m.location.start.line;
      const key = `${file}:${line}:${m.location.start.column}:${m.mutatorName}:${m.replacement}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const code = lines[line - 1].trim();
      rows.push({
        file,
        line,
        status: m.status,
        mutator: m.mutatorName,
        code,
        replacement: String(m.replacement ?? ''),
        key,
        kind: killedAfter.has(key)
          ? KILLED_AFTER
          : stillThere(file, code)
            ? kindOf(file, m.mutatorName, code, String(m.replacement ?? ''), line)
            : GONE,
      });
    }
  }
}
let keptReports = [];
const keptRows = [];
if (keepFile !== null) {
  const covered = new Set();
  for (const report of reports)
    for (const file of Object.keys(JSON.parse(readFileSync(report, 'utf8')).files))
      covered.add(file);
  const text = readFileSync(keepFile, 'utf8');
  keptReports = (/^Reports read: (.*)\.$/m.exec(text)?.[1] ?? '').split(', ').filter(Boolean);
  for (const line of text.split('\n')) {
    const m = /^\| (src\/[^:]+):(\d+) \| /.exec(line);
    if (m === null || covered.has(m[1])) continue;
    // Cells are split at unescaped bars; the kind is all after the fourth (it may hold a bar itself).
    const bars = [...line.matchAll(/(?<!\\)\|/g)].map((b) => b.index);
    const kind = line.slice(bars[4] + 1, line.lastIndexOf('|')).trim();
    keptRows.push({ file: m[1], line: Number(m[2]), kind, text: line });
  }
}
rows.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
if (keysOnly) {
  for (const row of rows) if (row.kind === 'to examine') console.log(row.key);
  process.exit(0);
}
const counts = new Map();
for (const row of [...rows, ...keptRows]) counts.set(row.kind, (counts.get(row.kind) ?? 0) + 1);
const cell = (s) => s.replace(/\|/g, '\\|').replace(/`/g, "'").slice(0, 90);
console.log('# Surviving mutants\n');
console.log('Written by `node scripts/survivors.mjs` from the Stryker reports of the runs in');
console.log('[testing.md](testing.md). Each survivor has the kind of equivalent mutant it is (the');
console.log('reasons are in testing.md) when a rule recognises it; the others are to examine:');
console.log('killed by a new test or, if equivalent, given a rule.\n');
const names = [...new Set([...keptReports, ...reports.map((r) => r.split('/').pop())])];
console.log(`Reports read: ${names.join(', ')}.\n`);
console.log('| kind | survivors |\n| --- | ---: |');
for (const [kind, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`| ${kind} | ${n} |`);
console.log(`| **all** | **${rows.length + keptRows.length}** |\n`);
console.log('| file:line | mutator | code | becomes | kind |\n| --- | --- | --- | --- | --- |');
const lines = [
  ...keptRows,
  ...rows.map((row) => ({
    file: row.file,
    line: row.line,
    text: `| ${row.file}:${row.line} | ${row.mutator}${row.status === 'NoCoverage' ? ' (no coverage)' : ''} | \`${cell(row.code)}\` | \`${cell(row.replacement)}\` | ${row.kind} |`,
  })),
];
lines.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
for (const { text } of lines) console.log(text);
