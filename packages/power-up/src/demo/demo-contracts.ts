import type { ContractInput } from '@contractbeheer/core';

/** A few contracts that show the schedule kinds side by side; `start` runs on these. */
export const demoContracts: ContractInput[] = [
  {
    id: 'DEMO-CV',
    type: 'preventive',
    startDate: '2025-01-01',
    debtorNumber: 'D1001',
    objectCodes: ['CV-1001-A', 'CV-1001-B'],
    daysInAdvance: 14,
    schedule: { unit: 'month', day: 31, interval: 6 },
    workOrder: { workType: 'Onderhoud', description: 'Halfjaarlijks onderhoud cv-ketels', durationMinutes: 60 },
  },
  {
    id: 'DEMO-LIFT',
    type: 'preventive',
    startDate: '2025-03-01',
    debtorNumber: 'D1002',
    objectCodes: ['LIFT-7'],
    employeeNumber: 'E12',
    schedule: { unit: 'month', weekday: 'mon', nth: 1, time: '08:30' },
    workOrder: { workType: 'Service', description: 'Maandelijkse liftkeuring', durationMinutes: 90 },
  },
  {
    id: 'DEMO-KOEL',
    type: 'preventive',
    startDate: '2025-06-01',
    debtorNumber: 'D1003',
    objectCodes: ['KOEL-1', 'KOEL-2', 'KOEL-3'],
    orderPerObject: false,
    daysInAdvance: 3,
    schedule: { unit: 'week', interval: 2, weekdays: ['mon', 'thu'], exceptions: { skip: ['2025-12-25'] } },
    workOrder: { workType: 'Onderhoud', description: 'Controle koelcellen (alle cellen)' },
  },
  {
    id: 'DEMO-SCHOOL',
    type: 'preventive',
    startDate: '2025-01-01',
    debtorNumber: 'D1004',
    objectCodes: ['BMI-SCHOOL'],
    schedule: { unit: 'workday', interval: 5, holidays: 'nl' },
    workOrder: { workType: 'Service', description: 'Rondgang brandmeldinstallatie' },
  },
  {
    id: 'DEMO-JAAR',
    type: 'yearly-orders',
    startDate: '2025-02-15',
    debtorNumber: 'D1005',
    ordersPerYear: 3,
    daysInAdvance: 7,
    workOrder: { workType: 'Onderhoud', description: 'Drie keer per jaar onderhoud warmtepomp' },
  },
];
