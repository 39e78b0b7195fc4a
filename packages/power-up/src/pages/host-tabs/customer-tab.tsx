import { defineMessages } from '../i18n/define-messages.js';
import type { PageDefinition } from '../page-route.js';
import { loadContracts, summarizeContract } from '../shared/contract-summary.js';
import { BudgetState, StatusBadge } from '../shared/status-badges.js';
import { pageDay } from '../shared/today.js';

const MESSAGES = defineMessages({
  nl: {
    title: (customer: string) => `Contracten van klant ${customer}`,
    tab: 'Contracten',
    noContracts: 'Deze klant heeft geen contracten.',
    contract: 'Contract',
    type: 'Soort',
    status: 'Status',
    period: 'Looptijd',
    budget: 'Budget',
    openEnded: 'onbepaald',
    preventive: 'Preventief',
    corrective: 'Correctief',
    'yearly-orders': 'Jaarorders',
  },
  en: {
    title: (customer: string) => `Contracts of customer ${customer}`,
    tab: 'Contracts',
    noContracts: 'This customer has no contracts.',
    contract: 'Contract',
    type: 'Type',
    status: 'Status',
    period: 'Term',
    budget: 'Budget',
    openEnded: 'open-ended',
    preventive: 'Preventive',
    corrective: 'Corrective',
    'yearly-orders': 'Yearly orders',
  },
});

/** The customer tab: the customer's contracts (by debtor number) with their status and budget state. */
export const customerTabPage: PageDefinition = {
  path: '/pages/customer-tab',
  entities: ['customer'],
  capability: {
    key: 'contracts-customer-tab',
    kind: 'customer-tab',
    title: { nl: MESSAGES.nl.tab, en: MESSAGES.en.tab },
    display: 'frame',
  },
  async render(page) {
    const t = MESSAGES[page.locale];
    const debtorNumber = page.claims.entity.id ?? '';
    const { asOf, today } = pageDay(page);
    const contracts = debtorNumber === '' ? [] : await loadContracts(page.store, { debtorNumber });
    const summaries = contracts.map(({ contract, terms }) =>
      summarizeContract(contract, { asOf, today, terms, hourTypeRates: page.tenant.settings.hourTypeRates }),
    );
    return {
      title: t.title(debtorNumber),
      body:
        summaries.length === 0 ? (
          <p class="empty">{t.noContracts}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t.contract}</th>
                <th scope="col">{t.type}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.period}</th>
                <th scope="col">{t.budget}</th>
              </tr>
            </thead>
            <tbody>
              {summaries.map(({ contract, status, budget }) => (
                <tr>
                  <td>
                    {contract.id}
                    {contract.name === undefined ? null : <div class="muted">{contract.name}</div>}
                  </td>
                  <td>{t[contract.type]}</td>
                  <td>
                    <StatusBadge page={page} status={status.status} />
                  </td>
                  <td>
                    {page.format.date(contract.startDate)} –{' '}
                    {(status.timeline.finalDay ?? status.timeline.periodEnd) === null
                      ? t.openEnded
                      : page.format.date((status.timeline.finalDay ?? status.timeline.periodEnd)!)}
                  </td>
                  <td>
                    <BudgetState page={page} budget={budget} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ),
    };
  },
};
