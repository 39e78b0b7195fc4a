import type { CostLine, Money } from '@contractbeheer/core';
import type { contractsApi } from '@contractbeheer/sdk';
import type { CostLineRecord } from '../../store/inbound-events.js';

/** Exact decimal text as a ratio over 10^6 (at most 6 decimals, as the cost lines are written). */
const SCALE = 1_000_000n;
function scaled(quantity: string): bigint {
  const [whole = '0', fraction = ''] = quantity.replace(/^-/, '').split('.');
  const value = BigInt(whole) * SCALE + BigInt(fraction.padEnd(6, '0').slice(0, 6));
  return quantity.startsWith('-') ? -value : value;
}
function unscaled(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const absolute = value < 0n ? -value : value;
  const fraction = (absolute % SCALE).toString().padStart(6, '0').replace(/0+$/, '');
  return `${sign}${absolute / SCALE}${fraction === '' ? '' : `.${fraction}`}`;
}

/**
 * The contract's stored cost lines as the core's budget reads them. Each line keeps the rate it was costed with when
 * it was recorded (a later change of the tenant's rates does not rewrite the actuals), so labour goes in under an
 * hour type of its own per rate — `NORMAAL@6000` — with that rate: the core's labour/materials split stays, and its
 * totals are exactly the stored amounts.
 */
export function budgetActuals(lines: readonly CostLineRecord[]): {
  costLines: CostLine[];
  hourTypeRates: Record<string, Money>;
  materialsUsed: contractsApi.MaterialUsed[];
} {
  const hourTypeRates: Record<string, Money> = {};
  const costLines: CostLine[] = [];
  const materials = new Map<string, { code: string; name: string; unit: string; quantity: bigint; cost: Money }>();
  for (const line of lines) {
    if (line.kind === 'hours') {
      const code = `${line.hourTypeCode ?? ''}@${line.unitPrice.amount}`;
      hourTypeRates[code] = line.unitPrice;
      costLines.push({ kind: 'labour', date: line.date, minutes: Number(line.quantity), hourTypeCode: code });
      continue;
    }
    costLines.push({ kind: 'material', date: line.date, quantity: line.quantity, unitPrice: line.unitPrice });
    const code = line.materialCode ?? '';
    const key = `${code}\u0000${line.unit}`;
    const used = materials.get(key) ?? {
      code,
      name: line.description,
      unit: line.unit,
      quantity: 0n,
      cost: { amount: 0, currency: line.amount.currency },
    };
    used.quantity += scaled(line.quantity);
    used.cost = { amount: used.cost.amount + line.amount.amount, currency: used.cost.currency };
    materials.set(key, used);
  }
  const materialsUsed = [...materials.values()].map((used) => ({
    code: used.code,
    name: used.name,
    unit: used.unit,
    quantity: unscaled(used.quantity),
    cost: used.cost,
  }));
  return { costLines, hourTypeRates, materialsUsed };
}
