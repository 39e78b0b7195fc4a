import { isLeapYear, weekdayOfDays } from '../../time/civil.js';
import type { YearInfo } from '../year-info.js';

/**
 * Weeks in a year under RFC 5545 §3.3.10 numbering (week 1 is the first with at least four days of the year, weeks
 * start on WKST): 53 when the year starts on the week's fourth day, or on its third in a leap year; else 52.
 */
function weeksInYear(firstWeekday: number, yearLength: number, wkst: number): number {
  const position = (firstWeekday - wkst + 7) % 7;
  return position === 3 || (position === 2 && yearLength === 366) ? 53 : 52;
}

/** Days of the year that fall in one of the BYWEEKNO weeks (ISO-style numbering with week start WKST). */
export function weekNumberMask(info: YearInfo, weekNumbers: number[], wkst: number): Uint8Array {
  const result = new Uint8Array(info.yearLength + 7);
  const firstWkst = (7 - info.firstWeekday + wkst) % 7;
  // Week 1 starts in the previous year when this year's first week start is its 5th day or later.
  const firstWeekStart = firstWkst >= 4 ? 0 : firstWkst;
  const weeks = weeksInYear(info.firstWeekday, info.yearLength, wkst);
  const markWeek = (from: number) => {
    let i = from;
    for (let j = 0; j < 7; j++) {
      result[i] = 1;
      i++;
      if (info.weekday[i] === wkst) break;
    }
  };
  for (const requested of weekNumbers) {
    const n = requested < 0 ? requested + weeks + 1 : requested;
    if (n <= 0 || n > weeks) continue;
    let i: number;
    if (n > 1) {
      i = firstWeekStart + (n - 1) * 7;
      if (firstWeekStart !== firstWkst) i -= 7 - firstWkst;
    } else {
      i = firstWeekStart;
    }
    markWeek(i);
  }
  if (weekNumbers.includes(1)) {
    // Week 1 of next year may begin in the last days of this one.
    let i = firstWeekStart + weeks * 7;
    if (firstWeekStart !== firstWkst) i -= 7 - firstWkst;
    if (i < info.yearLength) markWeek(i);
  }
  if (firstWeekStart !== 0) {
    // The first days of the year may belong to the last week of the previous year.
    // The previous year's own week count (python-dateutil and rrule.js use this year's length here, which puts
    // early-January days in week 53 of a 52-week year).
    const previousLength = isLeapYear(info.year - 1) ? 366 : 365;
    const previousFirstWeekday = weekdayOfDays(info.firstDay - previousLength);
    const lastYearWeeks = weekNumbers.includes(-1) ? -1 : weeksInYear(previousFirstWeekday, previousLength, wkst);
    if (weekNumbers.includes(lastYearWeeks)) {
      for (let i = 0; i < firstWeekStart; i++) result[i] = 1;
    }
  }
  return result;
}
