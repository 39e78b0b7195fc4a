import { defineMessages } from '../i18n/define-messages.js';
import type { PageDefinition } from '../page-route.js';
import { loadContracts, summarizeContract } from '../shared/contract-summary.js';
import { BudgetState } from '../shared/status-badges.js';
import { pageDay } from '../shared/today.js';

const MESSAGES = defineMessages({
  nl: {
    title: 'Contracten die aandacht vragen',
    widget: 'Contractbeheer',
    pressureTitle: 'Budget onder druk',
    noPressure: 'Geen contract staat onder budgetdruk.',
    renewalsTitle: 'Opzegtermijn verloopt binnenkort',
    noRenewals: (days: number) => `Bij geen contract verloopt de opzegtermijn in de komende ${days} dagen.`,
    contract: 'Contract',
    customer: 'Klant',
    budget: 'Budget',
    noticeDeadline: 'Opzeggen uiterlijk',
    renews: 'Verlengt op',
  },
  en: {
    title: 'Contracts that need attention',
    widget: 'Contract management',
    pressureTitle: 'Budget under pressure',
    noPressure: 'No contract is under budget pressure.',
    renewalsTitle: 'Notice deadline soon',
    noRenewals: (days: number) => `No contract's notice deadline falls in the next ${days} days.`,
    contract: 'Contract',
    customer: 'Customer',
    budget: 'Budget',
    noticeDeadline: 'Give notice by',
    renews: 'Renews on',
  },
});

/** A notice deadline counts as soon within this many days (the core's `notice-deadline-near` flag uses 30). */
const SOON_DAYS = 30;
/** A widget is small: at most this many rows per list. */
const MAX_ROWS = 8;

/**
 * The dashboard widget: contracts under budget pressure (the core's budget verdict) and contracts whose notice
 * deadline is near (the core's renewal timeline and its `notice-deadline-near` flag), soonest first.
 */
export const dashboardWidgetPage: PageDefinition = {
  path: '/pages/dashboard-widget',
  entities: ['dashboard'],
  capability: {
    key: 'contracts-dashboard',
    kind: 'dashboard-widget',
    title: { nl: MESSAGES.nl.widget, en: MESSAGES.en.widget },
    display: 'frame',
  },
  async render(page) {
    const t = MESSAGES[page.locale];
    const { asOf, today } = pageDay(page);
    const summaries = (await loadContracts(page.store, { terminated: false })).map(({ contract, terms }) =>
      summarizeContract(contract, { asOf, today, terms, hourTypeRates: page.tenant.settings.hourTypeRates }),
    );
    const pressure = summaries.filter((summary) => summary.budget?.underPressure === true).slice(0, MAX_ROWS);
    const renewals = summaries
      .filter((summary) => summary.status.flags.includes('notice-deadline-near'))
      .sort((a, b) => (a.status.timeline.noticeDeadline ?? '').localeCompare(b.status.timeline.noticeDeadline ?? ''))
      .slice(0, MAX_ROWS);
    return {
      title: t.title,
      body: (
        <>
          <h2>{t.pressureTitle}</h2>
          {pressure.length === 0 ? (
            <p class="empty">{t.noPressure}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.contract}</th>
                  <th scope="col">{t.customer}</th>
                  <th scope="col">{t.budget}</th>
                </tr>
              </thead>
              <tbody>
                {pressure.map(({ contract, budget }) => (
                  <tr>
                    <td>{contract.id}</td>
                    <td>{contract.debtorNumber}</td>
                    <td>
                      <BudgetState page={page} budget={budget} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>{t.renewalsTitle}</h2>
          {renewals.length === 0 ? (
            <p class="empty">{t.noRenewals(SOON_DAYS)}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.contract}</th>
                  <th scope="col">{t.customer}</th>
                  <th scope="col">{t.noticeDeadline}</th>
                  <th scope="col">{t.renews}</th>
                </tr>
              </thead>
              <tbody>
                {renewals.map(({ contract, status }) => (
                  <tr>
                    <td>{contract.id}</td>
                    <td>{contract.debtorNumber}</td>
                    <td>{page.format.date(status.timeline.noticeDeadline!)}</td>
                    <td>
                      {status.timeline.nextRenewal === null ? '—' : page.format.date(status.timeline.nextRenewal)}
                    </td>
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
