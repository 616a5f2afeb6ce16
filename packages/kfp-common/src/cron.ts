import { invalidOption } from '@ml-platform/core';

// KFP checks a recurring run's cron with robfig/cron's `cron.Parse` (package
// github.com/robfig/cron, v1.2.0 in KFP 2.17.0's go.mod): the API server on
// create (`backend/src/apiserver/server/*_server.go`, "Schedule cron is not a
// supported format") and the scheduler when it computes the next run
// (`backend/src/crd/controller/scheduledworkflow/util/cron_schedule.go`).
// No npm cron parser speaks that dialect (cron-parser reads five fields minute
// first and accepts L, W and #, which robfig refuses; none knows `@every`), so
// this file follows robfig's `parser.go`, rule for rule:
//   - a descriptor (`@yearly`…`@hourly`, `@every <Go duration>`), or
//   - fields separated by spaces: second minute hour day-of-month month
//     [day-of-week]; each a comma list of `*`/`?`, `n`, `a-b`, any of these
//     with `/step`, names for months (jan…dec) and weekdays (sun…sat).
// Two things robfig accepts are refused here, each with the fix, because the
// server would read them otherwise than their writer meant: five fields (robfig
// reads them seconds first, so '0 9 * * 1' means every hour of January) and an
// `@every` under a second (robfig silently runs it every second).

interface FieldRule {
  label: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const FIELDS: readonly FieldRule[] = [
  { label: 'second', min: 0, max: 59 },
  { label: 'minute', min: 0, max: 59 },
  { label: 'hour', min: 0, max: 23 },
  { label: 'day of month', min: 1, max: 31 },
  {
    label: 'month',
    min: 1,
    max: 12,
    names: ['', 'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  },
  { label: 'day of week', min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

const DESCRIPTORS = new Set([
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@midnight',
  '@hourly',
]);

/** Go's `time.ParseDuration` grammar: an optional sign, then number+unit pairs (or a bare 0). */
const GO_DURATION = /^[-+]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+)$/;
const UNIT_SECONDS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};
/** robfig's `strconv.Atoi`: digits with an optional sign; a negative number is refused afterwards. */
const INTEGER = /^[-+]?\d+$/;
/** Bounds the work done on an expression before it is parsed: real ones are tens of characters. */
const MAX_LENGTH = 256;

const EXAMPLE = "'0 0 2 * * *' (daily at 02:00)";

/**
 * Checks a cron expression the way KFP's API server does (robfig/cron's parser,
 * six fields with seconds first, or a descriptor) and returns it with its
 * whitespace normalised; throws `CONFIG_INVALID_OPTION` naming the field at fault.
 */
export function checkCronExpression(cron: unknown, option = 'schedule.cron'): string {
  if (typeof cron !== 'string' || cron.trim() === '') {
    throw invalidOption(`${option} must be a cron expression such as ${EXAMPLE}.`);
  }
  if (cron.length > MAX_LENGTH) {
    throw invalidOption(
      `${option} is ${cron.length} characters long; a cron expression is at most ${MAX_LENGTH}.`,
    );
  }
  const expression = cron.trim().replace(/\s+/g, ' ');
  if (expression.startsWith('@')) return checkDescriptor(expression, option);
  const fields = expression.split(' ');
  if (fields.length === 5) {
    throw invalidOption(
      `${option} '${expression}' has 5 fields, but KFP's cron has 6 with seconds first, and would read this one ` +
        `shifted by a field. For the usual meaning write '0 ${expression}'.`,
    );
  }
  if (fields.length !== 6) {
    throw invalidOption(
      `${option} '${expression}' has ${fields.length} fields; KFP expects 6: ` +
        `second minute hour day-of-month month day-of-week (e.g. ${EXAMPLE}).`,
    );
  }
  fields.forEach((field, index) => {
    const rule = FIELDS[index] as FieldRule;
    const problem = fieldProblem(field, rule);
    if (problem)
      throw invalidOption(`${option} '${expression}': the ${rule.label} field '${field}' ${problem}.`);
  });
  return expression;
}

function checkDescriptor(expression: string, option: string): string {
  if (DESCRIPTORS.has(expression)) return expression;
  const duration = expression.startsWith('@every ') ? expression.slice('@every '.length) : undefined;
  if (duration !== undefined && GO_DURATION.test(duration)) {
    if (goDurationSeconds(duration) < 1) {
      throw invalidOption(
        `${option} '${expression}' repeats more often than once a second; KFP would run it every second. ` +
          'Use a duration of 1s or more (e.g. @every 1h30m).',
      );
    }
    return expression;
  }
  throw invalidOption(
    `${option} '${expression}' is not a descriptor KFP knows: use @yearly, @monthly, @weekly, @daily, @hourly ` +
      'or @every <duration> (e.g. @every 1h30m).',
  );
}

function goDurationSeconds(duration: string): number {
  const sign = duration.startsWith('-') ? -1 : 1;
  let seconds = 0;
  for (const [, amount, unit] of duration.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    seconds += Number(amount) * (UNIT_SECONDS[unit as string] as number);
  }
  return sign * seconds;
}

/** Why robfig's `getField` refuses this field, or undefined when it accepts it. */
function fieldProblem(field: string, rule: FieldRule): string | undefined {
  // robfig splits with strings.FieldsFunc, which drops empty items ("1,,2" is "1,2").
  for (const range of field.split(',').filter((item) => item !== '')) {
    const problem = rangeProblem(range, rule);
    if (problem) return problem;
  }
  return undefined;
}

function rangeProblem(range: string, rule: FieldRule): string | undefined {
  const [span = '', step, ...extraSlashes] = range.split('/');
  if (extraSlashes.length) return `has too many slashes in '${range}'`;
  const bounds = span.split('-');
  let start = rule.min;
  let end = rule.max;
  // `*` and `?` mean the whole range; robfig ignores anything after them ('*-5' is '*').
  if (bounds[0] !== '*' && bounds[0] !== '?') {
    if (bounds.length > 2) return `has too many hyphens in '${range}'`;
    const low = fieldValue(bounds[0] ?? '', rule);
    if (typeof low === 'string') return low;
    start = low;
    end = low;
    if (bounds.length === 2) {
      const high = fieldValue(bounds[1] ?? '', rule);
      if (typeof high === 'string') return high;
      end = high;
    } else if (step !== undefined) {
      // robfig: "N/step" means "N-max/step".
      end = rule.max;
    }
  }
  if (step !== undefined) {
    if (!INTEGER.test(step)) return `has a step '${step}' that is not a whole number`;
    if (Number(step) <= 0) return `has a step of ${step}; a step must be 1 or more`;
  }
  if (start < rule.min) return `starts below ${rule.min}, the smallest ${rule.label}`;
  if (end > rule.max) return `goes beyond ${rule.max}, the largest ${rule.label}`;
  if (start > end) return `is a range whose start (${start}) is after its end (${end})`;
  return undefined;
}

/** A number or (for months and weekdays) a three-letter name, or why it is neither. */
function fieldValue(text: string, rule: FieldRule): number | string {
  const named = rule.names?.indexOf(text.toLowerCase()) ?? -1;
  if (named > 0 || (named === 0 && rule.names?.[0] !== '')) return named;
  if (!INTEGER.test(text)) {
    return `has '${text}', which is not a number${rule.names ? ` or a ${rule.label} name (${rule.names.filter(Boolean).join(', ')})` : ''}`;
  }
  const value = Number(text);
  if (value < 0) return `has a negative number (${text})`;
  return value;
}
