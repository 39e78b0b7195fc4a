import { contractPath } from '../contracts/contract-paths.js';
import { defineMessages } from '../i18n/define-messages.js';
import type { PageContext } from '../page-route.js';

const MESSAGES = defineMessages({
  nl: {
    unused: 'Geen contract gebruikt dit.',
    usedBy: (count: string) => `Gebruikt door ${count} ${count === '1' ? 'contract' : 'contracten'}:`,
    more: (count: string) => `en nog ${count}`,
    whyNoDelete:
      'Verwijderen kan pas als geen contract er meer naar verwijst: kies bij die contracten eerst iets anders.',
  },
  en: {
    unused: 'No contract uses this.',
    usedBy: (count: string) => `Used by ${count} ${count === '1' ? 'contract' : 'contracts'}:`,
    more: (count: string) => `and ${count} more`,
    whyNoDelete: 'It can be deleted once no contract refers to it: choose something else on those contracts first.',
  },
});

/** How many contracts name a setting, and the first few of them (the page links to each). */
export type ContractUsage = { count: number; contractIds: string[] };

/** How many contracts a page lists by name; the rest are counted. */
const NAMED = 5;

/**
 * The contracts that use contract terms or an SLA policy: the store's count (the number its delete checks), and the
 * first contracts by id.
 */
export async function contractUsageOf(
  page: PageContext,
  setting: { termsCode: string } | { slaPolicyCode: string },
): Promise<ContractUsage> {
  const count =
    'termsCode' in setting
      ? await page.store.terms.usageCount(setting.termsCode)
      : await page.store.slaPolicies.usageCount(setting.slaPolicyCode);
  if (count === 0) return { count, contractIds: [] };
  const { items } = await page.store.contracts.list({ filters: setting, limit: NAMED });
  return { count, contractIds: items.map((stored) => stored.contract.id) };
}

/**
 * Which contracts use a setting, each a link to the contract, and — when any does — why it cannot be deleted: shown
 * where the delete button would be, so the person sees what to change first.
 */
export function ContractUsageNote(props: { page: PageContext; usage: ContractUsage }) {
  const { page, usage } = props;
  const t = MESSAGES[page.locale];
  if (usage.count === 0) return <p class="muted">{t.unused}</p>;
  const rest = usage.count - usage.contractIds.length;
  return (
    <>
      <p>
        {t.usedBy(page.format.number(usage.count))}{' '}
        {usage.contractIds.map((id, i) => (
          <>
            {i > 0 && ', '}
            <a href={page.href(contractPath(id))}>{id}</a>
          </>
        ))}
        {rest > 0 && ` ${t.more(page.format.number(rest))}`}.
      </p>
      <p class="muted">{t.whyNoDelete}</p>
    </>
  );
}
