import { describe, expect, it } from 'vitest';
import { demoContracts } from './demo-contracts.js';
import { renderDemo } from './render-demo.js';
import { addDays, simulateGeneration } from './simulate-generation.js';

describe('simulateGeneration', () => {
  it('creates each work order exactly once, on or after its creation date', () => {
    const { generated } = simulateGeneration(demoContracts, { from: '2025-01-01', days: 400 });
    const keys = generated.map((g) => g.plan.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const { runDate, plan } of generated) {
      expect(plan.creationDate <= runDate).toBe(true);
      expect(plan.late).toBe(plan.creationDate < runDate);
    }
    // The daily run never misses a day, so only work due before the first run is late.
    expect(generated.filter((g) => g.plan.late).every((g) => g.runDate === '2025-01-01')).toBe(true);
  });

  it('running twice as long contains the shorter run', () => {
    const short = simulateGeneration(demoContracts, { from: '2025-03-01', days: 30 }).generated;
    const long = simulateGeneration(demoContracts, { from: '2025-03-01', days: 60 }).generated;
    expect(long.slice(0, short.length)).toEqual(short);
  });

  it('skips what lies beyond the catch-up limit, once', () => {
    const all = simulateGeneration(demoContracts, { from: '2025-06-01', days: 5 });
    const limited = simulateGeneration(demoContracts, { from: '2025-06-01', days: 5, catchUpLimitDays: 14 });
    expect(limited.skipped).toBeGreaterThan(0);
    expect(limited.generated.length + limited.skipped).toBe(all.generated.length);
    expect(limited.generated.every((g) => g.plan.targetDate >= '2025-05-18')).toBe(true);
  });

  it('addDays crosses month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});

describe('renderDemo', () => {
  it('prints the schedules in Dutch and the day-by-day plan', () => {
    const text = renderDemo(demoContracts, { from: '2025-06-01', days: 10 });
    expect(text).toContain('schema: elke 6 maanden op dag 31 (of de laatste dag van een kortere maand)');
    expect(text).toContain('schema: elke maand op de eerste maandag om 08:30');
    expect(text).toContain('schema: elke 2 weken op maandag en donderdag; 1 datum overgeslagen');
    expect(text).toContain('schema: elke 5 werkdagen behalve op feestdagen');
    expect(text).toContain('schema: 3 werkbonnen per contractjaar');
    expect(text).toMatch(/DEMO-LIFT\s+LIFT-7\s+doel 2025-06-02 {2}gepland 2025-06-02 08:30 voor E12/);
    expect(text).toMatch(/werkbonnen aangemaakt, \d+ unieke sleutels/);
  });
});
