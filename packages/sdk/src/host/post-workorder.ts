import type { WorkOrderPlan } from '@contractbeheer/core';
import { z } from 'zod';
import { toHostDate } from './host-values.js';
import { workOrderNumberFor } from './work-order-number.js';

/**
 * The customer fields PostWorkorders requires for the work location and the invoice address (OPENApi v8 §6.3).
 * The contract knows only the debtor number; the rest comes from the host's relation record.
 */
export const hostCustomerSchema = z.object({
  name: z.string().min(1),
  debtorNumber: z.string().min(1),
  street: z.string().min(1),
  streetNumber: z.string().optional(),
  zip: z.string().min(1),
  city: z.string().min(1),
  contactPerson: z.string().min(1),
  email: z.string().optional(),
  phone: z.string().optional(),
});
export type HostCustomer = z.input<typeof hostCustomerSchema>;

/** One record of the PostWorkorders body as the host expects it: every scalar a string, dates `d-m-Y`. */
export type PostWorkorderRecord = {
  WorkorderNo: string;
  CustomerName: string;
  CustomerDebtorNr: string;
  CustomerStreet: string;
  CustomerStreetNo?: string;
  CustomerZIP: string;
  CustomerCity: string;
  CustomerContactPerson: string;
  CustomerEmail?: string;
  CustomerPhone?: string;
  CustomerNameInvoice: string;
  CustomerDebtorNrInvoice: string;
  CustomerStreetInvoice: string;
  CustomerZIPInvoice: string;
  CustomerCityInvoice: string;
  CustomerContactPersonInvoice: string;
  TypeOfWork: string;
  WorkDescription?: string;
  PaymentMethod: string;
  WorkObjects: string[];
  WorkDeadline?: string;
  WorkDate?: string;
  WorkTime?: string;
  EmployeeNr?: string;
  WorkDuration?: string;
  PriorityCode?: string;
  // The other documented PostWorkorders fields, for callers that send more than a plan carries.
  ProjectNr?: string;
  ExternProjectNr?: string;
  ShortWorkDescription?: string;
  InternalWorkDescription?: string;
  WorkEndDate?: string;
  WorkEndTime?: string;
  WorkStatus?: string;
  PickupPlanning?: '0' | '1';
  CpnCode?: string;
  AdrCode?: string;
  Comment?: string;
  ErrorCode?: string;
  SolutionCode?: string;
  MinimumHours?: string;
  RoundingAmount?: string;
  Employees?: string[];
  Materials?: {
    MaterialCode: string;
    MaterialNr: string;
    MaterialPrice: string;
    MaterialName: string;
    MaterialUnit?: string;
  }[];
  Forms?: { Name: string; Data?: string; ObjectCode?: string }[];
};

/**
 * The PostWorkorders record of a planned work order: planned on a date and time for an employee, or with a
 * deadline only; the objects as `WorkObjects`; the number derived from the occurrence key.
 *
 * @example
 * const [plan] = planWorkOrders(contract, { asOf, generatedKeys: [] }).plans;
 * const record = toPostWorkorder(plan, customer); // POST [record] to /PostWorkorders/
 */
export function toPostWorkorder(
  plan: WorkOrderPlan,
  customerInput: HostCustomer,
  options: { paymentMethod?: string } = {},
): PostWorkorderRecord {
  const customer = hostCustomerSchema.parse(customerInput);
  const record: PostWorkorderRecord = {
    WorkorderNo: workOrderNumberFor(plan.key),
    CustomerName: customer.name,
    CustomerDebtorNr: customer.debtorNumber,
    CustomerStreet: customer.street,
    CustomerZIP: customer.zip,
    CustomerCity: customer.city,
    CustomerContactPerson: customer.contactPerson,
    CustomerNameInvoice: customer.name,
    CustomerDebtorNrInvoice: customer.debtorNumber,
    CustomerStreetInvoice: customer.street,
    CustomerZIPInvoice: customer.zip,
    CustomerCityInvoice: customer.city,
    CustomerContactPersonInvoice: customer.contactPerson,
    TypeOfWork: plan.workType,
    WorkDescription: plan.description,
    PaymentMethod: options.paymentMethod ?? 'niet van toepassing',
    WorkObjects: [...plan.objectCodes],
  };
  if (customer.streetNumber !== undefined) record.CustomerStreetNo = customer.streetNumber;
  if (customer.email !== undefined) record.CustomerEmail = customer.email;
  if (customer.phone !== undefined) record.CustomerPhone = customer.phone;
  if (plan.timing.kind === 'deadline') {
    record.WorkDeadline = toHostDate(plan.timing.deadline);
  } else {
    record.WorkDate = toHostDate(plan.timing.date);
    if (plan.timing.time !== null) record.WorkTime = plan.timing.time;
    record.EmployeeNr = plan.timing.employeeNumber;
  }
  if (plan.durationMinutes !== undefined) record.WorkDuration = String(plan.durationMinutes);
  if (plan.priorityCode !== undefined) record.PriorityCode = plan.priorityCode;
  return record;
}
