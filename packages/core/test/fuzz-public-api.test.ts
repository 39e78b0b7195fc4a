// Every public function of the engine (except the RRULE/schedule expanders, fuzzed with the engine) gets random and
// hostile input: wrong types, NaN/Infinity/-0/unsafe integers, huge strings, dates at and past the supported range,
// `__proto__` keys and random objects — alone, and as one field of an otherwise valid argument. Each call must
// return or throw a CoreError, never another exception, and must answer in bounded time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as core from '../src/index.js';

const { CoreError } = core;
// Generous on purpose: the bound catches the unbounded walks this file was written against (minutes, or never) on a
// shared, loaded 2-core machine; speed itself is measured in bench/.
const PER_CALL_MS = 5_000;
const RUNS = 60;

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const day = [['08:00', '17:00']];
const calendar = {
  tzid: 'Europe/Amsterdam',
  hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
  holidays: ['2025-04-21'],
};
const contract = {
  id: 'C-1',
  type: 'preventive',
  startDate: '2025-01-01',
  endDate: '2026-12-31',
  debtorNumber: 'D1',
  termsCode: 'JAAR',
  objectCodes: ['CV-1', 'CV-2'],
  daysInAdvance: 14,
  schedule: { unit: 'month', day: 31, time: '08:00' },
  budget: { amount: eur(120_000), per: 'contract-year' },
};
const terms = {
  code: 'JAAR',
  name: 'Jaar',
  autoExtend: true,
  period: { count: 1, unit: 'year' },
  noticeBeforeCancellation: { count: 1, unit: 'month' },
  indexation: { kind: 'index', capBasisPoints: 300 },
};
const policy = {
  code: 'GOUD',
  name: 'Goud',
  responseStatus: 'ONDERWEG',
  resolvedStatus: 'COMPLEET',
  clock: 'business',
  targets: { HOOG: { response: { amount: 4, unit: 'hours' }, resolution: { amount: 2, unit: 'days' } } },
};
const costLines = [
  { kind: 'labour', date: '2025-02-03', minutes: 90, hourTypeCode: 'NORMAAL' },
  { kind: 'material', date: '2025-03-03', quantity: '2.5', unitPrice: eur(455) },
  { kind: 'other', date: '2025-04-03', amount: eur(1000) },
];
const budgetOptions = {
  asOf: '2025-06-30T10:00:00Z',
  costLines,
  hourTypeRates: { NORMAAL: eur(6500) },
  expectedCostPerWorkOrder: eur(10_000),
  terms,
};
const reasons = [
  { code: 'VERHUISD', label: 'Klant verhuisd' },
  { code: 'OUD', label: 'Oud', archived: true },
];
const record = {
  contractId: 'C-1',
  date: '2025-02-10',
  reasonCode: 'PRIJS',
  reasonLabel: 'Te duur',
  lostValue: eur(50_000),
};

/** Values that broke engines before: special numbers, huge and odd strings, range edges, prototype keys. */
const nasty = fc.constantFrom<unknown>(
  undefined,
  null,
  true,
  0,
  -0,
  0.5,
  -1,
  Number.NaN,
  Infinity,
  -Infinity,
  2 ** 53,
  -(2 ** 60),
  Number.MAX_VALUE,
  10n,
  '',
  ' ',
  '__proto__',
  'constructor',
  'toString',
  'de',
  'nl',
  'en',
  'EUR',
  'XXXX',
  'Europe/Amsterdam',
  'Pacific/Apia',
  'Mars/Base',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '10000-01-01',
  '-0001-01-01',
  '2025-02-29',
  '2025-13-01',
  '2024-02-29',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '10000-01-01T00:00:00Z',
  '2025-03-30T01:30:00Z',
  '2025-06-01T12:00:00Z',
  '2025-03-30T02:30',
  'C-1|*|2025-01-31',
  'a|b',
  'x'.repeat(100_000),
  '9'.repeat(10_000),
  '1e400',
  [],
  [1, 2, 3],
  {},
  Object.create(null),
  JSON.parse('{"__proto__": {"polluted": 1}}'),
  new Set(['a']),
  new Map(),
  new Date(0),
  () => 1,
  Symbol('s'),
  { amount: 1, currency: 'EUR' },
  { amount: 0.5, currency: 'EUR' },
  { length: 3 },
);
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nasty },
  {
    weight: 1,
    arbitrary: fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: true, withObjectString: true }),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()) },
);

type Plain = Record<string, unknown>;

/** A valid value with one field (at any depth) replaced by a hostile one, or deleted. */
function mutate(valid: unknown): fc.Arbitrary<unknown> {
  const paths: string[][] = [];
  const walk = (value: unknown, path: string[]) => {
    if (value === null || typeof value !== 'object') return;
    for (const key of Object.keys(value)) {
      paths.push([...path, key]);
      if (path.length < 3) walk((value as Plain)[key], [...path, key]);
    }
  };
  walk(valid, []);
  if (paths.length === 0) return hostile;
  return fc.tuple(fc.constantFrom(...paths), hostile, fc.boolean()).map(([path, replacement, remove]) => {
    const copy = structuredClone(valid) as Plain;
    let target = copy;
    for (const key of path.slice(0, -1)) target = target[key] as Plain;
    const last = path[path.length - 1] as string;
    if (remove) delete target[last];
    else
      Object.defineProperty(target, last, { value: replacement, enumerable: true, writable: true, configurable: true });
    return copy;
  });
}

/** An argument: valid, a valid one with a field broken, or hostile altogether. */
const arg = (valid: unknown) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant(valid) },
    { weight: 5, arbitrary: mutate(valid) },
    { weight: 2, arbitrary: hostile },
  );

/** Contracts of every type, with dates at the edges of the range too. */
const contracts = fc.oneof(
  arg(contract),
  fc
    .record({
      startDate: fc.constantFrom('0001-01-01', '1999-12-31', '2025-01-01', '9999-01-01', '9999-12-31'),
      endDate: fc.constantFrom(undefined, '2025-12-31', '9999-12-31'),
      type: fc.constantFrom('preventive', 'yearly-orders', 'corrective'),
      schedule: fc.constantFrom(
        { unit: 'day' },
        { unit: 'workday', holidays: 'nl' },
        { unit: 'week', weekdays: ['mon', 'fri'] },
        { unit: 'year', month: 2, day: 29 },
      ),
    })
    .map(({ startDate, endDate, type, schedule }) => ({
      ...contract,
      type,
      startDate,
      endDate: endDate !== undefined && endDate >= startDate ? endDate : undefined,
      schedule: type === 'preventive' ? schedule : undefined,
      ordersPerYear: type === 'yearly-orders' ? 366 : undefined,
    })),
);
const asOf = fc.oneof(
  fc.constantFrom(
    '2025-06-30T10:00:00Z',
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '9999-12-31T12:00:00Z',
    '2011-12-30T12:00:00Z',
  ),
  hostile,
);

/** Every public function, by name, with the arguments to throw at it. */
const targets: Record<string, fc.Arbitrary<unknown[]>> = {
  parseContract: fc.tuple(contracts),
  parseContractTerms: fc.tuple(arg(terms)),
  localDateAt: fc.tuple(asOf, arg('Europe/Amsterdam')),
  localToOccurrence: fc.tuple(
    fc.oneof(
      fc.constantFrom(
        '0001-01-01T00:00:00',
        '9999-12-31T23:59:59',
        '2025-03-30T02:30',
        '2025-10-26T02:30',
        '2025-02-29T10:00',
        '2025-01-01T24:00',
        'x'.repeat(100_000),
      ),
      fc.string(),
    ),
    fc.oneof(
      fc.constantFrom('Europe/Amsterdam', 'Pacific/Apia', 'Mars/Base', '', '__proto__', 'Z'.repeat(100_000)),
      fc.string(),
      fc.anything(),
    ),
  ),
  occurrenceKey: fc.tuple(arg('C-1'), arg('CV-1'), arg('2025-01-31')),
  parseOccurrenceKey: fc.tuple(arg('C-1|CV-1|2025-01-31')),
  planWorkOrders: fc.tuple(
    fc.oneof(
      contracts,
      fc
        .tuple(contracts, fc.constantFrom('0001-01-01', '2025-03-01', '9999-12-31'))
        .map(([first, effectiveFrom]) => [first, { ...contract, version: 1, effectiveFrom }]),
    ),
    fc.oneof(
      arg({ asOf: '2025-06-30T10:00:00Z', generatedKeys: ['C-1|CV-1|2025-01-31'], catchUpLimitDays: 30 }),
      asOf.map((a) => ({ asOf: a, generatedKeys: [] })),
    ),
  ),
  parseContractVersions: fc.tuple(
    fc.oneof(arg([contract, { ...contract, version: 1, effectiveFrom: '2025-03-01' }]), fc.array(contracts)),
  ),
  versionOn: fc.tuple(
    fc.oneof(arg([contract, { ...contract, version: 1, effectiveFrom: '2025-03-01' }]), fc.array(contracts)),
    arg('2025-03-01'),
  ),
  previewScheduleChange: fc.tuple(contracts, contracts, arg({ asOf: '2025-06-30T10:00:00Z', until: '2026-06-30' })),
  contractStatus: fc.tuple(
    contracts,
    fc.oneof(
      arg({ asOf: '2025-06-30T10:00:00Z', terms, warnDays: 30 }),
      asOf.map((a) => ({ asOf: a, terms })),
    ),
  ),
  applyContractAction: fc.tuple(
    contracts,
    fc.oneof(
      arg({ type: 'edit', expectedVersion: 0, changes: { daysInAdvance: 7 } }),
      arg({ type: 'terminate', date: '2025-06-30', reasonCode: 'VERHUISD' }),
      arg({ type: 'restart', newId: 'C-2' }),
      arg({ type: 'renew', previousIndex: '100', currentIndex: '103.5' }),
      arg({ type: 'delete' }),
    ),
    arg({
      asOf: '2025-06-01T10:00:00Z',
      terms,
      reasons,
      workOrders: [{ key: 'C-1|CV-1|2025-07-31', state: 'open' }],
      reasonRequired: true,
    }),
  ),
  renewalTimeline: fc.tuple(
    contracts,
    arg(terms),
    fc.oneof(
      arg({ asOf: '2025-06-30T10:00:00Z' }),
      asOf.map((a) => ({ asOf: a })),
    ),
  ),
  indexPrice: fc.tuple(
    arg(eur(120_000)),
    arg(terms.indexation),
    arg({ previousIndex: '120.0', currentIndex: '126.5' }),
  ),
  addMoney: fc.tuple(arg(eur(1050)), arg(eur(250))),
  subtractMoney: fc.tuple(arg(eur(1050)), arg(eur(250))),
  sumMoney: fc.tuple(arg([eur(1), eur(2)]), arg('EUR')),
  multiplyMoney: fc.tuple(arg(eur(6500)), arg(90), arg(60)),
  allocateMoney: fc.tuple(arg(eur(10_003)), arg([1, 1, 1])),
  formatMoney: fc.tuple(arg(eur(123_456)), arg('nl-NL')),
  money: fc.tuple(arg(10_003), arg('EUR')),
  budgetStatus: fc.tuple(
    contracts,
    fc.oneof(
      arg(budgetOptions),
      asOf.map((a) => ({ ...budgetOptions, asOf: a })),
    ),
  ),
  addWorkingMinutes: fc.tuple(arg(calendar), asOf, fc.oneof(arg(120), fc.integer({ min: 0, max: 10_000_000 }))),
  dutchPublicHolidays: fc.tuple(fc.oneof(arg(2025), fc.integer({ min: -20_000, max: 20_000 }))),
  dutchDaysOff: fc.tuple(
    fc.oneof(arg(2025), fc.constantFrom(1583, 9999)),
    fc.oneof(arg(2027), fc.constantFrom(1583, 9999, 100_000)),
  ),
  slaDueTimes: fc.tuple(arg(policy), arg(calendar), arg({ priorityCode: 'HOOG', openedAt: '2025-04-25T14:00:00Z' })),
  slaState: fc.tuple(
    arg(policy),
    arg(calendar),
    fc.oneof(
      arg({
        priorityCode: 'HOOG',
        openedAt: '2025-03-03T08:00:00Z',
        history: [{ status: 'ONDERWEG', at: '2025-03-03T09:30:00Z' }],
        asOf: '2025-03-03T12:00:00Z',
      }),
      asOf.map((a) => ({ priorityCode: 'HOOG', openedAt: '2025-03-03T08:00:00Z', history: [], asOf: a })),
    ),
  ),
  snapshotReason: fc.tuple(arg(reasons), arg('VERHUISD'), arg({ required: true })),
  reasonDeletion: fc.tuple(arg('PRIJS'), arg(['VERHUISD', 'PRIJS'])),
  relabelWarning: fc.tuple(
    arg({ code: 'PRIJS', label: 'Te duur' }),
    arg({ code: 'PRIJS', label: 'Prijs te hoog' }),
    fc.oneof(arg(3), fc.integer()),
  ),
  matchesContractSearch: fc.tuple(
    arg({ id: 'C-1', name: 'Onderhoud cv-ketels', externalReference: 'PO-118' }),
    fc.oneof(arg('ketels 118'), fc.string()),
  ),
  cancellationReport: fc.tuple(
    arg([record, { ...record, reasonCode: undefined, remark: 'Offerte concurrent' }]),
    fc.oneof(
      arg({ from: '2025-01-01', to: '2025-12-31', groupBy: 'quarter', includeRemarks: true }),
      fc.record({
        from: fc.constantFrom('0001-01-01', '2025-01-01', '9999-12-31'),
        to: fc.constantFrom('2025-12-31', '9999-12-31'),
        groupBy: fc.constantFrom('month', 'quarter', 'year'),
      }),
    ),
  ),
};

const EXCLUDED = [
  'expandRRule',
  'iterateRRule',
  'expandSchedule',
  'iterateSchedule',
  'describeSchedule',
  'scheduleToRRule',
];

describe('fuzzing the public API', () => {
  it('covers every exported function but the expanders', () => {
    const exported = Object.entries(core)
      .filter(([name, value]) => typeof value === 'function' && name !== 'CoreError')
      .map(([name]) => name);
    expect(exported.filter((name) => !EXCLUDED.includes(name)).sort()).toEqual(Object.keys(targets).sort());
  });

  for (const [name, args] of Object.entries(targets)) {
    it(`${name}: a result or a CoreError, in bounded time`, { timeout: 60_000 }, () => {
      const fn = (core as unknown as Record<string, (...a: unknown[]) => unknown>)[name] as (
        ...a: unknown[]
      ) => unknown;
      fc.assert(
        fc.property(args, (input) => {
          const started = performance.now();
          try {
            const result = fn(...input);
            // Lazy results are read too: the work may hide in them.
            if (result !== null && typeof result === 'object' && Symbol.iterator in result)
              Array.from(result as Iterable<unknown>);
          } catch (error) {
            if (!(error instanceof CoreError)) throw error;
            expect(error.message.length).toBeLessThan(1_100);
          }
          expect(performance.now() - started).toBeLessThan(PER_CALL_MS);
        }),
        { numRuns: RUNS },
      );
    });
  }

  // Known gaps in time/zone.ts, which this work may not edit (reported): a non-string zone reaches Intl and throws a
  // TypeError, and a local time in year 9999 makes the shared zone table sample every day from now to then (minutes).
  it('localToOccurrence with a non-string zone throws a CoreError (zone.ts)', () => {
    for (const zone of [Object.create(null), 42, null, undefined, { toString: () => 'UTC' }, 'x'.repeat(100_000)]) {
      expect(() => core.localToOccurrence('2025-06-01T10:00:00', zone as string)).toThrow(CoreError);
    }
  });
});
