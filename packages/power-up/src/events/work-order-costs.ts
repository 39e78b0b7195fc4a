import { multiplyMoney, type Money } from '@contractbeheer/core';
import type { HostWorkOrder } from '@contractbeheer/sdk';
import { PowerUpError } from '../power-up-error.js';
import type { NewCostLine } from '../store/inbound-events.js';

/** `H:i` (`'01:30'`) as minutes, or `null` when it is not a time of that form. */
function minutesOf(time: string | null): number | null {
  const match = time === null ? null : /^(\d{1,4}):([0-5]\d)$/.exec(time.trim());
  return match === null ? null : Number(match[1]) * 60 + Number(match[2]);
}

/** A period's minutes: the host's `TotalTime` (End − Begin − Break), else worked out from those three. */
function periodMinutes(period: HostWorkOrder['workPeriods'][number]): number | null {
  const total = minutesOf(period.totalTime);
  if (total !== null) return total;
  const begin = minutesOf(period.beginTime);
  const end = minutesOf(period.endTime);
  if (begin === null || end === null || end < begin) return null;
  return end - begin - (period.breakMinutes ?? 0);
}

/** A quantity as an exact ratio of whole numbers: `2.5` → 25/10 (the SDK parsed `'2,5'` to 2.5). */
function quantityRatio(quantity: number): { text: string; numerator: number; denominator: number } {
  const text = String(quantity);
  const match = /^(-?\d+)(?:\.(\d{1,6}))?$/.exec(text);
  if (match === null) {
    throw new PowerUpError('invalid-input', `the host sent a material quantity ${text} that is not a plain decimal.`, {
      path: ['Materials', 'MaterialNr'],
    });
  }
  const fraction = match[2] ?? '';
  return { text, numerator: Number(`${match[1]}${fraction}`), denominator: 10 ** fraction.length };
}

/**
 * A work order's hours and materials as cost lines, in cents: each work period is its minutes at the tenant's rate for
 * its hour type, each material its quantity at its unit price. A work period whose hour type has no rate is refused
 * (`invalid-config`, naming the hour type): a budget that silently left labour out would look healthier than it is —
 * the event is retried and, in the end, dead-lettered until the rate is set. Source line ids are the work order's
 * number with the line's kind and position, so reading the same work order again gives the same ids.
 */
export function workOrderCostLines(
  order: HostWorkOrder,
  options: { workOrderNumber: string; hourTypeRates: Readonly<Record<string, Money>>; currency: string; today: string },
): NewCostLine[] {
  const { workOrderNumber, hourTypeRates, currency } = options;
  // Materials carry no date of their own: the day the work was last done, else its planned day.
  const fallbackDate =
    [...order.workPeriods].reverse().find((period) => period.date !== null)?.date ?? order.workDate ?? options.today;
  const lines: NewCostLine[] = [];
  order.workPeriods.forEach((period, index) => {
    const minutes = periodMinutes(period);
    if (minutes === null || minutes <= 0) return;
    const code = period.hourTypeCode ?? '';
    const rate = Object.hasOwn(hourTypeRates, code) ? hourTypeRates[code] : undefined;
    if (rate === undefined || rate.currency !== currency) {
      throw new PowerUpError(
        'invalid-config',
        `work order ${workOrderNumber} has hours of type '${code}', which has no rate in ${currency}: add it to the ` +
          "tenant's hourTypeRates, then retry the event.",
        { path: ['settings', 'hourTypeRates', code] },
      );
    }
    lines.push({
      sourceLineId: `${workOrderNumber}/hours/${index}`,
      kind: 'hours',
      date: period.date ?? fallbackDate,
      quantity: String(minutes),
      hourTypeCode: code,
      materialCode: null,
      description: `${code}${period.employeeNr === null ? '' : ` (${period.employeeNr})`}`,
      unit: 'min',
      unitPrice: rate,
      amount: multiplyMoney(rate, minutes, 60),
    });
  });
  order.materials.forEach((material, index) => {
    if (material.quantity === null) return;
    const quantity = quantityRatio(material.quantity);
    const unitPrice = { amount: material.priceCents ?? 0, currency };
    lines.push({
      sourceLineId: `${workOrderNumber}/material/${index}`,
      kind: 'material',
      date: fallbackDate,
      quantity: quantity.text,
      hourTypeCode: null,
      materialCode: material.code,
      description: material.name ?? material.code ?? '',
      unit: material.unit ?? '',
      unitPrice,
      amount: multiplyMoney(unitPrice, quantity.numerator, quantity.denominator),
    });
  });
  return lines;
}
