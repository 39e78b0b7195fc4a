import type { HostSandbox } from '@contractbeheer/sdk/sandbox';

/** Statuses in which a work order is still waiting for the field (not yet completed or handled). */
const WAITING = new Set(['Klaargezet', 'Opgehaald']);

/**
 * The field, played for the local demo: every `everyMs` the sandbox host completes the oldest waiting work orders as
 * a mechanic would — picked up, then completed with an hour and a half of normal hours and a filter — so its signed
 * webhooks reach the power-up, become cost lines, and the contracts' budgets move while you watch. Only work orders
 * the power-up generated are touched (those whose number starts `CB-`), at most `perTick` at a time.
 */
export function startFieldSimulation(
  sandbox: HostSandbox,
  options: { everyMs: number; perTick: number; now: () => Date },
): { stop(): void } {
  const timer = setInterval(() => completeWaitingWorkOrders(sandbox, options), options.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** One round of the field: completes up to `perTick` of the oldest waiting work orders; returns their row ids. */
export function completeWaitingWorkOrders(
  sandbox: HostSandbox,
  options: { perTick: number; now: () => Date },
): number[] {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const waiting = [...sandbox.workOrders.entries()]
    .filter(([, order]) => text(order.WorkorderNo).startsWith('CB-') && WAITING.has(text(order.status)))
    .slice(0, options.perTick);
  for (const [rowId, order] of waiting) {
    // The host's own formats: DD-MM-YYYY dates, HH:mm times, comma decimals for material prices.
    const [year, month, day] = options.now().toISOString().slice(0, 10).split('-');
    if (text(order.status) === 'Klaargezet') sandbox.progressWorkOrder(rowId, 'Opgehaald');
    sandbox.progressWorkOrder(rowId, 'Compleet', {
      Workperiods: [
        {
          WorkDate: `${day}-${month}-${year}`,
          BeginTime: '09:00',
          EndTime: '10:30',
          Break: '0',
          TotalTime: '01:30',
          HourType: '001',
          EmployeeNr: '17',
        },
      ],
      Materials: [
        {
          MaterialCode: 'FLT-10',
          MaterialNr: '1',
          MaterialPrice: '12,50',
          MaterialName: 'Filter',
          MaterialUnit: 'st',
        },
      ],
    });
  }
  return waiting.map(([rowId]) => rowId);
}
