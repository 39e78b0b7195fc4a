// Properties of expandRRule over random rules, zones and windows. Offsets and wall times are checked against
// Intl.DateTimeFormat (the platform's zone database, computed independently of the library's own zone timeline).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CoreError,
  expandRRule,
  iterateRRule,
  type ExpansionRange,
  type Occurrence,
  type RRuleInput,
} from '../src/index.js';
import { ZONES, addDays, pad2, ruleSpecArb, ruleText, type RuleSpec } from './support/rule-arbitrary.js';

const PROPERTY_TIMEOUT = 60_000;
const runs = (numRuns: number) => ({ numRuns, endOnFailure: true });

// ---------------------------------------------------------------------------------------------------------------
// Oracles

/** Milliseconds of a local 'YYYY-MM-DDTHH:mm:ss' read as if it were UTC. */
const localMs = (local: string): number => Date.parse(`${local}Z`);

/** '+05:30' → 330, '-04:00' → -240. */
function offsetMinutes(offset: string): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!m) throw new Error(`malformed offset ${offset}`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tzid: string): Intl.DateTimeFormat {
  let f = formatters.get(tzid);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tzid,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    });
    formatters.set(tzid, f);
  }
  return f;
}

/** The wall time and offset of a UTC instant in a zone, by Intl. */
function intlWallTime(instantMs: number, tzid: string): { local: string; offset: string } {
  const parts: Record<string, string> = {};
  for (const part of formatter(tzid).formatToParts(new Date(instantMs))) parts[part.type] = part.value;
  const name = parts.timeZoneName ?? '';
  const offset = name === 'GMT' ? '+00:00' : name.replace(/^GMT/, '');
  const local = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
  return { local, offset };
}

/** The local days (2019…2030) on which a zone's offset changes, found with Intl. */
const transitionCache = new Map<string, string[]>();
function transitionDays(tzid: string): string[] {
  let days = transitionCache.get(tzid);
  if (!days) {
    days = [];
    const start = Date.UTC(2019, 0, 1, 12);
    let previous = intlWallTime(start, tzid).offset;
    for (let t = start + 86_400_000; t < Date.UTC(2031, 0, 1); t += 86_400_000) {
      const { offset } = intlWallTime(t, tzid);
      if (offset !== previous) days.push(new Date(t).toISOString().slice(0, 10));
      previous = offset;
    }
    transitionCache.set(tzid, days);
  }
  return days;
}

// ---------------------------------------------------------------------------------------------------------------
// Checks shared by the properties

const rangeEnd = (until: string): string => (until.length === 10 ? `${until}T23:59:59` : until);

function checkOccurrences(result: Occurrence[], tzid: string, range: ExpansionRange): void {
  const label = (o: Occurrence) => `${o.local} ${o.instant} ${o.offset} (${tzid})`;
  let previous = -Infinity;
  // Intl is slow-ish: check every occurrence's wall time on at most ~150 of them, evenly spread.
  const stride = Math.max(1, Math.ceil(result.length / 150));
  result.forEach((o, i) => {
    expect(o.local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(o.instant).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const instant = Date.parse(o.instant);
    // Strictly increasing: ordered, no duplicates.
    expect(instant, label(o)).toBeGreaterThan(previous);
    previous = instant;
    // instant = local − offset.
    expect(localMs(o.local) - offsetMinutes(o.offset) * 60_000, label(o)).toBe(instant);
    // Inside the window.
    if (range.from !== undefined) expect(o.local >= range.from, `${label(o)} ≥ ${range.from}`).toBe(true);
    if (range.until !== undefined) expect(o.local <= rangeEnd(range.until), `${label(o)} ≤ ${range.until}`).toBe(true);
    // The zone really has that wall time and offset at that instant.
    if (i % stride === 0 || i === result.length - 1) {
      expect(intlWallTime(instant, tzid), label(o)).toEqual({ local: o.local, offset: o.offset });
    }
  });
  if (range.limit !== undefined) expect(result.length).toBeLessThanOrEqual(range.limit);
}

function withProcessTz<T>(tz: string, run: () => T): T {
  const saved = process.env.TZ;
  try {
    process.env.TZ = tz;
    return run();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Generators

type Case = { input: RRuleInput; range: ExpansionRange; spec: RuleSpec };

const zoneArb = fc.constantFrom(...ZONES);
const timeArb = fc.constantFrom(
  '00:00:00',
  '01:30:00',
  '02:15:00',
  '02:30:00',
  '09:00:00',
  '09:00:01',
  '12:34:56',
  '23:59:59',
);

/** A random window around DTSTART: optional from, optional until (bare date or date-time), optional limit. */
function rangeArb(dtstart: string, endless: boolean): fc.Arbitrary<ExpansionRange> {
  return fc
    .record({
      from: fc.option(fc.tuple(fc.integer({ min: -40, max: 5 * 366 }), timeArb), { nil: undefined }),
      until: fc.option(fc.tuple(fc.integer({ min: 0, max: 900 }), fc.option(timeArb, { nil: undefined })), {
        nil: undefined,
      }),
      limit: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    })
    .map(({ from, until, limit }) => {
      const range: ExpansionRange = {};
      const fromText = from && `${addDays(dtstart, from[0]).slice(0, 10)}T${from[1]}`;
      if (fromText !== undefined) range.from = fromText;
      if (until) {
        const day = addDays(fromText ?? dtstart, until[0]).slice(0, 10);
        range.until = until[1] === undefined ? day : `${day}T${until[1]}`;
        if (fromText !== undefined && rangeEnd(range.until) < fromText) range.until = rangeEnd(fromText);
      }
      if (limit !== undefined) range.limit = limit;
      // An endless rule needs some bound.
      if (endless && range.until === undefined && range.limit === undefined) range.limit = 25;
      return range;
    });
}

/** Rules of the shared family (optionally endless), at a random time of day, in a random zone, with a random window. */
const caseArb: fc.Arbitrary<Case> = fc
  .tuple(ruleSpecArb, fc.boolean(), zoneArb, timeArb)
  .chain(([spec0, endless, tzid, time]) => {
    const spec: RuleSpec = {
      ...spec0,
      dtstart: `${spec0.dtstart.slice(0, 10)}T${time}`,
      ...(endless && { end: null }),
    };
    return rangeArb(spec.dtstart, endless).map((range) => ({
      input: { rrule: ruleText(spec), dtstart: spec.dtstart, tzid },
      range,
      spec,
    }));
  });

/** Sub-daily rules starting shortly before a DST transition of their zone (or any day, for zones without one). */
const subDailyCaseArb: fc.Arbitrary<Case> = zoneArb.chain((tzid) => {
  const transitions = transitionDays(tzid);
  const dayArb =
    transitions.length > 0
      ? fc
          .tuple(fc.constantFrom(...transitions), fc.integer({ min: -2, max: 0 }))
          .map(([d, shift]) => addDays(`${d}T00:00:00`, shift))
      : fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2020-01-01T00:00:00', n));
  return fc
    .record({
      day: dayArb,
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.constantFrom(0, 15, 30, 45),
      rule: fc.oneof(
        fc.record({ freq: fc.constant('HOURLY'), interval: fc.integer({ min: 1, max: 5 }) }),
        fc.record({ freq: fc.constant('MINUTELY'), interval: fc.constantFrom(7, 15, 30, 45, 60, 90) }),
      ),
      byHour: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }), {
        nil: undefined,
      }),
      count: fc.integer({ min: 1, max: 150 }),
      limit: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    })
    .map(({ day, hour, minute, rule, byHour, count, limit }) => {
      const dtstart = `${day.slice(0, 10)}T${pad2(hour)}:${pad2(minute)}:00`;
      const parts = [`FREQ=${rule.freq}`, `INTERVAL=${rule.interval}`, `COUNT=${count}`];
      if (byHour) parts.push(`BYHOUR=${byHour.join(',')}`);
      const range: ExpansionRange = limit === undefined ? {} : { limit };
      const spec: RuleSpec = { freq: 'DAILY', interval: 1, end: { count }, dtstart };
      return { input: { rrule: parts.join(';'), dtstart, tzid }, range, spec };
    });
});

const describeCase = (c: Case): string => `${JSON.stringify(c.input)} ${JSON.stringify(c.range)}`;

// ---------------------------------------------------------------------------------------------------------------

describe('expandRRule properties', () => {
  it(
    'strictly increasing instants, locals inside [from, until], limit respected, instant = local − offset',
    () => {
      fc.assert(
        fc.property(caseArb, (c) => {
          checkOccurrences(expandRRule(c.input, c.range), c.input.tzid, c.range);
        }),
        runs(300),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'the same holds for sub-daily rules across DST transitions',
    () => {
      fc.assert(
        fc.property(subDailyCaseArb, (c) => {
          const result = expandRRule(c.input, c.range);
          checkOccurrences(result, c.input.tzid, c.range);
        }),
        runs(300),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'a limit returns a prefix of the unlimited expansion',
    () => {
      fc.assert(
        fc.property(caseArb, (c) => {
          fc.pre(c.spec.end !== null || c.range.until !== undefined);
          const { limit, ...unlimited } = c.range;
          const all = expandRRule(c.input, unlimited);
          const limited = expandRRule(c.input, { ...unlimited, limit: limit ?? 5 });
          expect(limited, describeCase(c)).toEqual(all.slice(0, limit ?? 5));
        }),
        runs(200),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    '`from` only cuts off the head: the result is the expansion from DTSTART filtered by local ≥ from',
    () => {
      fc.assert(
        fc.property(caseArb, (c) => {
          fc.pre(c.range.from !== undefined && (c.spec.end !== null || c.range.until !== undefined));
          const from = c.range.from;
          const { limit, ...window } = c.range;
          const { from: _ignored, ...fromStart } = window;
          const expected = expandRRule(c.input, fromStart).filter((o) => o.local >= from);
          const actual = expandRRule(c.input, window);
          expect(actual, describeCase(c)).toEqual(expected);
          if (limit !== undefined) expect(expandRRule(c.input, c.range)).toEqual(expected.slice(0, limit));
        }),
        runs(200),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'iterateRRule yields exactly what expandRRule returns',
    () => {
      fc.assert(
        fc.property(fc.oneof(caseArb, subDailyCaseArb), (c) => {
          expect([...iterateRRule(c.input, c.range)], describeCase(c)).toEqual(expandRRule(c.input, c.range));
        }),
        runs(200),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'iterateRRule can be stopped early on an endless rule without a range',
    () => {
      fc.assert(
        fc.property(caseArb, fc.integer({ min: 0, max: 30 }), (c, n) => {
          const input = { ...c.input, rrule: ruleText({ ...c.spec, end: null }) };
          const taken: Occurrence[] = [];
          for (const o of iterateRRule(input)) {
            if (taken.length >= n) break;
            taken.push(o);
          }
          expect(taken, describeCase(c)).toEqual(expandRRule(input, { limit: n }));
        }),
        runs(100),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'the result does not depend on process.env.TZ',
    () => {
      fc.assert(
        fc.property(fc.oneof(caseArb, subDailyCaseArb), (c) => {
          const inNewYork = withProcessTz('America/New_York', () => {
            // The switch took effect: 2025-01-15T00:00Z is 19:00 the day before in New York.
            expect(new Date(Date.UTC(2025, 0, 15)).getHours()).toBe(19);
            return expandRRule(c.input, c.range);
          });
          const inKolkata = withProcessTz('Asia/Kolkata', () => {
            expect(new Date(Date.UTC(2025, 0, 15)).getHours()).toBe(5);
            return expandRRule(c.input, c.range);
          });
          expect(inKolkata, describeCase(c)).toEqual(inNewYork);
        }),
        runs(100),
      );
    },
    PROPERTY_TIMEOUT,
  );

  it('an endless rule without until or limit is refused with invalid-range', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const input = { ...c.input, rrule: ruleText({ ...c.spec, end: null }) };
        const from = c.range.from === undefined ? {} : { from: c.range.from };
        let error: unknown;
        try {
          expandRRule(input, from);
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(CoreError);
        expect((error as CoreError).code).toBe('invalid-range');
      }),
      runs(50),
    );
  });
});
