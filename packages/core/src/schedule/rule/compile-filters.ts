import { Freq, type ParsedRule } from '../rrule-parse.js';

/** The rule's filters as lookup tables, with the defaults DTSTART supplies. */
export type CompiledFilters = {
  byMonth: Uint8Array | null;
  byMonthDay: Uint8Array | null;
  byMonthDayFromEnd: Uint8Array | null;
  byMonthDayList: number[] | null;
  byYearDay: Uint8Array | null;
  byYearDayFromEnd: Uint8Array | null;
  byWeekNo: number[] | null;
  byWeekday: Uint8Array | null;
  byNthWeekday: { weekday: number; nth: number }[] | null;
  byPlainWeekday: Uint8Array | null;
  /** BYSETPOS without the positions no period can reach; empty when none is left (the rule has no instances). */
  bySetPos: number[] | null;
  byHour: number[] | null;
  byMinute: number[] | null;
  bySecond: number[] | null;
  dayTimes: number[];
};

/**
 * Compiled filters per parsed rule and DTSTART fields. Thousands of contracts share a handful of rules, so the
 * tables are built once; they are read-only afterwards.
 */
const compiledCache = new WeakMap<ParsedRule, Map<number, CompiledFilters>>();

export function compiledFilters(
  rule: ParsedRule,
  month: number,
  day: number,
  weekday: number,
  hour: number,
  minute: number,
  second: number,
): CompiledFilters {
  const key = ((((month * 32 + day) * 7 + weekday) * 24 + hour) * 60 + minute) * 60 + second;
  let byDefaults = compiledCache.get(rule);
  if (byDefaults === undefined) {
    byDefaults = new Map();
    compiledCache.set(rule, byDefaults);
  }
  let compiled = byDefaults.get(key);
  if (compiled === undefined) {
    if (byDefaults.size > 1000) byDefaults.clear();
    compiled = compileFilters(rule, month, day, weekday, hour, minute, second);
    byDefaults.set(key, compiled);
  }
  return compiled;
}

/**
 * BYSETPOS without positions beyond the largest set a period can hold (366 days × times a day for a year, …, the
 * BYMINUTE × BYSECOND times of an hour): a position no period reaches would otherwise be searched for period after
 * period until year 9999.
 */
function reachablePositions(
  bySetPos: number[] | undefined,
  freq: number,
  timesPerDay: number,
  byMinute: number[] | null,
  bySecond: number[] | null,
): number[] | null {
  if (bySetPos === undefined) return null;
  const daysPerPeriod = [366, 31, 7, 1][freq];
  let largest: number;
  if (daysPerPeriod !== undefined) largest = daysPerPeriod * timesPerDay;
  else if (freq === Freq.Hourly) largest = (byMinute?.length ?? 1) * (bySecond?.length ?? 1);
  else if (freq === Freq.Minutely) largest = bySecond?.length ?? 1;
  else largest = 1;
  return bySetPos.filter((pos) => Math.abs(pos) <= largest);
}

function compileFilters(
  rule: ParsedRule,
  month: number,
  day: number,
  weekday: number,
  hour: number,
  minute: number,
  second: number,
): CompiledFilters {
  const freq = rule.freq;
  // Defaults that DTSTART supplies (RFC 5545 §3.3.10, as dateutil applies them).
  let byMonth = rule.byMonth ?? null;
  let byMonthDay = rule.byMonthDay ?? null;
  let byDay = rule.byDay ?? null;
  if (!rule.byWeekNo && !rule.byYearDay && !rule.byMonthDay && !rule.byDay) {
    if (freq === Freq.Yearly) {
      byMonth ??= [month];
      byMonthDay = [day];
    } else if (freq === Freq.Monthly) {
      byMonthDay = [day];
    } else if (freq === Freq.Weekly) {
      byDay = [{ weekday }];
    }
  }
  const plain = byDay?.filter((entry) => entry.nth === undefined || freq > Freq.Monthly) ?? [];
  const nth = byDay?.filter((entry) => entry.nth !== undefined && freq <= Freq.Monthly) ?? [];
  const sorted = (values: number[] | undefined) => (values ? [...values].sort((a, b) => a - b) : null);
  const byHour = sorted(rule.byHour) ?? (freq < Freq.Hourly ? [hour] : null);
  const byMinute = sorted(rule.byMinute) ?? (freq < Freq.Minutely ? [minute] : null);
  const bySecond = sorted(rule.bySecond) ?? (freq < Freq.Secondly ? [second] : null);
  const dayTimes: number[] = [];
  if (freq < Freq.Hourly) {
    for (const h of byHour as number[]) {
      for (const m of byMinute as number[]) {
        for (const s of bySecond as number[]) dayTimes.push(h * 3600 + m * 60 + s);
      }
    }
    dayTimes.sort((a, b) => a - b);
  }
  const mixed = plain.length > 0 && nth.length > 0;
  return {
    byMonth: byMonth ? mask(13, byMonth) : null,
    byMonthDay: byMonthDay
      ? mask(
          32,
          byMonthDay.filter((d) => d > 0),
        )
      : null,
    byMonthDayFromEnd: byMonthDay
      ? mask(
          32,
          byMonthDay.filter((d) => d < 0).map((d) => -d),
        )
      : null,
    byMonthDayList: byMonthDay && !rule.byYearDay && !rule.byWeekNo ? byMonthDay : null,
    byYearDay: rule.byYearDay
      ? mask(
          367,
          rule.byYearDay.filter((d) => d > 0),
        )
      : null,
    byYearDayFromEnd: rule.byYearDay
      ? mask(
          367,
          rule.byYearDay.filter((d) => d < 0).map((d) => -d),
        )
      : null,
    byWeekNo: rule.byWeekNo ?? null,
    byWeekday:
      plain.length > 0 && !mixed
        ? mask(
            7,
            plain.map((entry) => entry.weekday),
          )
        : null,
    byNthWeekday: nth.length > 0 ? nth.map((entry) => ({ weekday: entry.weekday, nth: entry.nth as number })) : null,
    byPlainWeekday: mixed
      ? mask(
          7,
          plain.map((entry) => entry.weekday),
        )
      : null,
    bySetPos: reachablePositions(rule.bySetPos, freq, dayTimes.length, byMinute, bySecond),
    byHour,
    byMinute,
    bySecond,
    dayTimes,
  };
}

function mask(size: number, values: number[]): Uint8Array {
  const result = new Uint8Array(size);
  for (const value of values) result[value] = 1;
  return result;
}
