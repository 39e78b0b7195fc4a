import * as z from 'zod';
import { fromHostDate, fromHostStamp, hostCents, hostDecimal, hostFlag, hostInteger, hostText } from './host-values.js';

/** A record as the host sends it: field names as documented, values mostly strings. */
export type HostRecord = Record<string, unknown>;
export const hostRecordSchema = z.record(z.string(), z.unknown());
export const hostRecordsSchema = z.array(hostRecordSchema);

const text = (record: HostRecord, field: string) => hostText(record[field]);
const list = (value: unknown) => (Array.isArray(value) ? value.map(hostText).filter((v) => v !== null) : []);

export type WorkOrderStatus = 'Klaargezet' | 'Opgehaald' | 'Compleet' | 'Afgehandeld';

export type WorkPeriod = {
  date: string | null;
  beginTime: string | null;
  endTime: string | null;
  breakMinutes: number | null;
  totalTime: string | null;
  hourTypeCode: string | null;
  employeeNr: string | null;
};

export type WorkOrderMaterial = {
  code: string | null;
  name: string | null;
  quantity: number | null;
  priceCents: number | null;
  totalCents: number | null;
  unit: string | null;
};

/** A work order as GetWorkorder(s) returns it, in clean camelCase with parsed values, plus the raw record. */
export type HostWorkOrder = {
  rowId: number | null;
  workorderNo: string | null;
  orderNr: string | null;
  // `string & {}` keeps the known statuses in editors' completion while any other text stays allowed.
  status: WorkOrderStatus | (string & {}) | null;
  workStatus: string | null;
  customerName: string | null;
  customerDebtorNr: string | null;
  typeOfWork: string | null;
  description: string | null;
  employeeNr: string | null;
  workDate: string | null;
  workTime: string | null;
  workDeadline: string | null;
  durationMinutes: number | null;
  priorityCode: string | null;
  creationDate: string | null;
  finished: boolean | null;
  archived: boolean | null;
  workObjects: string[];
  employees: string[];
  workPeriods: WorkPeriod[];
  materials: WorkOrderMaterial[];
  raw: HostRecord;
};

export function toWorkOrder(raw: HostRecord): HostWorkOrder {
  const records = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is HostRecord => typeof v === 'object' && v !== null) : [];
  return {
    rowId: hostInteger(raw.id ?? raw.row_id),
    workorderNo: text(raw, 'WorkorderNo'),
    orderNr: text(raw, 'OrderNr'),
    status: text(raw, 'status'),
    workStatus: text(raw, 'WorkStatus'),
    customerName: text(raw, 'CustomerName'),
    customerDebtorNr: text(raw, 'CustomerDebtorNr'),
    typeOfWork: text(raw, 'TypeOfWork'),
    description: text(raw, 'WorkDescription'),
    employeeNr: text(raw, 'EmployeeNr'),
    workDate: fromHostDate(raw.WorkDate),
    workTime: text(raw, 'WorkTime'),
    workDeadline: fromHostDate(raw.WorkDeadline) ?? text(raw, 'WorkDeadline'),
    durationMinutes: hostInteger(raw.WorkDuration),
    priorityCode: text(raw, 'PriorityCode'),
    creationDate: fromHostStamp(raw.CreationDate),
    finished: hostFlag(raw.WorkFinished),
    archived: hostFlag(raw.Archived),
    workObjects: list(raw.WorkObjects),
    employees: list(raw.Employees),
    workPeriods: records(raw.Workperiods).map((p) => ({
      date: fromHostDate(p.WorkDate),
      beginTime: text(p, 'BeginTime'),
      endTime: text(p, 'EndTime'),
      breakMinutes: hostInteger(p.Break),
      totalTime: text(p, 'TotalTime'),
      hourTypeCode: text(p, 'HourType'),
      employeeNr: text(p, 'EmployeeNr'),
    })),
    materials: records(raw.Materials).map((m) => ({
      code: text(m, 'MaterialCode'),
      name: text(m, 'MaterialName'),
      quantity: hostDecimal(m.MaterialNr),
      priceCents: hostCents(m.MaterialPrice),
      totalCents: hostCents(m.MaterialTotalPrice),
      unit: text(m, 'MaterialUnit'),
    })),
    raw,
  };
}

export type HostEmployee = {
  number: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  active: boolean | null;
  raw: HostRecord;
};
export const toEmployee = (raw: HostRecord): HostEmployee => ({
  number: text(raw, 'number'),
  firstName: text(raw, 'firstname'),
  lastName: text(raw, 'lastname'),
  email: text(raw, 'email'),
  active: hostFlag(raw.active),
  raw,
});

export type HostRelation = {
  debtorNumber: string | null;
  name: string | null;
  contact: string | null;
  street: string | null;
  houseNumber: string | null;
  postalCode: string | null;
  city: string | null;
  email: string | null;
  phoneNumber: string | null;
  raw: HostRecord;
};
export const toRelation = (raw: HostRecord): HostRelation => ({
  debtorNumber: text(raw, 'debtor_number'),
  name: text(raw, 'name'),
  contact: text(raw, 'contact'),
  street: text(raw, 'street'),
  houseNumber: text(raw, 'house_number'),
  postalCode: text(raw, 'postal_code'),
  city: text(raw, 'city'),
  email: text(raw, 'email'),
  phoneNumber: text(raw, 'phone_number'),
  raw,
});

export type HostObject = {
  code: string | null;
  debtorNumber: string | null;
  description: string | null;
  type: string | null;
  brand: string | null;
  model: string | null;
  serialNumber: string | null;
  priceCents: number | null;
  installedOn: string | null;
  modifiedAt: string | null;
  raw: HostRecord;
};
export const toObject = (raw: HostRecord): HostObject => ({
  code: text(raw, 'obj_code'),
  debtorNumber: text(raw, 'obj_debiteur_nummer'),
  description: text(raw, 'obj_description'),
  type: text(raw, 'obj_type'),
  brand: text(raw, 'obj_brand'),
  model: text(raw, 'obj_model'),
  serialNumber: text(raw, 'obj_serialnumber'),
  priceCents: hostCents(raw.obj_price),
  installedOn: fromHostStamp(raw.obj_date_installation),
  modifiedAt: fromHostStamp(raw.obj_modified),
  raw,
});

export type HostHourType = {
  code: string | null;
  name: string | null;
  salePriceCents: number | null;
  costPriceCents: number | null;
  active: boolean | null;
  raw: HostRecord;
};
export const toHourType = (raw: HostRecord): HostHourType => ({
  code: text(raw, 'code'),
  name: text(raw, 'name'),
  salePriceCents: hostCents(raw.sale_price),
  costPriceCents: hostCents(raw.cost_price),
  active: hostFlag(raw.active),
  raw,
});

export type HostMaterial = {
  code: string | null;
  description: string | null;
  priceCents: number | null;
  unit: string | null;
  raw: HostRecord;
};
export const toMaterial = (raw: HostRecord): HostMaterial => ({
  code: text(raw, 'code'),
  description: text(raw, 'description'),
  priceCents: hostCents(raw.price),
  unit: text(raw, 'unit'),
  raw,
});

export type HostCodeDescription = { code: string | null; description: string | null; raw: HostRecord };
export const toPriority = (raw: HostRecord): HostCodeDescription => ({
  code: text(raw, 'code'),
  description: text(raw, 'description'),
  raw,
});
export const toWorkStatus = (raw: HostRecord): HostCodeDescription => ({
  code: text(raw, 'sta_code'),
  description: text(raw, 'sta_name'),
  raw,
});

export type HostWorkType = {
  name: string | null;
  description: string | null;
  defaultMinutes: number | null;
  active: boolean | null;
  raw: HostRecord;
};
export const toWorkType = (raw: HostRecord): HostWorkType => ({
  name: text(raw, 'wrt_name'),
  description: text(raw, 'wrt_description'),
  defaultMinutes: hostInteger(raw.wrt_default_minutes),
  active: hostFlag(raw.wrt_active),
  raw,
});

export type HostTimesheetLine = {
  id: string | null;
  employeeNr: string | null;
  orderNr: string | null;
  hourTypeCode: string | null;
  date: string | null;
  start: string | null;
  end: string | null;
  breakMinutes: number | null;
  hours: number | null;
  billable: boolean | null;
  raw: HostRecord;
};
export const toTimesheetLine = (raw: HostRecord): HostTimesheetLine => ({
  id: text(raw, 'hrs_id'),
  employeeNr: text(raw, 'hrs_emp_nr'),
  orderNr: text(raw, 'hrs_order_nr'),
  hourTypeCode: text(raw, 'hrs_hrt_hour_type'),
  date: fromHostStamp(raw.hrs_date),
  start: text(raw, 'hrs_start'),
  end: text(raw, 'hrs_end'),
  breakMinutes: hostInteger(raw.hrs_break),
  hours: hostDecimal(raw.hrs_amount),
  billable: hostFlag(raw.hrs_billable),
  raw,
});
