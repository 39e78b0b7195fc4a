import { planWorkOrders, type ContractInput } from '@contractbeheer/core';
import { describe, expect, it } from 'vitest';
import { toPostWorkorder } from './post-workorder.js';
import { toHostDate } from './host-values.js';
import { workOrderNumberFor } from './work-order-number.js';

const contract: ContractInput = {
  id: 'C-1',
  type: 'preventive',
  startDate: '2025-01-01',
  debtorNumber: 'D100',
  objectCodes: ['CV-01'],
  schedule: { unit: 'month', day: 15, time: '08:00' },
  workOrder: { workType: 'Onderhoud', description: 'Onderhoud cv-ketel', durationMinutes: 45, priorityCode: 'P2' },
};
const customer = {
  name: 'Bakkerij Jansen',
  debtorNumber: 'D100',
  street: 'Dorpsstraat',
  streetNumber: '1',
  zip: '1234 AB',
  city: 'Utrecht',
  contactPerson: 'J. Jansen',
};
const firstPlan = (input: ContractInput) => {
  const plan = planWorkOrders(input, { asOf: '2025-01-15T06:00:00Z', generatedKeys: [] }).plans[0];
  if (plan === undefined) throw new Error('expected a plan');
  return plan;
};

describe('toPostWorkorder', () => {
  it('a plan without an employee becomes an unplanned work order with a deadline', () => {
    const record = toPostWorkorder(firstPlan(contract), customer);
    expect(record).toMatchObject({
      WorkorderNo: workOrderNumberFor('C-1|CV-01|2025-01-15'),
      CustomerDebtorNr: 'D100',
      CustomerDebtorNrInvoice: 'D100',
      CustomerStreetNo: '1',
      TypeOfWork: 'Onderhoud',
      WorkDescription: 'Onderhoud cv-ketel',
      WorkDeadline: '15-01-2025',
      WorkDuration: '45',
      PriorityCode: 'P2',
      WorkObjects: ['CV-01'],
      PaymentMethod: 'niet van toepassing',
    });
    expect(record.WorkDate).toBeUndefined();
    expect(record.EmployeeNr).toBeUndefined();
  });

  it('a plan with an employee is planned on the date and time', () => {
    const record = toPostWorkorder(firstPlan({ ...contract, employeeNumber: 'E7' }), customer);
    expect(record).toMatchObject({ WorkDate: '15-01-2025', WorkTime: '08:00', EmployeeNr: 'E7' });
    expect(record.WorkDeadline).toBeUndefined();
  });

  it('refuses a customer without the fields the host requires', () => {
    expect(() => toPostWorkorder(firstPlan(contract), { ...customer, city: '' })).toThrow(/city/);
  });
});

describe('workOrderNumberFor', () => {
  it('is deterministic, distinct per key, and fits the host field', () => {
    const a = workOrderNumberFor('C-1|CV-01|2025-01-15');
    expect(workOrderNumberFor('C-1|CV-01|2025-01-15')).toBe(a);
    expect(workOrderNumberFor('C-1|CV-01|2025-01-16')).not.toBe(a);
    expect(a).toMatch(/^CB-[0-9A-Z]{13}$/);
    const many = new Set(Array.from({ length: 20000 }, (_, i) => workOrderNumberFor(`C-${i}|*|2025-01-01`)));
    expect(many.size).toBe(20000);
  });
  it('toHostDate writes d-m-Y', () => {
    expect(toHostDate('2025-03-05')).toBe('05-03-2025');
    expect(() => toHostDate('5-3-2025')).toThrow(/YYYY-MM-DD/);
  });
});
