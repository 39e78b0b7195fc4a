import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CoreError, parseContract, type Contract } from '@contractbeheer/core';
import { parse } from 'csv-parse/sync';
import { CellError, rowToContractInput } from './contract-columns.js';
import type { Progress } from './progress.js';
import { UsageError } from './cli-errors.js';

/** Where a row came from: the CSV line it starts on, or the JSON array's item. */
export type RowPlace = { line: number } | { item: number };

type RowProblem = { place: RowPlace; field: string; message: string };

export type ReadContracts = { contracts: { place: RowPlace; contract: Contract }[]; problems: RowProblem[] };

export const describePlace = (place: RowPlace) => ('line' in place ? `line ${place.line}` : `item ${place.item}`);

/** The raw rows of a `.csv` or `.json` file, each with its place, before any checking. */
async function readRows(file: string): Promise<{ place: RowPlace; read: () => Record<string, unknown> }[]> {
  const extension = path.extname(file).toLowerCase();
  if (extension !== '.csv' && extension !== '.json') {
    throw new UsageError(`${file}: give a .csv or a .json file (the extension chooses the format).`);
  }
  const text = await readFile(file, 'utf8');
  if (extension === '.json') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new CellError('(file)', `${file} is not valid JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(json)) throw new CellError('(file)', `${file} must hold a JSON array of contracts.`);
    return json.map((item: unknown, index) => ({
      place: { item: index + 1 },
      read: () => item as Record<string, unknown>,
    }));
  }
  // `info` gives each record the line it starts on (a quoted cell may span lines); the header is line 1.
  const records = parse<Record<string, string>>(text, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
  }) as unknown as { record: Record<string, string>; info: { lines: number } }[];
  return records.map(({ record, info }) => ({
    place: { line: info.lines },
    read: () => rowToContractInput(record),
  }));
}

/**
 * Reads and checks every row of a contracts file with the core's `parseContract`, all of them before anything is
 * written: the result holds either the contracts or every problem, each with its line (or item) and field.
 */
export async function readContractFile(file: string, progress: (total: number) => Progress): Promise<ReadContracts> {
  let rows;
  try {
    rows = await readRows(file);
  } catch (error) {
    if (error instanceof CellError) {
      return { contracts: [], problems: [{ place: { line: 1 }, field: error.column, message: error.message }] };
    }
    // csv-parse reports malformed CSV (an unclosed quote, a row with too many cells) with the line.
    const csv = error as { code?: string; lines?: number; message: string };
    if (typeof csv.code === 'string' && csv.code.startsWith('CSV_')) {
      return { contracts: [], problems: [{ place: { line: csv.lines ?? 1 }, field: '(row)', message: csv.message }] };
    }
    throw error;
  }
  const bar = progress(rows.length);
  const contracts: ReadContracts['contracts'] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, RowPlace>();
  for (const { place, read } of rows) {
    try {
      const contract = parseContract(read());
      const earlier = seen.get(contract.id);
      if (earlier === undefined) {
        seen.set(contract.id, place);
        contracts.push({ place, contract });
      } else {
        problems.push({ place, field: 'id', message: `'${contract.id}' is also on ${describePlace(earlier)}` });
      }
    } catch (error) {
      if (error instanceof CellError) problems.push({ place, field: error.column, message: error.message });
      else if (error instanceof CoreError) {
        problems.push({ place, field: error.path.join('.') || '(row)', message: error.message });
      } else throw error;
    }
    bar.tick();
  }
  bar.done();
  return { contracts, problems };
}
