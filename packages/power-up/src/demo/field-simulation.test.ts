import { createHostSandbox, type HostSandbox } from '@contractbeheer/sdk/sandbox';
import { describe, expect, it } from 'vitest';
import { completeWaitingWorkOrders, startFieldSimulation } from './field-simulation.js';

const now = () => new Date('2026-03-02T10:00:00Z');

/** A work order as the sandbox keeps it, with only the fields the simulation reads. */
function put(sandbox: HostSandbox, rowId: number, workorderNo: string, status: string) {
  sandbox.workOrders.set(rowId, { WorkorderNo: workorderNo, status });
}

function sandboxWithOrders(): HostSandbox {
  const sandbox = createHostSandbox({ now });
  put(sandbox, 1, 'CB-0000000000001', 'Klaargezet');
  put(sandbox, 2, 'CB-0000000000002', 'Opgehaald');
  put(sandbox, 3, 'CB-0000000000003', 'Klaargezet');
  put(sandbox, 4, 'WO-HANDMATIG', 'Klaargezet');
  put(sandbox, 5, 'CB-0000000000005', 'Afgehandeld');
  return sandbox;
}

describe('the demo’s field simulation', () => {
  it('completes at most perTick of the power-up’s waiting work orders per round, with hours and a material', () => {
    const sandbox = sandboxWithOrders();
    expect(completeWaitingWorkOrders(sandbox, { perTick: 2, now })).toEqual([1, 2]);
    expect(sandbox.workOrders.get(1)).toMatchObject({
      status: 'Compleet',
      Workperiods: [{ WorkDate: '02-03-2026', TotalTime: '01:30', HourType: '001' }],
      Materials: [{ MaterialCode: 'FLT-10', MaterialNr: '1', MaterialPrice: '12,50' }],
    });
    expect(sandbox.workOrders.get(3)?.status).toBe('Klaargezet');
    expect(completeWaitingWorkOrders(sandbox, { perTick: 2, now })).toEqual([3]);
    // Not the power-up's (no CB- number), or no longer waiting: left alone.
    expect(completeWaitingWorkOrders(sandbox, { perTick: 2, now })).toEqual([]);
    expect(sandbox.workOrders.get(4)?.status).toBe('Klaargezet');
    expect(sandbox.workOrders.get(5)?.status).toBe('Afgehandeld');
  });

  it('runs on a timer until stopped', async () => {
    const sandbox = sandboxWithOrders();
    const field = startFieldSimulation(sandbox, { everyMs: 10, perTick: 1, now });
    await expect.poll(() => sandbox.workOrders.get(3)?.status, { timeout: 5_000 }).toBe('Compleet');
    field.stop();
  });
});
