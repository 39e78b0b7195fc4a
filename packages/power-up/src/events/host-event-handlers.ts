import type { EventContext } from './event-context.js';
import { EventRegistry } from './event-registry.js';
import { syncWorkOrder } from './sync-work-order.js';

/**
 * What host events do to the power-up's records, registered on one registry:
 * - a work order's status (changed, created or updated) → its ledger row's host status;
 * - a completed work order → its hours and materials become cost lines of its contract (read from the host, as the
 *   event carries only the number);
 * - a deleted object → every contract link to it is flagged.
 * Work orders the power-up did not generate (no ledger row with their number) are none of its business: ignored.
 */
export function hostEventHandlers(): EventRegistry {
  const registry = new EventRegistry();

  const followStatus = async (
    data: { workorderNo: string | null; status?: string | null | undefined },
    context: EventContext,
  ) => {
    if (data.workorderNo === null || data.status === undefined || data.status === null) return;
    const known = await context.store.ledger.setHostStatus(data.workorderNo, data.status, context.now().toISOString());
    if (!known) context.log.debug({ workOrderNumber: data.workorderNo }, 'not a generated work order: ignored');
  };
  registry.on('workorder.status_changed', (event, context) => followStatus(event.data, context));
  registry.on('workorder.created', (event, context) => followStatus(event.data, context));
  registry.on('workorder.updated', (event, context) => followStatus(event.data, context));

  registry.on('workorder.completed', async (event, context) => {
    const number = event.data.workorderNo;
    if (number === null) return;
    const entry = await context.store.ledger.byWorkOrderNumber(number);
    if (entry === undefined) {
      context.log.debug({ workOrderNumber: number }, 'not a generated work order: ignored');
      return;
    }
    // update_status=false: reading a completed work order must not close it (Afgehandeld) behind the planner's back.
    const order = await context.host.workOrders.get({ workorderNo: number }, { updateStatus: false });
    const synced = await syncWorkOrder(context, { contractId: entry.contractId, workOrderNumber: number }, order);
    context.log.info({ workOrderNumber: number, ...synced }, 'work order completed: its costs are on the contract');
  });

  registry.on('object.deleted', async (event, context) => {
    const contractIds = await context.store.deletedObjects.flag(event.data.code, context.now().toISOString());
    if (contractIds.length > 0) {
      context.log.warn({ objectCode: event.data.code, contractIds }, 'a linked object was deleted on the host');
    }
  });

  return registry;
}
