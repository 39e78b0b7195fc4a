import type { BudgetStatus, ContractStatus } from '@contractbeheer/core';
import { defineMessages } from '../i18n/define-messages.js';
import type { PageContext } from '../page-route.js';

const MESSAGES = defineMessages({
  nl: {
    'not-started': 'Nog niet gestart',
    active: 'Actief',
    ended: 'Beëindigd',
    terminated: 'Opgezegd',
    noBudget: 'Geen budget',
    underPressure: 'Budget onder druk',
    withinBudget: 'Binnen budget',
    budgetUsed: (used: string, budget: string) => `${used} van ${budget}`,
  },
  en: {
    'not-started': 'Not started',
    active: 'Active',
    ended: 'Ended',
    terminated: 'Terminated',
    noBudget: 'No budget',
    underPressure: 'Budget under pressure',
    withinBudget: 'Within budget',
    budgetUsed: (used: string, budget: string) => `${used} of ${budget}`,
  },
});

const STATUS_TONE: Record<ContractStatus, string> = {
  'not-started': 'muted',
  active: 'ok',
  ended: 'muted',
  terminated: 'warn',
};

/** A contract's status as words in a badge (the colour only repeats what the words say). */
export function StatusBadge(props: { page: PageContext; status: ContractStatus }) {
  return <span class={`badge ${STATUS_TONE[props.status]}`}>{MESSAGES[props.page.locale][props.status]}</span>;
}

/** A contract's budget state: the verdict in words, and what is forecast of the budget. */
export function BudgetState(props: { page: PageContext; budget: BudgetStatus | null }) {
  const t = MESSAGES[props.page.locale];
  const { budget, page } = props;
  if (budget === null) return <span class="muted">{t.noBudget}</span>;
  const spent = budget.forecast ?? budget.consumed;
  return (
    <span>
      <span class={`badge ${budget.underPressure ? 'bad' : 'ok'}`}>
        {budget.underPressure ? t.underPressure : t.withinBudget}
      </span>{' '}
      <span class="muted">
        {t.budgetUsed(
          page.format.money(spent.amount, spent.currency),
          page.format.money(budget.budget.amount, budget.budget.currency),
        )}
      </span>
    </span>
  );
}
