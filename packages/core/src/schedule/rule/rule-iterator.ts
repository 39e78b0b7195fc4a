import { civilFromDays, daysFromCivil, weekdayOfDays } from '../../time/civil.js';
import { Freq, type ParsedRule } from '../rrule-parse.js';
import { yearInfo, type YearInfo } from '../year-info.js';
import { compiledFilters } from './compile-filters.js';
import { nthWeekdayIndex, nthWeekdayMask } from './nth-weekday.js';
import { RulePosition } from './rule-position.js';
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
 *
 * This class finds each period's occurrences; {@link RulePosition} says which period is next, the filters come
 * compiled from `compile-filters.ts`, and the BYWEEKNO and ordinal-weekday days from their own files.
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
  private readonly wkst: number;

  /** The period expanded next, stepped by INTERVAL. */
  private readonly position: RulePosition;
  private info: YearInfo;
  private infoMonth = -1;
  private weekNoMask: Uint8Array | null = null;
  private nthWeekdayMask: Uint8Array | null = null;
  private done = false;
  /** Day number of the last period that produced a candidate: the bound on runs of empty periods. */
  private lastHitDay: number;

  constructor(rule: ParsedRule, dtstartLocalSeconds: number) {
    const startDay = Math.floor(dtstartLocalSeconds / 86400);
    const secondOfDay = dtstartLocalSeconds - startDay * 86400;
    const [, month, day] = civilFromDays(startDay);
    this.freq = rule.freq;
    this.interval = rule.interval;
    this.dtstart = dtstartLocalSeconds;
    this.counted = rule.count !== undefined;
    this.wkst = rule.wkst;
    this.lastHitDay = startDay;

    const hour = Math.floor(secondOfDay / 3600);
    const minute = Math.floor((secondOfDay % 3600) / 60);
    const second = secondOfDay % 60;
    const filters = compiledFilters(rule, month, day, weekdayOfDays(startDay), hour, minute, second);
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
    this.done = filters.bySetPos !== null && filters.bySetPos.length === 0;
    this.position = new RulePosition(rule, dtstartLocalSeconds, filters);
    this.info = yearInfo(this.position.year);
    this.rebuild();
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
    if (!this.position.skipTo(fromLocalSeconds)) return;
    const { year, month } = this.position;
    this.lastHitDay = Math.max(this.lastHitDay, daysFromCivil(year, month, 1) - 31);
    this.info = yearInfo(year);
    this.infoMonth = -1;
    this.rebuild();
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
    const times = this.position.times;
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
        const time = times[index % times.length] as number;
        const value = firstDaySeconds + (candidates[dayIndex] as number) * 86400 + time;
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
    const { year, month, day } = this.position;
    let start: number;
    let end: number;
    if (this.freq === Freq.Yearly) {
      start = 0;
      end = info.yearLength;
    } else if (this.freq === Freq.Monthly) {
      start = info.monthStart[month - 1] as number;
      end = info.monthStart[month] as number;
    } else if (this.freq === Freq.Weekly) {
      start = daysFromCivil(year, month, day) - info.firstDay;
      end = start;
      do end++;
      while (end - start < 7 && info.weekday[end] !== this.wkst);
    } else {
      start = daysFromCivil(year, month, day) - info.firstDay;
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
      const month = this.position.month;
      visit(info.monthStart[month - 1] as number, info.monthStart[month] as number);
      return;
    }
    for (let m = 1; m <= 12; m++) {
      if (this.byMonth === null || this.byMonth[m] === 1) {
        visit(info.monthStart[m - 1] as number, info.monthStart[m] as number);
      }
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
    if (!this.position.step(hit, this.filtered)) {
      this.done = true;
      return;
    }
    if (!hit) {
      // An empty period past the range's end ends the rule; so does a full 400-year Gregorian cycle (scaled by
      // INTERVAL) without a hit: the calendar repeats after it, so the rule can never match again.
      const periodStart = this.position.periodStartDay();
      if (periodStart * 86400 > this.end || periodStart - this.lastHitDay > 146097 * this.interval + 366) {
        this.done = true;
        return;
      }
    }
    if (this.position.year !== this.info.year) {
      this.info = yearInfo(this.position.year);
      this.infoMonth = -1;
    }
    this.rebuild();
  }

  /** Whether ordinal weekdays are computed directly (alone, without BYMONTHDAY or plain weekdays to merge with). */
  private nthByFastPath(): boolean {
    return this.freq <= Freq.Monthly && this.byMonthDay === null && this.byPlainWeekday === null;
  }

  /** Recomputes the rule-specific masks (week numbers, nth weekdays) for the current year/month. */
  private rebuild(): void {
    const info = this.info;
    const month = this.position.month;
    if (this.byWeekNo !== null && (this.weekNoMask === null || this.infoMonth === -1)) {
      this.weekNoMask = weekNumberMask(info, this.byWeekNo, this.wkst);
    }
    if (this.byNthWeekday !== null && !this.nthByFastPath() && this.infoMonth !== month) {
      const byMonth = this.freq === Freq.Yearly ? this.byMonth : null;
      const plain = this.byPlainWeekday;
      this.nthWeekdayMask = nthWeekdayMask(info, this.byNthWeekday, plain, this.freq, byMonth, month);
    }
    this.infoMonth = month;
  }
}

const scratchCandidates = new Int32Array(380);
