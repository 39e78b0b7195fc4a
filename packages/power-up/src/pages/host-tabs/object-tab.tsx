import { planWorkOrders } from '@contractbeheer/core';
import { defineMessages } from '../i18n/define-messages.js';
import type { PageDefinition } from '../page-route.js';
import { loadContracts, summarizeContract } from '../shared/contract-summary.js';
import { StatusBadge } from '../shared/status-badges.js';
import { pageDay } from '../shared/today.js';

const MESSAGES = defineMessages({
  nl: {
    title: (object: string) => `Contracten voor object ${object}`,
    tab: 'Contracten',
    noContracts: 'Geen contract dekt dit object.',
    contract: 'Contract',
    customer: 'Klant',
    status: 'Status',
    nextDates: 'Volgende data',
    recentTitle: 'Laatste werkbonnen volgens planning',
    recentNote: 'Geplande data van de afgelopen 90 dagen volgens het schema van elk contract.',
    noRecent: 'Geen geplande werkbonnen in de afgelopen 90 dagen.',
    date: 'Datum',
    workType: 'Soort werk',
  },
  en: {
    title: (object: string) => `Contracts for object ${object}`,
    tab: 'Contracts',
    noContracts: 'No contract covers this object.',
    contract: 'Contract',
    customer: 'Customer',
    status: 'Status',
    nextDates: 'Next dates',
    recentTitle: 'Last work orders as planned',
    recentNote: "Planned dates of the last 90 days according to each contract's schedule.",
    noRecent: 'No work orders planned in the last 90 days.',
    date: 'Date',
    workType: 'Type of work',
  },
});

/** How far back the tab lists planned work orders. */
const RECENT_DAYS = 90;

function daysBefore(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - days)).toISOString().slice(0, 10);
}

/**
 * The object tab: the contracts covering the object (status and next dates), and its last work orders. Until the
 * generation ledger is in the store, "last work orders" are the dates the contracts' schedules planned in the last 90
 * days (the core's `planWorkOrders`), labelled as planned — not a claim that the host created them.
 */
export const objectTabPage: PageDefinition = {
  path: '/pages/object-tab',
  entities: ['object'],
  capability: {
    key: 'contracts-object-tab',
    kind: 'object-tab',
    title: { nl: MESSAGES.nl.tab, en: MESSAGES.en.tab },
    display: 'frame',
  },
  async render(page) {
    const t = MESSAGES[page.locale];
    const objectCode = page.claims.entity.id ?? '';
    const { asOf, today } = pageDay(page);
    const rates = page.tenant.settings.hourTypeRates;
    const contracts = objectCode === '' ? [] : await loadContracts(page.store, { objectCode });
    const summaries = contracts.map(({ contract, terms }) =>
      summarizeContract(contract, { asOf, today, terms, hourTypeRates: rates }),
    );
    const since = daysBefore(today, RECENT_DAYS);
    const recent = contracts
      .flatMap(({ contract }) =>
        planWorkOrders(contract, { asOf, generatedKeys: [], since }).plans.filter(
          (plan) => plan.targetDate < today && plan.objectCodes.includes(objectCode),
        ),
      )
      .sort((a, b) => b.targetDate.localeCompare(a.targetDate) || a.contractId.localeCompare(b.contractId))
      .slice(0, 10);
    return {
      title: t.title(objectCode),
      body: (
        <>
          {summaries.length === 0 ? (
            <p class="empty">{t.noContracts}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.contract}</th>
                  <th scope="col">{t.customer}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.nextDates}</th>
                </tr>
              </thead>
              <tbody>
                {summaries.map(({ contract, status, nextDates }) => (
                  <tr>
                    <td>
                      {contract.id}
                      {contract.name === undefined ? null : <div class="muted">{contract.name}</div>}
                    </td>
                    <td>{contract.debtorNumber}</td>
                    <td>
                      <StatusBadge page={page} status={status.status} />
                    </td>
                    <td>
                      {nextDates.length === 0
                        ? page.common.none
                        : nextDates.map((date) => page.format.date(date)).join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>{t.recentTitle}</h2>
          <p class="muted">{t.recentNote}</p>
          {recent.length === 0 ? (
            <p class="empty">{t.noRecent}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.date}</th>
                  <th scope="col">{t.contract}</th>
                  <th scope="col">{t.workType}</th>
                </tr>
              </thead>
              <tbody>
                {recent.map((plan) => (
                  <tr>
                    <td>{page.format.date(plan.targetDate)}</td>
                    <td>{plan.contractId}</td>
                    <td>{plan.workType}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ),
    };
  },
};
