import { parseContract } from '@contractbeheer/core';
import { contractsApi } from '@contractbeheer/sdk';
import { describe, expect, it } from 'vitest';
import { contractBodyOf, contractChangesOf, contractFormValues } from './contract-form-values.js';

const form = {
  id: 'C-100',
  name: 'Onderhoud cv-ketels',
  type: 'preventive',
  startDate: '2026-01-01',
  endDate: '2030-12-31',
  timeZone: 'Europe/Amsterdam',
  daysInAdvance: '14',
  debtorNumber: 'D100',
  objectCodes: 'CV-01, CV-02',
  orderPerObject: 'per-object',
  'schedule.unit': 'week',
  'schedule.interval': '2',
  'schedule.weekdays': ['mon', 'thu'],
  'budget.amount': '1.200,00',
  'budget.per': 'contract-year',
  expectedCostPerWorkOrder: '45,50',
  'workOrder.workType': 'Onderhoud',
};

describe('the contract form', () => {
  it('turns the posted texts into a body the contracts API accepts', () => {
    const body = contractBodyOf(form, 'EUR');
    expect(body).toMatchObject({
      id: 'C-100',
      daysInAdvance: 14,
      objectCodes: ['CV-01', 'CV-02'],
      schedule: { unit: 'week', interval: 2, weekdays: ['mon', 'thu'] },
      budget: { amount: { amount: 120_000, currency: 'EUR' }, per: 'contract-year' },
      expectedCostPerWorkOrder: { amount: 4_550, currency: 'EUR' },
    });
    expect(contractsApi.createContractBodySchema.safeParse(body).success).toBe(true);
  });

  it('keeps only the settings of the chosen type, and a month by day or by weekday as chosen', () => {
    const corrective = contractBodyOf({ ...form, type: 'corrective', slaPolicyCode: 'SLA1' }, 'EUR');
    expect(corrective.schedule).toBeUndefined();
    expect(corrective.slaPolicyCode).toBe('SLA1');
    const month = { ...form, 'schedule.unit': 'month', 'schedule.day': '31', 'schedule.weekday': 'fri' };
    expect(contractBodyOf({ ...month, 'schedule.monthBy': 'day' }, 'EUR').schedule).toEqual({
      unit: 'month',
      interval: 2,
      day: 31,
    });
    expect(contractBodyOf({ ...month, 'schedule.monthBy': 'weekday', 'schedule.nth': 'last' }, 'EUR').schedule).toEqual(
      { unit: 'month', interval: 2, weekday: 'fri', nth: 'last' },
    );
  });

  it('passes text that is no number on, so the schema refuses it on its field', () => {
    const body = contractBodyOf({ ...form, daysInAdvance: 'veertien', 'budget.amount': 'veel' }, 'EUR');
    const parsed = contractsApi.createContractBodySchema.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path.join('.'))).toEqual([
      'daysInAdvance',
      'budget.amount.amount',
    ]);
  });

  it('shows a saved contract as the values it was typed with, and an unchanged form changes nothing', () => {
    const contract = parseContract({ ...contractBodyOf(form, 'EUR'), version: 3 });
    const values = contractFormValues(contract, 'nl');
    expect(values['budget.amount']).toBe('1200,00');
    expect(values['schedule.weekdays']).toEqual(['mon', 'thu']);
    expect(contractChangesOf(contract, contractBodyOf(values, 'EUR'))).toEqual({});
    expect(contractChangesOf(contract, contractBodyOf(contractFormValues(contract, 'en'), 'EUR'))).toEqual({});
  });

  it('names only what changed, removes an emptied field, and keeps what the form does not show', () => {
    const contract = parseContract({
      ...contractBodyOf(form, 'EUR'),
      schedule: { unit: 'week', interval: 2, weekdays: ['mon', 'thu'], exceptions: { skip: ['2026-01-05'] } },
      freeFields: { kleur: 'rood' },
    });
    const values = { ...contractFormValues(contract, 'en'), endDate: '', 'schedule.weekdays': ['tue'] };
    const changes = contractChangesOf(contract, contractBodyOf(values, 'EUR'));
    expect(Object.keys(changes).sort()).toEqual(['endDate', 'schedule']);
    expect(changes.endDate).toBeUndefined();
    expect(changes.schedule).toMatchObject({ weekdays: ['tue'], exceptions: { skip: ['2026-01-05'] } });
  });
});
