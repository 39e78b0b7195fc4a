// addWorkingMinutes over 1,000,000 calls on an Amsterdam office calendar (08:00–17:00, Dutch days off), against a
// naive minute-by-minute walk that asks luxon for each minute's local time. The naive walk is far slower, so it
// runs on the first calls only and is compared per call; both must give the same answers.
import { DateTime } from 'luxon';
import { addWorkingMinutes, dutchDaysOff } from '../dist/esm/index.js';
import { median, perSecond, timeRounds } from './measure.mjs';

const CALLS = 1_000_000;
const NAIVE_CALLS = 60;
const hours = [['08:00', '17:00']];
const calendar = {
  tzid: 'Europe/Amsterdam',
  hours: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [], sun: [] },
  holidays: dutchDaysOff(2024, 2028),
};

/** A fixed pseudo-random sequence (mulberry32), so every run measures the same calls. */
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(20251123);
const base = Date.UTC(2025, 0, 1) / 1000;
const calls = Array.from({ length: CALLS }, () => {
  const start = base + Math.floor(next() * 365 * 24 * 60) * 60;
  return {
    start: `${new Date(start * 1000).toISOString().slice(0, 19)}Z`,
    minutes: 1 + Math.floor(next() * 3 * 9 * 60),
  };
});

const holidaySet = new Set(calendar.holidays);
/** The naive way: walk minute by minute, asking luxon whether each minute is working time. */
function naiveAdd(start, minutes) {
  let t = DateTime.fromISO(start, { zone: 'utc' }).setZone(calendar.tzid);
  let left = minutes;
  const working = (moment) => {
    if (moment.weekday > 5 || holidaySet.has(moment.toISODate())) return false;
    const minuteOfDay = moment.hour * 60 + moment.minute;
    return minuteOfDay >= 8 * 60 && minuteOfDay < 17 * 60;
  };
  while (!working(t)) t = t.plus({ minutes: 1 });
  while (left > 0) {
    if (working(t)) left--;
    t = t.plus({ minutes: 1 });
  }
  return t.toUTC().toFormat("yyyy-LL-dd'T'HH:mm:ss'Z'");
}

export function runSla({ rounds = 5 } = {}) {
  let mismatch = null;
  for (let i = 0; i < NAIVE_CALLS && mismatch === null; i++) {
    const { start, minutes } = calls[i];
    const ours = addWorkingMinutes(calendar, start, minutes);
    const naive = naiveAdd(start, minutes);
    if (ours !== naive) mismatch = `${start} + ${minutes} min: ${ours} vs naive ${naive}`;
  }
  const ours = timeRounds(() => {
    for (const { start, minutes } of calls) addWorkingMinutes(calendar, start, minutes);
  }, rounds);
  const naive = timeRounds(() => {
    for (let i = 0; i < NAIVE_CALLS; i++) naiveAdd(calls[i].start, calls[i].minutes);
  }, 3);
  return {
    oursRate: perSecond(CALLS, median(ours)),
    oursTimes: ours,
    naiveRate: perSecond(NAIVE_CALLS, median(naive)),
    naiveTimes: naive,
    mismatch,
    calls: CALLS,
    naiveCalls: NAIVE_CALLS,
  };
}
