// W1: 2,000 contracts cycling five rules, dtstart 2024-01-05 09:00 Europe/Amsterdam, every occurrence from
// 2025-01-01 to 2027-01-01 (106,800 occurrences). expandRRule against rrule.js with a TZID and rrule.js in its
// floating mode (+ luxon to place the wall times in the zone), all measured in this run.
import { DateTime } from 'luxon';
import rrulePackage from 'rrule';
import { expandRRule } from '../dist/esm/index.js';
import { median, perSecond, timeRounds } from './measure.mjs';

const { RRule } = rrulePackage;

const RULES = [
  'FREQ=MONTHLY;INTERVAL=1',
  'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15',
  'FREQ=WEEKLY;BYDAY=MO,TH',
  'FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO',
  'FREQ=MONTHLY;BYMONTHDAY=-1',
];
const CONTRACTS = 2000;
const EXPECTED = 106_800;
const TZID = 'Europe/Amsterdam';
const FROM = '2025-01-01T00:00:00';
const UNTIL = '2027-01-01T00:00:00';
/** rrule.js with a TZID manages ~2,600 occurrences/s: a subset keeps the run short; it is reported per second. */
const TZID_SUBSET = 20;

const ruleOf = (i) => RULES[i % RULES.length];

function ours() {
  let count = 0;
  for (let i = 0; i < CONTRACTS; i++) {
    count += expandRRule(
      { rrule: ruleOf(i), dtstart: '2024-01-05T09:00:00', tzid: TZID },
      { from: FROM, until: UNTIL },
    ).length;
  }
  return count;
}

// rrule.js "floating" mode: Dates whose UTC fields are the wall time.
const floatingStart = new Date(Date.UTC(2024, 0, 5, 9, 0, 0));
const floatingFrom = new Date(Date.UTC(2025, 0, 1));
const floatingUntil = new Date(Date.UTC(2027, 0, 1));
const floatingRules = RULES.map((rule) => new RRule({ ...RRule.parseString(rule), dtstart: floatingStart }));

function rruleFloating(convert) {
  let count = 0;
  const all = [];
  for (let i = 0; i < CONTRACTS; i++) {
    // A fresh RRule per contract, as a service expanding 2,000 different contracts would build them.
    const rule = new RRule({ ...floatingRules[i % RULES.length].origOptions });
    const dates = rule.between(floatingFrom, floatingUntil, true);
    count += dates.length;
    if (convert) for (const date of dates) all.push(toZone(date));
  }
  return count;
}

/** The wall time rrule.js produced, placed in the zone with luxon, in the shape expandRRule returns. */
function toZone(date) {
  const local = DateTime.fromObject(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
    },
    { zone: TZID },
  );
  return {
    local: local.toFormat("yyyy-LL-dd'T'HH:mm:ss"),
    instant: local.toUTC().toFormat("yyyy-LL-dd'T'HH:mm:ss'Z'"),
    offset: local.toFormat('ZZ'),
  };
}

function rruleWithTzid() {
  let count = 0;
  for (let i = 0; i < TZID_SUBSET; i++) {
    const rule = new RRule({ ...RRule.parseString(ruleOf(i)), dtstart: floatingStart, tzid: TZID });
    count += rule.between(new Date('2024-12-31T23:00:00Z'), new Date('2026-12-31T23:00:00Z'), true).length;
  }
  return count;
}

function sameDates() {
  for (let r = 0; r < RULES.length; r++) {
    const mine = expandRRule(
      { rrule: RULES[r], dtstart: '2024-01-05T09:00:00', tzid: TZID },
      { from: FROM, until: UNTIL },
    );
    const theirs = floatingRules[r].between(floatingFrom, floatingUntil, true).map(toZone);
    if (JSON.stringify(mine) !== JSON.stringify(theirs)) {
      const at = mine.findIndex((o, i) => JSON.stringify(o) !== JSON.stringify(theirs[i]));
      return `rule ${RULES[r]}: first difference at #${at}: ${JSON.stringify(mine[at])} vs ${JSON.stringify(theirs[at])}`;
    }
  }
  return null;
}

export function runW1({ rounds = 7 } = {}) {
  const count = ours();
  if (count !== EXPECTED) throw new Error(`W1 produced ${count} occurrences, expected ${EXPECTED}`);
  const difference = sameDates();

  const oursTimes = timeRounds(ours, rounds);
  const floatingTimes = timeRounds(() => rruleFloating(false), rounds);
  const floatingLuxonTimes = timeRounds(() => rruleFloating(true), rounds);
  const tzidCount = rruleWithTzid();
  const tzidTimes = timeRounds(rruleWithTzid, 3);

  const rows = [
    { method: 'expandRRule (@contractbeheer/core)', occurrences: EXPECTED, times: oursTimes },
    { method: 'rrule.js floating mode', occurrences: EXPECTED, times: floatingTimes },
    { method: 'rrule.js floating mode + luxon', occurrences: EXPECTED, times: floatingLuxonTimes },
    { method: `rrule.js with TZID (${TZID_SUBSET} contracts)`, occurrences: tzidCount, times: tzidTimes },
  ].map((row) => ({ ...row, rate: perSecond(row.occurrences, median(row.times)) }));
  return { rows, difference, tzidSubsetExpected: (EXPECTED / CONTRACTS) * TZID_SUBSET, tzidCount };
}
