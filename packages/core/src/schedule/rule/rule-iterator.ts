import { civilFromDays, daysFromCivil, daysInMonth, weekdayOfDays } from '../../time/civil.js';
import { Freq, type ParsedRule } from '../rrule-parse.js';
import { yearInfo, type YearInfo } from '../year-info.js';
import { compiledFilters } from './compile-filters.js';
import { nthWeekdayIndex, nthWeekdayMask } from './nth-weekday.js';
import { weekNumberMask } from './week-number-mask.js';

/**
 * Expands a parsed rule in floating local time: it yields "local seconds" (the wall time read as if it were UTC),
 * period by period, in ascending order. Time zones are applied afterwards by the caller.
 *
 * The algorithm is the one of python-dateutil's rrule (also used by rrule.js), which follows RFC 5545: for each
 * period of the frequency (a year, a month, a week, a day, an hour…) take the period's candidate days, drop those
 * that a BYxxx part rules out, combine with the times of day, apply BYSETPOS, and step by INTERVAL. What differs:
 * every filter is a typed-array lookup, the year tables are shared between rules, a run can start at the period
 * that holds `from` instead of at DTSTART, and every loop is bounded — a rule that can never match ends after one
 * full 400-year Gregorian cycle without a hit instead of running forever.
 */
export class RuleIterator {
  private readonly freq: number;
  private readonly interval: number;
  private readonly dtstart: number;
  /** Whether the rule has a COUNT (applied by the stream, on distinct instants, but it forbids skipping ahead). */
  private readonly counted: boolean;
  /** Local seconds past which no period is needed (the range's end); empty periods beyond it end the rule. */
  private end = Infinity;

  // Filters, as lookup tables (null = not constrained).
  private readonly byMonth: Uint8Array | null;
  private readonly byWeekday: Uint8Array | null;
  private readonly byMonthDay: Uint8Array | null;
  private readonly byMonthDayFromEnd: Uint8Array | null;
  /** BYMONTHDAY values as given, for the fast path (null when the rule also needs BYYEARDAY/BYWEEKNO scans). */
  private readonly byMonthDayList: number[] | null;
  private readonly byYearDay: Uint8Array | null;
  private readonly byYearDayFromEnd: Uint8Array | null;
  private readonly byWeekNo: number[] | null;
  private readonly byNthWeekday: { weekday: number; nth: number }[] | null;
  /** Plain BYDAY weekdays given together with ordinals: then a day matches either (their union, §3.3.10). */
  private readonly byPlainWeekday: Uint8Array | null;
  private readonly bySetPos: number[] | null;
  private readonly byHour: number[] | null;
  private readonly byMinute: number[] | null;
  private readonly bySecond: number[] | null;
  private readonly wkst: number;
  /** Seconds of the day of each occurrence within a day, for frequencies of a day or coarser. */
  private readonly dayTimes: number[];

  // Position.
  private year: number;
  private month: number;
  private day: number;
  private hour: number;
  private minute: number;
  private second: number;
  private weekday: number;
  private info: YearInfo;
  private infoMonth = -1;
  private weekNoMask: Uint8Array | null = null;
  private nthWeekdayMask: Uint8Array | null = null;
  private times: number[];
  private done = false;
  /** Day number of the last period that produced a candidate: the bound on runs of empty periods. */
  private lastHitDay: number;

  constructor(rule: ParsedRule, dtstartLocalSeconds: number) {
    const startDay = Math.floor(dtstartLocalSeconds / 86400);
    const secondOfDay = dtstartLocalSeconds - startDay * 86400;
    const [year, month, day] = civilFromDays(startDay);
    this.freq = rule.freq;
    this.interval = rule.interval;
    this.dtstart = dtstartLocalSeconds;
    this.counted = rule.count !== undefined;
    this.wkst = rule.wkst;
    this.year = year;
    this.month = month;
    this.day = day;
    this.hour = Math.floor(secondOfDay / 3600);
    this.minute = Math.floor((secondOfDay % 3600) / 60);
    this.second = secondOfDay % 60;
    this.weekday = weekdayOfDays(startDay);
    this.lastHitDay = startDay;

    const filters = compiledFilters(rule, month, day, this.weekday, this.hour, this.minute, this.second);
    this.byMonth = filters.byMonth;
    this.byMonthDay = filters.byMonthDay;
    this.byMonthDayFromEnd = filters.byMonthDayFromEnd;
    this.byMonthDayList = filters.byMonthDayList;
    this.byYearDay = filters.byYearDay;
    this.byYearDayFromEnd = filters.byYearDayFromEnd;
    this.byWeekNo = filters.byWeekNo;
    this.byWeekday = filters.byWeekday;
    this.byNthWeekday = filters.byNthWeekday;
    this.byPlainWeekday = filters.byPlainWeekday;
    this.bySetPos = filters.bySetPos;
    this.byHour = filters.byHour;
    this.byMinute = filters.byMinute;
    this.bySecond = filters.bySecond;
    this.dayTimes = filters.dayTimes;
    this.done = filters.bySetPos !== null && filters.bySetPos.length === 0;

    // "A set of recurrence instances starts at the beginning of the interval" (§3.3.10): a weekly rule's first
    // set is the whole week that holds DTSTART, so BYSETPOS counts from the week's start; the instances before
    // DTSTART are dropped afterwards (in `emit`). Monthly and yearly periods already start at their beginning.
    if (this.freq === Freq.Weekly) this.moveToDay(startDay - ((this.weekday - this.wkst + 7) % 7));
    this.times = this.timesAtPosition();
    this.info = yearInfo(this.year);
    this.rebuild();
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

  /**
   * Tells the rule that no time after `localSeconds` is needed: a run of empty periods (a BYSETPOS or a filter
   * that rarely matches) then stops there instead of searching on for the next match.
   */
  endAt(localSeconds: number): void {
    this.end = localSeconds;
  }

  /**
   * Moves the start forward to the period holding `fromLocalSeconds`, keeping the INTERVAL alignment with DTSTART.
   * Only valid when the rule has no COUNT (a count must be taken from DTSTART on).
   */
  skipTo(fromLocalSeconds: number): void {
    if (this.counted || this.done) return;
    const fromDay = Math.floor(fromLocalSeconds / 86400);
    const [fromYear, fromMonth] = civilFromDays(fromDay);
    const interval = this.interval;
    const startDay = daysFromCivil(this.year, this.month, this.day);
    if (this.freq === Freq.Yearly) {
      const steps = Math.floor((fromYear - 1 - this.year) / interval);
      if (steps > 0) this.year += steps * interval;
    } else if (this.freq === Freq.Monthly) {
      const current = this.year * 12 + this.month - 1;
      const steps = Math.floor((fromYear * 12 + fromMonth - 2 - current) / interval);
      if (steps > 0) {
        const target = current + steps * interval;
        this.year = Math.floor(target / 12);
        this.month = (target % 12) + 1;
      }
    } else if (this.freq === Freq.Weekly) {
      const weekStart = startDay - ((this.weekday - this.wkst + 7) % 7);
      const steps = Math.floor((fromDay - 7 - weekStart) / (7 * interval));
      if (steps > 0) this.moveToDay(weekStart + steps * 7 * interval);
    } else if (this.freq === Freq.Daily) {
      const steps = Math.floor((fromDay - 1 - startDay) / interval);
      if (steps > 0) this.moveToDay(startDay + steps * interval);
    } else {
      // Sub-daily positions stay on DTSTART + k × INTERVAL units (filters only skip along that lattice).
      const step = interval * (this.freq === Freq.Hourly ? 3600 : this.freq === Freq.Minutely ? 60 : 1);
      const steps = Math.floor((fromLocalSeconds - this.dtstart) / step);
      if (steps <= 0) return;
      const at = this.dtstart + steps * step;
      const day = Math.floor(at / 86400);
      this.moveToDay(day);
      this.hour = Math.floor((at - day * 86400) / 3600);
      this.minute = Math.floor((at % 3600) / 60);
      this.second = at % 60;
      this.times = this.timesAtPosition();
    }
    this.lastHitDay = Math.max(this.lastHitDay, daysFromCivil(this.year, this.month, 1) - 31);
    this.info = yearInfo(this.year);
    this.infoMonth = -1;
    this.rebuild();
  }

  private moveToDay(days: number): void {
    const [y, m, d] = civilFromDays(days);
    this.year = y;
    this.month = m;
    this.day = d;
    this.weekday = weekdayOfDays(days);
  }

  /**
   * Computes the next non-empty period's occurrences (local seconds, ascending) into {@link batch} and returns
   * how many there are; 0 means the rule is exhausted.
   */
  nextPeriod(): number {
    this.batchSize = 0;
    while (!this.done && this.batchSize === 0) {
      this.expandPeriod();
      this.advance(this.batchSize > 0);
    }
    return this.batchSize;
  }

  /** The current period's occurrences; valid up to the count {@link nextPeriod} returned. */
  readonly batch: number[] = [];
  private batchSize = 0;
  /** Shared scratch: candidates live only within one synchronous `expandPeriod` call. */
  private readonly candidates = scratchCandidates;
  private candidateCount = 0;
  private filtered = false;

  private expandPeriod(): void {
    const info = this.info;
    this.candidateCount = 0;
    if (this.freq <= Freq.Monthly && this.byMonthDayList !== null) {
      this.monthDayCandidates();
    } else if (this.freq <= Freq.Monthly && this.byNthWeekday !== null && this.nthByFastPath()) {
      this.nthWeekdayCandidates();
    } else {
      this.scanCandidates();
    }
    const count = this.candidateCount;
    const times = this.times;
    if (count === 0 || times.length === 0) return;
    const candidates = this.candidates;

    const firstDaySeconds = info.firstDay * 86400;
    if (this.bySetPos) {
      const total = count * times.length;
      const picked: number[] = [];
      for (const pos of this.bySetPos) {
        const index = pos > 0 ? pos - 1 : total + pos;
        if (index < 0 || index >= total) continue;
        const dayIndex = Math.floor(index / times.length);
        const value = firstDaySeconds + (candidates[dayIndex] as number) * 86400 + (times[index % times.length] as number);
        if (!picked.includes(value)) picked.push(value);
      }
      if (picked.length === 0) return;
      picked.sort((a, b) => a - b);
      // Only a period that selects counts as a hit: a BYSETPOS that never selects ends by the 400-year bound.
      this.lastHitDay = Math.floor((picked[0] as number) / 86400);
      for (const value of picked) this.emit(value);
    } else {
      this.lastHitDay = info.firstDay + (candidates[0] as number);
      for (let c = 0; c < count; c++) {
        const daySeconds = firstDaySeconds + (candidates[c] as number) * 86400;
        for (let t = 0; t < times.length; t++) this.emit(daySeconds + (times[t] as number));
      }
    }
  }

  /** The general path: test every day of the period against every filter (dateutil's way). */
  private scanCandidates(): void {
    const info = this.info;
    let start: number;
    let end: number;
    if (this.freq === Freq.Yearly) {
      start = 0;
      end = info.yearLength;
    } else if (this.freq === Freq.Monthly) {
      start = info.monthStart[this.month - 1] as number;
      end = info.monthStart[this.month] as number;
    } else if (this.freq === Freq.Weekly) {
      start = daysFromCivil(this.year, this.month, this.day) - info.firstDay;
      end = start;
      do end++;
      while (end - start < 7 && info.weekday[end] !== this.wkst);
    } else {
      start = daysFromCivil(this.year, this.month, this.day) - info.firstDay;
      end = start + 1;
    }
    for (let i = start; i < end; i++) {
      if (this.accepts(i)) this.candidates[this.candidateCount++] = i;
    }
    this.filtered = this.candidateCount < end - start;
  }

  /** Months the current period covers: the current month, or the year's (BYMONTH) months. */
  private forEachMonthOfPeriod(visit: (first: number, end: number) => void): void {
    const info = this.info;
    if (this.freq === Freq.Monthly) {
      visit(info.monthStart[this.month - 1] as number, info.monthStart[this.month] as number);
      return;
    }
    for (let m = 1; m <= 12; m++) {
      if (this.byMonth === null || this.byMonth[m] === 1) visit(info.monthStart[m - 1] as number, info.monthStart[m] as number);
    }
  }

  /**
   * Fast path for BYMONTHDAY with a monthly or yearly period: the candidate days follow from the month's length
   * instead of a scan of all its days; the other filters still apply.
   */
  private monthDayCandidates(): void {
    const days = this.byMonthDayList as number[];
    this.forEachMonthOfPeriod((first, end) => {
      const from = this.candidateCount;
      for (const day of days) {
        const index = day > 0 ? first + day - 1 : end + day;
        if (index < first || index >= end || !this.accepts(index)) continue;
        this.insertCandidate(index, from);
      }
    });
  }

  /** Fast path for ordinal weekdays (1MO, -1FR) alone: the days are computed, not searched for. */
  private nthWeekdayCandidates(): void {
    const info = this.info;
    const entries = this.byNthWeekday as { weekday: number; nth: number }[];
    const visit = (first: number, end: number) => {
      const from = this.candidateCount;
      for (const { weekday, nth } of entries) {
        const index = nthWeekdayIndex(info, first, end, weekday, nth);
        if (index >= 0 && this.accepts(index)) this.insertCandidate(index, from);
      }
    };
    if (this.freq === Freq.Yearly && this.byMonth === null) visit(0, info.yearLength);
    else this.forEachMonthOfPeriod(visit);
  }

  /** Adds a day index to the candidates of the current month (from `from` on), keeping them sorted and unique. */
  private insertCandidate(index: number, from: number): void {
    const candidates = this.candidates;
    let at = this.candidateCount;
    while (at > from && (candidates[at - 1] as number) > index) at--;
    if (at > from && candidates[at - 1] === index) return;
    candidates.copyWithin(at + 1, at, this.candidateCount);
    candidates[at] = index;
    this.candidateCount++;
  }

  private emit(value: number): void {
    if (value < this.dtstart) return;
    this.batch[this.batchSize++] = value;
  }

  /** Whether day index `i` of the current year passes every BYxxx filter. */
  private accepts(i: number): boolean {
    const info = this.info;
    if (this.byMonth !== null && this.byMonth[info.month[i] as number] === 0) return false;
    if (this.weekNoMask !== null && this.weekNoMask[i] === 0) return false;
    if (this.byWeekday !== null && this.byWeekday[info.weekday[i] as number] === 0) return false;
    if (this.nthWeekdayMask !== null && this.nthWeekdayMask[i] === 0) return false;
    if (
      this.byMonthDay !== null &&
      this.byMonthDay[info.monthDay[i] as number] === 0 &&
      (this.byMonthDayFromEnd as Uint8Array)[info.monthDayFromEnd[i] as number] === 0
    ) {
      return false;
    }
    if (this.byYearDay !== null) {
      const fromEnd = this.byYearDayFromEnd as Uint8Array;
      if (i < info.yearLength) {
        if (this.byYearDay[i + 1] === 0 && fromEnd[info.yearLength - i] === 0) return false;
      } else {
        const j = i - info.yearLength;
        if (this.byYearDay[j + 1] === 0 && fromEnd[info.nextYearLength - j] === 0) return false;
      }
    }
    return true;
  }

  /** Steps to the next period by INTERVAL; ends the rule at year 9999 or after a full cycle without a hit. */
  private advance(hit: boolean): void {
    if (this.done) return;
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
        this.day += (this.wkst > this.weekday ? -(this.weekday + 1 + (6 - this.wkst)) : -(this.weekday - this.wkst)) + interval * 7;
        this.weekday = this.wkst;
        dayChanged = true;
        break;
      case Freq.Daily:
        this.day += interval;
        dayChanged = true;
        break;
      default:
        dayChanged = this.advanceWithinDays();
        if (this.done) return;
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
    if (this.year > 9999) {
      this.done = true;
      return;
    }
    if (!hit) {
      // An empty period past the range's end ends the rule; so does a full 400-year Gregorian cycle (scaled by
      // INTERVAL) without a hit: the calendar repeats after it, so the rule can never match again.
      const periodStart = daysFromCivil(
        this.year,
        this.freq === Freq.Yearly ? 1 : this.month,
        this.freq <= Freq.Monthly ? 1 : this.day,
      );
      if (periodStart * 86400 > this.end || periodStart - this.lastHitDay > 146097 * interval + 366) {
        this.done = true;
        return;
      }
    }
    if (this.year !== this.info.year) {
      this.info = yearInfo(this.year);
      this.infoMonth = -1;
    }
    this.rebuild();
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

  /** HOURLY, MINUTELY and SECONDLY stepping; returns whether the day moved. */
  private advanceWithinDays(): boolean {
    const interval = this.interval;
    let days = 0;
    if (this.freq === Freq.Hourly) {
      if (this.filtered) this.hour += Math.floor((23 - this.hour) / interval) * interval;
      if (this.byHour) {
        const next = this.nextInSet(this.hour, this.byHour, 24);
        if (next === null) return this.finish();
        [days, this.hour] = next;
      } else {
        days = Math.floor((this.hour + interval) / 24);
        this.hour = (this.hour + interval) % 24;
      }
    } else {
      days = this.stepMinutesOrSeconds();
      if (days < 0) return this.finish();
    }
    this.times = this.subDayTimes();
    if (days > 0) {
      this.day += days;
      return true;
    }
    return false;
  }

  /**
   * MINUTELY and SECONDLY stepping, as one walk along the day in the frequency's unit: the position (minute or
   * second of the day; a MINUTELY rule keeps its second) moves by INTERVAL units to the next one in BYMINUTE or
   * BYSECOND, the unit's own set (dateutil's `__mod_distance`), and then over every coarser field that the rule
   * rules out (BYHOUR; BYMINUTE under SECONDLY) to the last position on the lattice before its next allowed value,
   * so that the next step lands in it. Returns the days moved, or −1 when no position can ever be valid.
   */
  private stepMinutesOrSeconds(): number {
    const interval = this.interval;
    const minutely = this.freq === Freq.Minutely;
    const unitsPerHour = minutely ? 60 : 3600;
    const unitsPerDay = unitsPerHour * 24;
    const unitSet = minutely ? this.byMinute : this.bySecond;
    const byHour = this.byHour;
    const byMinute = minutely ? null : this.byMinute;
    let position = minutely ? this.hour * 60 + this.minute : this.hour * 3600 + this.minute * 60 + this.second;
    if (this.filtered) position += Math.floor((unitsPerDay - 1 - position) / interval) * interval;
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
          const boundary = (position - (position % 3600)) + nextAllowed(minute, byMinute, 60) * 60;
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

  private finish(): boolean {
    this.done = true;
    return false;
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
      for (const m of this.byMinute as number[]) for (const s of this.bySecond as number[]) times.push(base + m * 60 + s);
      return times.sort((a, b) => a - b);
    }
    if (this.freq === Freq.Minutely) {
      return (this.bySecond as number[]).map((s) => base + this.minute * 60 + s).sort((a, b) => a - b);
    }
    return [base + this.minute * 60 + this.second];
  }

  /** Whether ordinal weekdays are computed directly (alone, without BYMONTHDAY or plain weekdays to merge with). */
  private nthByFastPath(): boolean {
    return this.freq <= Freq.Monthly && this.byMonthDay === null && this.byPlainWeekday === null;
  }

  /** Recomputes the rule-specific masks (week numbers, nth weekdays) for the current year/month. */
  private rebuild(): void {
    const info = this.info;
    if (this.byWeekNo !== null && (this.weekNoMask === null || this.infoMonth === -1)) {
      this.weekNoMask = weekNumberMask(info, this.byWeekNo, this.wkst);
    }
    if (this.byNthWeekday !== null && !this.nthByFastPath() && this.infoMonth !== this.month) {
      const byMonth = this.freq === Freq.Yearly ? this.byMonth : null;
      const plain = this.byPlainWeekday;
      this.nthWeekdayMask = nthWeekdayMask(info, this.byNthWeekday, plain, this.freq, byMonth, this.month);
    }
    this.infoMonth = this.month;
  }
}

/** The first value of an ascending set after `value`, or the set's first plus `base` (it wraps around). */
function nextAllowed(value: number, sorted: number[], base: number): number {
  for (const candidate of sorted) if (candidate > value) return candidate;
  return (sorted[0] as number) + base;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

const scratchCandidates = new Int32Array(380);
