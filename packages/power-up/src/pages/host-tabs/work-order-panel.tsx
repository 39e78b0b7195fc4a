import { dutchDaysOff, slaState, type BusinessCalendar, type SlaClock, type SlaPolicy } from '@contractbeheer/core';
import { NotFoundError, type HostWorkOrder } from '@contractbeheer/sdk';
import type { TenantSettings } from '../../store/store.js';
import { defineMessages } from '../i18n/define-messages.js';
import type { PageContext, PageDefinition } from '../page-route.js';
import { loadContracts } from '../shared/contract-summary.js';
import { pageDay } from '../shared/today.js';
import { describeWorkingHours } from '../shared/working-hours.js';

const MESSAGES = defineMessages({
  nl: {
    title: (workOrder: string) => `SLA van werkbon ${workOrder}`,
    panel: 'SLA-klok',
    noWorkOrder: 'Deze werkbon is niet gevonden bij OutSmart.',
    noPolicy: 'Voor deze klant geldt geen correctief contract met een SLA-beleid.',
    noTarget: (priority: string) => `Het SLA-beleid heeft geen norm voor prioriteit ${priority}.`,
    noPriority: 'De werkbon heeft geen prioriteit: zonder prioriteit geldt geen SLA-norm.',
    policy: (name: string, contract: string) => `Beleid ${name} (contract ${contract})`,
    opened: 'Gemeld',
    clock: 'Klok',
    due: 'Uiterlijk',
    remaining: 'Resterend',
    state: 'Stand',
    response: 'Reactie',
    resolution: 'Oplossing',
    running: 'Loopt',
    met: 'Gehaald',
    breached: 'Overschreden',
    reached: 'Status bereikt',
    late: (time: string) => `${time} te laat`,
    left: (time: string) => `nog ${time}`,
    businessHours: (hours: string) => `Telt alleen werkuren (${hours}), zonder vrije dagen.`,
    allHours: 'Telt alle uren.',
  },
  en: {
    title: (workOrder: string) => `SLA of work order ${workOrder}`,
    panel: 'SLA clock',
    noWorkOrder: 'This work order was not found in OutSmart.',
    noPolicy: 'No corrective contract with an SLA policy applies to this customer.',
    noTarget: (priority: string) => `The SLA policy has no target for priority ${priority}.`,
    noPriority: 'The work order has no priority: without one no SLA target applies.',
    policy: (name: string, contract: string) => `Policy ${name} (contract ${contract})`,
    opened: 'Reported',
    clock: 'Clock',
    due: 'Due',
    remaining: 'Remaining',
    state: 'State',
    response: 'Response',
    resolution: 'Resolution',
    running: 'Running',
    met: 'Met',
    breached: 'Breached',
    reached: 'Status reached',
    late: (time: string) => `${time} late`,
    left: (time: string) => `${time} left`,
    businessHours: (hours: string) => `Counts working hours only (${hours}), without days off.`,
    allHours: 'Counts all hours.',
  },
});

/**
 * The tenant's calendar for a business SLA clock: its working hours (a tenant setting, edited on the SLA policies
 * settings page), in its zone, without its days off (the Dutch public days off, or its own list).
 */
function calendarFor(settings: TenantSettings, year: number): BusinessCalendar {
  const holidays = settings.holidays === 'nl' ? dutchDaysOff(year - 1, year + 1) : settings.holidays;
  return { tzid: settings.timeZone, hours: settings.workingHours, holidays };
}

/** `1 u 05 m` / `1 h 05 m`, for a number of minutes (the sign is worded by the caller). */
function duration(minutes: number, locale: PageContext['locale']): string {
  const whole = Math.abs(Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return `${hours} ${locale === 'nl' ? 'u' : 'h'} ${rest} m`;
}

/** Whether the host's current status is (at or past) the policy's stop status, as far as the host's fields say. */
function hasStatus(workOrder: HostWorkOrder, status: string): boolean {
  const wanted = status.toLowerCase();
  return [workOrder.workStatus, workOrder.status].some((value) => value?.toLowerCase() === wanted);
}

type ClockRow = { label: string; clock: SlaClock; reachedByStatus: boolean };

/**
 * The work-order panel: the SLA clock of a host work order — response and resolution due, time remaining, met or
 * breached — computed by the core's `slaState` from the policy of the customer's corrective contract. The host keeps
 * no status history the power-up can read yet (the webhook events bring it), so the clocks run from the report time;
 * a clock whose stop status the work order already shows is marked reached, without a time.
 */
export const workOrderPanelPage: PageDefinition = {
  path: '/pages/work-order-panel',
  entities: ['work-order'],
  capability: {
    key: 'contracts-sla-panel',
    kind: 'work-order-panel',
    title: { nl: MESSAGES.nl.panel, en: MESSAGES.en.panel },
    display: 'frame',
  },
  async render(page) {
    const t = MESSAGES[page.locale];
    const workorderNo = page.claims.entity.id ?? '';
    const title = t.title(workorderNo);
    const message = (text: string) => ({ title, body: <p class="empty">{text}</p> });

    const host = await page.host();
    const workOrder = workorderNo === '' ? undefined : await host.workOrders.get({ workorderNo }).catch(notFound);
    if (workOrder === undefined) return message(t.noWorkOrder);
    const debtorNumber = workOrder.customerDebtorNr ?? '';
    const { asOf, today } = pageDay(page);

    let policy: SlaPolicy | undefined;
    let contractId = '';
    for (const { contract } of debtorNumber === ''
      ? []
      : await loadContracts(page.store, { debtorNumber, type: 'corrective' })) {
      if (contract.slaPolicyCode === undefined || contract.startDate > today) continue;
      if (contract.termination !== undefined && contract.termination.date < today) continue;
      policy = await page.store.slaPolicies.get(contract.slaPolicyCode);
      contractId = contract.id;
      if (policy !== undefined) break;
    }
    if (policy === undefined) return message(t.noPolicy);
    const priorityCode = workOrder.priorityCode;
    if (priorityCode === null) return message(t.noPriority);
    if (!Object.hasOwn(policy.targets, priorityCode)) return message(t.noTarget(priorityCode));

    // The host stamps times in UTC (`2026-01-15T09:00:00` as the SDK reads it); a bare date counts from its start.
    const reported = workOrder.creationDate ?? today;
    const openedAt = `${reported.length === 10 ? `${reported}T00:00:00` : reported}Z`;
    const calendar = calendarFor(page.tenant.settings, Number(today.slice(0, 4)));
    const state = slaState(policy, calendar, { priorityCode, openedAt, history: [], asOf });
    const resolved = hasStatus(workOrder, policy.resolvedStatus);
    const rows: ClockRow[] = [
      {
        label: t.response,
        clock: state.response,
        reachedByStatus: resolved || hasStatus(workOrder, policy.responseStatus),
      },
      { label: t.resolution, clock: state.resolution, reachedByStatus: resolved },
    ];
    return {
      title,
      body: (
        <>
          <dl class="facts">
            <dt>{t.opened}</dt>
            <dd>{page.format.dateTime(openedAt, page.zone)}</dd>
            <dt>{t.clock}</dt>
            <dd>
              {t.policy(policy.name, contractId)}.{' '}
              {policy.clock === 'business'
                ? t.businessHours(describeWorkingHours(page.tenant.settings.workingHours, page.locale))
                : t.allHours}
            </dd>
          </dl>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.clock}</th>
                <th scope="col">{t.due}</th>
                <th scope="col" class="num">
                  {t.remaining}
                </th>
                <th scope="col">{t.state}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ label, clock, reachedByStatus }) => (
                <tr>
                  <th scope="row">{label}</th>
                  <td>{page.format.dateTime(clock.due, page.zone)}</td>
                  <td class="num">
                    {reachedByStatus
                      ? '—'
                      : clock.remainingMinutes < 0
                        ? t.late(duration(clock.remainingMinutes, page.locale))
                        : t.left(duration(clock.remainingMinutes, page.locale))}
                  </td>
                  <td>
                    {reachedByStatus ? (
                      <span class="badge ok">{t.reached}</span>
                    ) : (
                      <span
                        class={`badge ${clock.state === 'breached' ? 'bad' : clock.state === 'met' ? 'ok' : 'warn'}`}
                      >
                        {t[clock.state]}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ),
    };
  },
};

/** The host's "no such work order" is an empty panel, not an error page; anything else is a real failure. */
function notFound(error: unknown): undefined {
  if (error instanceof NotFoundError) return undefined;
  throw error;
}
