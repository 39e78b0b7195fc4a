import type { Contract } from '@contractbeheer/core';

/**
 * The CSV layout of a contract: one column per top-level field, in this order. Scalars are written as text;
 * `objectCodes` as codes separated by `;`; the nested fields (schedule, work order, object owners, budget, expected
 * cost, free fields, termination) as JSON in their cell, so an export imports back unchanged. An empty cell leaves the field out (its
 * default applies).
 */
export const CONTRACT_COLUMNS = [
  'id',
  'version',
  'type',
  'name',
  'description',
  'externalReference',
  'termsCode',
  'startDate',
  'endDate',
  'effectiveFrom',
  'timeZone',
  'daysInAdvance',
  'debtorNumber',
  'objectCodes',
  'objectOwners',
  'orderPerObject',
  'employeeNumber',
  'ordersPerYear',
  'slaPolicyCode',
  'restartOf',
  'workOrder',
  'schedule',
  'budget',
  'expectedCostPerWorkOrder',
  'freeFields',
  'termination',
] as const satisfies readonly (keyof Contract)[];

type Column = (typeof CONTRACT_COLUMNS)[number];
const NUMBER_COLUMNS = new Set<Column>(['version', 'daysInAdvance', 'ordersPerYear']);
const JSON_COLUMNS = new Set<Column>([
  'workOrder',
  'schedule',
  'objectOwners',
  'budget',
  'expectedCostPerWorkOrder',
  'freeFields',
  'termination',
]);

/** A cell that cannot be read as its column's kind; `parseContract` never sees the row. */
export class CellError extends Error {
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A CSV record (header → cell) as the input `parseContract` checks. Only the shape of cells is read here (numbers,
 * `true`/`false`, JSON); what the values mean is the core's to judge, so a wrong value gets the core's message.
 */
export function rowToContractInput(record: Record<string, string>): Record<string, unknown> {
  const unknown = Object.keys(record).filter((name) => !(CONTRACT_COLUMNS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new CellError(unknown[0]!, `is not a contract column: use ${CONTRACT_COLUMNS.join(', ')}`);
  }
  const input: Record<string, unknown> = {};
  for (const column of CONTRACT_COLUMNS) {
    const cell = record[column]?.trim() ?? '';
    if (cell === '') continue;
    if (NUMBER_COLUMNS.has(column)) {
      // Left as text when not a number: the core then says what it expected.
      input[column] = /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
    } else if (column === 'orderPerObject') {
      input[column] = cell === 'true' ? true : cell === 'false' ? false : cell;
    } else if (column === 'objectCodes') {
      input[column] = cell
        .split(';')
        .map((code) => code.trim())
        .filter((code) => code !== '');
    } else if (JSON_COLUMNS.has(column)) {
      try {
        input[column] = JSON.parse(cell) as unknown;
      } catch {
        throw new CellError(column, 'is not valid JSON: write the nested value as JSON, e.g. {"unit":"month","day":1}');
      }
    } else {
      input[column] = cell;
    }
  }
  return input;
}

/** A contract as one CSV record, the inverse of {@link rowToContractInput}. */
export function contractToRow(contract: Contract): Record<Column, string> {
  const row = {} as Record<Column, string>;
  for (const column of CONTRACT_COLUMNS) {
    const value: unknown = contract[column];
    if (value === undefined || value === null) row[column] = '';
    else if (column === 'objectCodes') row[column] = (value as string[]).join(';');
    else if (JSON_COLUMNS.has(column)) row[column] = JSON.stringify(value);
    else row[column] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return row;
}
