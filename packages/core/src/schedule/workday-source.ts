import { dutchPublicHolidays } from '../calendar/dutch-public-holidays.js';
import { civilFromDays, daysFromCivil, weekdayOfDays } from '../time/civil.js';
import type { LocalTimeSource } from './occurrence-stream.js';

/** Years past this are not expanded (the same bound as RRULEs). */
const LAST_DAY = daysFromCivil(9999, 12, 31);
const BATCH = 32;

/**
 * "Every N workdays": Monday to Friday minus the holidays, counting workdays (not calendar days) from the first
 * workday on or after the start. No RRULE can say this, so it is its own source of local times.
 */
export class WorkdaySource implements LocalTimeSource {
  readonly batch: number[] = [];
  private day: number;
  /** Workdays still to pass before the next occurrence; 0 = the next workday is one. */
  private skip = 0;
  private readonly timeOfDay: number;
  private readonly holidayYears = new Map<number, Set<number>>();

  constructor(
    dtstartLocalSeconds: number,
    private readonly interval: number,
    private readonly holidays: 'nl' | ReadonlySet<number>,
  ) {
    this.day = Math.floor(dtstartLocalSeconds / 86400);
    this.timeOfDay = dtstartLocalSeconds - this.day * 86400;
  }

  private isHoliday(day: number): boolean {
    if (this.holidays !== 'nl') return this.holidays.has(day);
    const year = civilFromDays(day)[0];
    let days = this.holidayYears.get(year);
    if (days === undefined) {
      days = new Set(
        dutchPublicHolidays(year)
          .filter((holiday) => holiday.dayOff)
          .map((holiday) => daysFromCivil(year, Number(holiday.date.slice(5, 7)), Number(holiday.date.slice(8, 10)))),
      );
      this.holidayYears.set(year, days);
    }
    return days.has(day);
  }

  private isWorkday(day: number): boolean {
    return weekdayOfDays(day) < 5 && !this.isHoliday(day);
  }

  nextPeriod(): number {
    const batch = this.batch;
    batch.length = 0;
    // Every week has five weekdays and a holiday list is finite, so this loop always advances.
    while (batch.length < BATCH && this.day <= LAST_DAY) {
      const day = this.day++;
      if (!this.isWorkday(day)) continue;
      if (this.skip > 0) {
        this.skip--;
        continue;
      }
      batch.push(day * 86400 + this.timeOfDay);
      this.skip = this.interval - 1;
    }
    return batch.length;
  }

  /** With N = 1 the count does not matter and the walk can jump; with N > 1 the count must be walked. */
  skipTo(fromLocalSeconds: number): void {
    if (this.interval !== 1) return;
    this.day = Math.max(this.day, Math.floor(fromLocalSeconds / 86400));
  }
}
