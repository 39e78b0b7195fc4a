import { ValidationError } from '../errors/sdk-error.js';

/** The host's filter operators: like (`%` wildcards), =, !=, >, >=, <, <=. */
export type FilterOperator = 'li' | 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

const OPERATORS: readonly FilterOperator[] = ['li', 'eq', 'ne', 'gt', 'ge', 'lt', 'le'];

export type FilterCondition = { key: string; value: string; operator: FilterOperator };

/**
 * Builds the host's advanced filter (`key[]`, `value[]`, `operator[]` in parallel order).
 *
 * @example
 * hostFilter().where('zip', 'li', '3511%').where('city', 'eq', 'Utrecht').toQuery();
 * // [['key[]', 'zip'], ['value[]', '3511%'], ['operator[]', 'li'], ['key[]', 'city'], …]
 */
export class HostFilter {
  private readonly conditions: FilterCondition[] = [];

  where(key: string, operator: FilterOperator, value: string | number): this {
    if (typeof key !== 'string' || !/^[a-z][a-z0-9_]*$/i.test(key)) {
      const shown = typeof key === 'string' ? JSON.stringify(key.slice(0, 40)) : `a ${typeof key}`;
      throw new ValidationError(`hostFilter: ${shown} is not a field name (letters, digits and _).`);
    }
    if (!OPERATORS.includes(operator)) {
      throw new ValidationError(`hostFilter: the operator must be one of ${OPERATORS.join(', ')}.`);
    }
    if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
      throw new ValidationError(`hostFilter: the value for '${key}' must be a string or a finite number.`);
    }
    this.conditions.push({ key, operator, value: String(value) });
    return this;
  }

  get size(): number {
    return this.conditions.length;
  }

  toQuery(): [string, string][] {
    return this.conditions.flatMap(({ key, value, operator }) => [
      ['key[]', key],
      ['value[]', value],
      ['operator[]', operator],
    ]);
  }
}

export function hostFilter(): HostFilter {
  return new HostFilter();
}
