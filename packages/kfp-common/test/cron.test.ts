// The cron check against robfig/cron's parser (v1.2.0, `cron.Parse`), which
// KFP's API server runs on every recurring run it creates. Each row names the
// rule of robfig's parser.go that accepts or refuses it.
import { scheduleToTrigger } from '@ml-platform/kfp-common';
import { describe, expect, it } from 'vitest';

const cronOf = (cron: string) => scheduleToTrigger({ cron }).cron_schedule?.cron;

describe('cron expressions KFP accepts', () => {
  it.each([
    ['0 0 2 * * *', 'six plain fields, seconds first'],
    ['*/15 * * * * ?', '`?` means `*` in any field'],
    ['0 0/30 8-18 * * mon-fri', 'N/step means N-max/step; weekday names in a range'],
    ['0 0 9 1,15 JAN,jul *', 'comma lists; month names in any case'],
    ['0 0 0 * * 0', 'Sunday is 0'],
    ['59 59 23 31 12 6', 'every field at its maximum'],
    ['0 0 12 1-31/2 * *', 'a range with a step'],
    ['0 0 12 1,,2 * *', 'strings.FieldsFunc drops the empty item between commas'],
    ['0 *-5 * * * *', 'anything after `*` in a range is ignored'],
    ['+5 * * * * *', 'strconv.Atoi takes a plus sign'],
    ['@hourly', 'a descriptor'],
    ['@annually', '@annually is @yearly'],
    ['@every 1h30m', '@every with a Go duration'],
    ['@every 1.5s', 'Go durations take fractions'],
  ])('%s (%s)', (cron) => {
    expect(cronOf(cron)).toBe(cron);
  });

  it('sends the expression with its whitespace normalised, as robfig splits it', () => {
    expect(cronOf('  0  0 2 *\t* *  ')).toBe('0 0 2 * * *');
  });
});

describe('cron expressions KFP refuses, refused before any request with the field at fault', () => {
  it.each([
    ['x y z a b c', "the second field 'x'", 'not a number'],
    ['60 * * * * *', "the second field '60'", 'beyond 59'],
    ['0 60 * * * *', "the minute field '60'", 'beyond 59'],
    ['0 0 24 * * *', "the hour field '24'", 'beyond 23'],
    ['0 0 0 0 * *', "the day of month field '0'", 'below 1'],
    ['0 0 0 32 * *', "the day of month field '32'", 'beyond 31'],
    ['0 0 0 * 13 *', "the month field '13'", 'beyond 12'],
    ['0 0 0 * * 7', "the day of week field '7'", 'beyond 6'],
    ['0 0 0 * * sunday', "the day of week field 'sunday'", 'sun, mon'],
    ['0 0 0 * * L', "the day of week field 'L'", 'not a number'],
    ['0 0 0 15W * *', "the day of month field '15W'", 'not a number'],
    ['0 0 0 * * 1#2', "the day of week field '1#2'", 'not a number'],
    ['0 30-10 * * * *', "the minute field '30-10'", 'start (30) is after its end (10)'],
    ['0 1-2-3 * * * *', "the minute field '1-2-3'", 'too many hyphens'],
    ['0 */5/2 * * * *', "the minute field '*/5/2'", 'too many slashes'],
    ['0 */0 * * * *', "the minute field '*/0'", 'a step must be 1 or more'],
    ['0 */x * * * *', "the minute field '*/x'", 'not a whole number'],
    // robfig splits '-1' at the hyphen first, so the empty start is what fails.
    ['-1 * * * * *', "the second field '-1'", 'not a number'],
    ['0 0 2 * * * *', '7 fields', 'KFP expects 6'],
    ['0 0 2 *', '4 fields', 'KFP expects 6'],
    ['@sometimes', 'not a descriptor KFP knows', '@every <duration>'],
    ['@every 10', 'not a descriptor KFP knows', '@every <duration>'],
    ['@every 1 h', 'not a descriptor KFP knows', '@every <duration>'],
  ])('%s (%s)', (cron, where, why) => {
    expect(() => cronOf(cron)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID_OPTION' }));
    expect(() => cronOf(cron)).toThrow(where);
    expect(() => cronOf(cron)).toThrow(why);
  });
});

describe('what robfig accepts but the server would read otherwise than meant, refused with the fix', () => {
  it('a five-field expression, which robfig reads seconds first', () => {
    expect(() => cronOf('0 9 * * 1')).toThrow("For the usual meaning write '0 0 9 * * 1'");
  });

  it('an @every under a second, which robfig silently rounds up to one second', () => {
    expect(() => cronOf('@every 500ms')).toThrow('more often than once a second');
    expect(() => cronOf('@every -1h')).toThrow('more often than once a second');
  });

  it('an expression too long to be a schedule, before any parsing', () => {
    expect(() => cronOf(`0 0 ${'1,'.repeat(300)}1 * * *`)).toThrow('at most 256');
  });
});
