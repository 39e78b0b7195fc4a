/** The host's filter operators: like (`%` wildcards), =, !=, >, >=, <, <=. */
export type FilterOperator = 'li' | 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

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
    if (!/^[a-z][a-z0-9_]*$/i.test(key)) throw new TypeError(`hostFilter: '${key}' is not a field name`);
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
    ]) as [string, string][];
  }
}

export function hostFilter(): HostFilter {
  return new HostFilter();
}
