import { civilFromDays, daysFromCivil, daysInMonth, weekdayOfDays } from '../../time/civil.js';
import { Freq, type ParsedRule } from '../rrule-parse.js';
import type { CompiledFilters } from './compile-filters.js';

/**
 * Where a rule's expansion stands: the period expanded next — a year, a month, the week or day that starts at
 * `day`, or (sub-daily) one hour, minute or second — and the times of day it holds. It steps by INTERVAL periods;
 * a sub-daily position stays on the DTSTART + k × INTERVAL lattice and skips the positions that BYHOUR, BYMINUTE or
 * BYSECOND rule out, as python-dateutil does. Which days of the period match is the iterator's business.
 */
export class RulePosition {
  // The position's fields: the iterator reads them (plain fields, no getters, as they are read per period); only
  // this class moves them.
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  /**
   * Seconds of the day of the period's occurrences: for a day or coarser, every time of each day; sub-daily, the
   * times of the current hour, minute or second (none when the position itself is ruled out).
   */
  times: number[];

  private readonly freq: number;
  private readonly interval: number;
  private readonly wkst: number;
  private readonly dtstart: number;
  private readonly byMonth: Uint8Array | null;
  private readonly byHour: number[] | null;
  private readonly byMinute: number[] | null;
  private readonly bySecond: number[] | null;
  /** Seconds of the day of each occurrence within a day, for frequencies of a day or coarser. */
  private readonly dayTimes: number[];

  constructor(rule: ParsedRule, dtstartLocalSeconds: number, filters: CompiledFilters) {
    const startDay = Math.floor(dtstartLocalSeconds / 86400);
    const secondOfDay = dtstartLocalSeconds - startDay * 86400;
    this.freq = rule.freq;
    this.interval = rule.interval;
    this.wkst = rule.wkst;
    this.dtstart = dtstartLocalSeconds;
    this.byMonth = filters.byMonth;
    this.byHour = filters.byHour;
    this.byMinute = filters.byMinute;
    this.bySecond = filters.bySecond;
    this.dayTimes = filters.dayTimes;
    const [year, month, day] = civilFromDays(startDay);
    this.year = year;
    this.month = month;
    this.day = day;
    this.hour = Math.floor(secondOfDay / 3600);
    this.minute = Math.floor((secondOfDay % 3600) / 60);
    this.second = secondOfDay % 60;
    this.weekday = weekdayOfDays(startDay);
    // "A set of recurrence instances starts at the beginning of the interval" (§3.3.10): a weekly rule's first
    // set is the whole week that holds DTSTART, so BYSETPOS counts from the week's start; the instances before
    // DTSTART are dropped afterwards (by the iterator). Monthly and yearly periods already start at their beginning.
    if (this.freq === Freq.Weekly) this.moveToDay(startDay - ((this.weekday - this.wkst + 7) % 7));
    this.times = this.timesAtPosition();
  }

  /** Day number (days since 1970-01-01) of the current period's first day. */
  periodStartDay(): number {
    const freq = this.freq;
    return daysFromCivil(this.year, freq === Freq.Yearly ? 1 : this.month, freq <= Freq.Monthly ? 1 : this.day);
  }

  /**
   * Moves forward to the period holding `fromLocalSeconds`, keeping the INTERVAL alignment with DTSTART; returns
   * whether it moved. Only valid when the rule has no COUNT (a count must be taken from DTSTART on).
   */
  skipTo(fromLocalSeconds: number): boolean {
    const fromDay = Math.floor(fromLocalSeconds / 86400);
    const [fromYear, fromMonth] = civilFromDays(fromDay);
    const interval = this.interval;
    const startDay = daysFromCivil(this.year, this.month, this.day);
    if (this.freq === Freq.Yearly) {
      const steps = Math.floor((fromYear - 1 - this.year) / interval);
      if (steps <= 0) return false;
      this.year += steps * interval;
    } else if (this.freq === Freq.Monthly) {
      const current = this.year * 12 + this.month - 1;
      const steps = Math.floor((fromYear * 12 + fromMonth - 2 - current) / interval);
      if (steps <= 0) return false;
      const target = current + steps * interval;
      this.year = Math.floor(target / 12);
      this.month = (target % 12) + 1;
    } else if (this.freq === Freq.Weekly) {
      const weekStart = startDay - ((this.weekday - this.wkst + 7) % 7);
      const steps = Math.floor((fromDay - 7 - weekStart) / (7 * interval));
      if (steps <= 0) return false;
      this.moveToDay(weekStart + steps * 7 * interval);
    } else if (this.freq === Freq.Daily) {
      const steps = Math.floor((fromDay - 1 - startDay) / interval);
      if (steps <= 0) return false;
      this.moveToDay(startDay + steps * interval);
    } else {
      // Sub-daily positions stay on DTSTART + k × INTERVAL units (filters only skip along that lattice).
      const step = interval * (this.freq === Freq.Hourly ? 3600 : this.freq === Freq.Minutely ? 60 : 1);
      const steps = Math.floor((fromLocalSeconds - this.dtstart) / step);
      if (steps <= 0) return false;
      const at = this.dtstart + steps * step;
      const day = Math.floor(at / 86400);
      this.moveToDay(day);
      this.hour = Math.floor((at - day * 86400) / 3600);
      this.minute = Math.floor((at % 3600) / 60);
      this.second = at % 60;
      this.times = this.timesAtPosition();
    }
    return true;
  }

  /**
   * Steps to the next period by INTERVAL (after an empty one, past the months BYMONTH rules out); returns false
   * when there is none: past year 9999, or a sub-daily rule whose filters no position on its lattice passes.
   * `filtered` says a day filter ruled out the current day, so a sub-daily rule jumps to the day's last position.
   */
  step(hit: boolean, filtered: boolean): boolean {
    const interval = this.interval;
    let dayChanged = false;
    switch (this.freq) {
      case Freq.Yearly:
        this.year += interval;
        break;
      case Freq.Monthly: {
        const target = this.year * 12 + this.month - 1 + interval;
        this.year = Math.floor(target / 12);
        this.month = (target % 12) + 1;
        break;
      }
      case Freq.Weekly:
        // Back to the week's start (WKST), then INTERVAL weeks on.
        this.day += -((this.weekday - this.wkst + 7) % 7) + interval * 7;
        this.weekday = this.wkst;
        dayChanged = true;
        break;
      case Freq.Daily:
        this.day += interval;
        dayChanged = true;
        break;
      default: {
        const days = this.advanceWithinDays(filtered);
        if (days < 0) return false;
        this.day += days;
        dayChanged = days > 0;
      }
    }
    if (dayChanged && this.day > 62) {
      // A long jump (a large INTERVAL): convert through the day number instead of walking month by month.
      const [y, m, d] = civilFromDays(daysFromCivil(this.year, this.month, 1) + this.day - 1);
      this.year = y;
      this.month = m;
      this.day = d;
    } else if (dayChanged && this.day > 28) {
      let length = daysInMonth(this.year, this.month);
      while (this.day > length) {
        this.day -= length;
        this.month++;
        if (this.month === 13) {
          this.month = 1;
          this.year++;
        }
        length = daysInMonth(this.year, this.month);
      }
    }
    if (!hit && this.byMonth !== null && this.freq >= Freq.Daily && this.byMonth[this.month] === 0) {
      this.skipToAllowedMonth();
    }
    return this.year <= 9999;
  }

  /** The times of the current position's period (sub-daily: none when the position itself is filtered out). */
  private timesAtPosition(): number[] {
    if (this.freq < Freq.Hourly) return this.dayTimes;
    if (
      (this.byHour && !this.byHour.includes(this.hour)) ||
      (this.freq >= Freq.Minutely && this.byMinute && !this.byMinute.includes(this.minute)) ||
      (this.freq >= Freq.Secondly && this.bySecond && !this.bySecond.includes(this.second))
    ) {
      return [];
    }
    return this.subDayTimes();
  }

  private moveToDay(days: number): void {
    const [y, m, d] = civilFromDays(days);
    this.year = y;
    this.month = m;
    this.day = d;
    this.weekday = weekdayOfDays(days);
  }

  /**
   * A daily or finer rule in a month BYMONTH rules out moves on to the first position (on the DTSTART + k × INTERVAL
   * lattice) in the next month it allows, instead of visiting each day: FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29 then
   * costs 29 periods a year, not 365.
   */
  private skipToAllowedMonth(): void {
    const byMonth = this.byMonth as Uint8Array;
    let year = this.year;
    let month = this.month;
    do {
      month++;
      if (month === 13) {
        month = 1;
        year++;
      }
    } while (byMonth[month] === 0);
    const step = this.interval * [86400, 3600, 60, 1][this.freq - Freq.Daily]!;
    const position =
      daysFromCivil(this.year, this.month, this.day) * 86400 + this.hour * 3600 + this.minute * 60 + this.second;
    const at = position + Math.ceil((daysFromCivil(year, month, 1) * 86400 - position) / step) * step;
    const day = Math.floor(at / 86400);
    this.moveToDay(day);
    if (this.freq > Freq.Daily) {
      this.hour = Math.floor((at - day * 86400) / 3600);
      this.minute = Math.floor((at % 3600) / 60);
      this.second = at % 60;
      this.times = this.timesAtPosition();
    }
  }

  /** HOURLY, MINUTELY and SECONDLY stepping; returns the days moved, or −1 when no position can ever be valid. */
  private advanceWithinDays(filtered: boolean): number {
    const interval = this.interval;
    let days = 0;
    if (this.freq === Freq.Hourly) {
      if (filtered) this.hour += Math.floor((23 - this.hour) / interval) * interval;
      if (this.byHour) {
        const next = this.nextInSet(this.hour, this.byHour, 24);
        if (next === null) return -1;
        [days, this.hour] = next;
      } else {
        days = Math.floor((this.hour + interval) / 24);
        this.hour = (this.hour + interval) % 24;
      }
    } else {
      days = this.stepMinutesOrSeconds(filtered);
      if (days < 0) return -1;
    }
    this.times = this.subDayTimes();
    return days;
  }

  /**
   * MINUTELY and SECONDLY stepping, as one walk along the day in the frequency's unit: the position (minute or
   * second of the day; a MINUTELY rule keeps its second) moves by INTERVAL units to the next one in BYMINUTE or
   * BYSECOND, the unit's own set (dateutil's `__mod_distance`), and then over every coarser field that the rule
   * rules out (BYHOUR; BYMINUTE under SECONDLY) to the last position on the lattice before its next allowed value,
   * so that the next step lands in it. Returns the days moved, or −1 when no position can ever be valid.
   */
  private stepMinutesOrSeconds(filtered: boolean): number {
    const interval = this.interval;
    const minutely = this.freq === Freq.Minutely;
    const unitsPerHour = minutely ? 60 : 3600;
    const unitsPerDay = unitsPerHour * 24;
    const unitSet = minutely ? this.byMinute : this.bySecond;
    const byHour = this.byHour;
    const byMinute = minutely ? null : this.byMinute;
    let position = minutely ? this.hour * 60 + this.minute : this.hour * 3600 + this.minute * 60 + this.second;
    if (filtered) position += Math.floor((unitsPerDay - 1 - position) / interval) * interval;
    let days = 0;
    let valid = false;
    // After this many steps the positions repeat (the lattice wraps around the day): none of them is allowed.
    const cycle = unitsPerDay / gcd(interval, unitsPerDay);
    for (let j = 0; j < cycle; j++) {
      if (unitSet === null) {
        position += interval;
      } else {
        // The unit's value is the position mod 60 under either frequency; 60 steps visit every value it can take.
        let tries = 0;
        do {
          if (tries++ === 60) return -1;
          position += interval;
        } while (!unitSet.includes(position % 60));
      }
      if (position >= unitsPerDay) {
        days += Math.floor(position / unitsPerDay);
        position %= unitsPerDay;
      }
      if (byHour !== null) {
        const hour = Math.floor(position / unitsPerHour);
        if (!byHour.includes(hour)) {
          const boundary = nextAllowed(hour, byHour, 24) * unitsPerHour;
          position += Math.floor((boundary - 1 - position) / interval) * interval;
          continue;
        }
      }
      if (byMinute !== null) {
        const minute = Math.floor(position / 60) % 60;
        if (!byMinute.includes(minute)) {
          const boundary = position - (position % 3600) + nextAllowed(minute, byMinute, 60) * 60;
          position += Math.floor((boundary - 1 - position) / interval) * interval;
          continue;
        }
      }
      valid = true;
      break;
    }
    if (!valid) return -1;
    if (minutely) {
      this.hour = Math.floor(position / 60);
      this.minute = position % 60;
    } else {
      this.hour = Math.floor(position / 3600);
      this.minute = Math.floor(position / 60) % 60;
      this.second = position % 60;
    }
    return days;
  }

  /** dateutil's `__mod_distance`: step `value` by INTERVAL (mod `base`) until it lands in `set`. */
  private nextInSet(value: number, set: number[], base: number): [number, number] | null {
    let carried = 0;
    let current = value;
    for (let i = 0; i < base; i++) {
      const next = current + this.interval;
      carried += Math.floor(next / base);
      current = next % base;
      if (set.includes(current)) return [carried, current];
    }
    return null;
  }

  /** Times of the current hour/minute/second period for the sub-daily frequencies. */
  private subDayTimes(): number[] {
    const base = this.hour * 3600;
    if (this.freq === Freq.Hourly) {
      const times: number[] = [];
      for (const m of this.byMinute as number[]) {
        for (const s of this.bySecond as number[]) times.push(base + m * 60 + s);
      }
      return times.sort((a, b) => a - b);
    }
    if (this.freq === Freq.Minutely) {
      return (this.bySecond as number[]).map((s) => base + this.minute * 60 + s).sort((a, b) => a - b);
    }
    return [base + this.minute * 60 + this.second];
  }
}

/** The first value of an ascending set after `value`, or the set's first plus `base` (it wraps around). */
function nextAllowed(value: number, sorted: number[], base: number): number {
  for (const candidate of sorted) if (candidate > value) return candidate;
  return (sorted[0] as number) + base;
}

/** Greatest common divisor: the lattice of INTERVAL steps repeats after unitsPerDay / gcd steps. */
function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
