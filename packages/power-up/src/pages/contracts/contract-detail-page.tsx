import type { Context } from 'hono';
import type { AppEnv } from '../../api/app-env.js';
import { BudgetBurnChart } from '../charts/budget-burn-chart.js';
import { occurrenceKind, ScheduleTimeline } from '../charts/schedule-timeline.js';
import { TermsTimeline } from '../charts/terms-timeline.js';
import { callOperation, formErrorsOf } from '../contracts-api-bridge.js';
import { defineMessages } from '../i18n/define-messages.js';
import { ContextFields, type PageContext, type PageDefinition, type PageView } from '../page-route.js';
import { loadContractDetail, type ContractDetail } from './contract-detail-data.js';
import { contractPath } from './contract-paths.js';

const MESSAGES = defineMessages({
  nl: {
    title: (name: string) => `Contract ${name}`,
    status: 'Status',
    statuses: (status: string) =>
      ({ 'not-started': 'Nog niet gestart', active: 'Actief', ended: 'Afgelopen', terminated: 'Beëindigd' })[status] ??
      status,
    flags: (flag: string) =>
      ({ 'renewal-due': 'Verlenging nadert', 'notice-deadline-near': 'Opzegtermijn verloopt binnenkort' })[flag] ??
      flag,
    type: 'Soort',
    types: (type: string) =>
      ({ preventive: 'Preventief', corrective: 'Correctief', 'yearly-orders': 'Jaarorders' })[type] ?? type,
    customer: 'Klant (debiteur)',
    objects: 'Objecten',
    terms: 'Contractvoorwaarden',
    termsAndNotice: 'Looptijd en opzegging',
    schedule: 'Planning',
    scheduleStates:
      'Aangemaakt en overgeslagen volgens het generatielogboek; wat daar nog niet in staat is gepland, of te laat als de aanmaakdatum voorbij is.',
    upcoming: 'Volgende werkbonnen',
    targetDate: 'Streefdatum',
    creationDate: 'Aanmaakdatum',
    object: 'Object',
    state: 'Stand',
    kinds: (kind: string) =>
      ({ generated: 'Aangemaakt', planned: 'Gepland', late: 'Te laat', skipped: 'Overgeslagen' })[kind] ?? kind,
    allObjects: 'Alle objecten',
    noUpcoming: 'Er staan geen werkbonnen meer gepland.',
    corrective: (policy: string) => `Correctief contract: werkbonnen volgen de SLA-afspraak ${policy}.`,
    budget: 'Budget',
    noBudget: 'Dit contract heeft geen budget.',
    noExpectedCost: 'Voor een prognose is de verwachte kosten per werkbon nodig: vul die in bij Wijzigen.',
    underPressure: 'Budget onder druk',
    termination: 'Beëindiging',
    terminatedOn: (date: string) => `Beëindigd per ${date}`,
    reason: 'Reden',
    remark: 'Opmerking',
    actions: 'Acties',
    edit: 'Wijzigen',
    terminate: 'Beëindigen',
    renew: 'Verlengen',
    restart: 'Herstarten',
    newId: 'Nummer van het nieuwe contract',
    startDate: 'Startdatum (leeg: aansluitend)',
    actionFailed: 'Dit kon niet:',
    none: 'Geen',
  },
  en: {
    title: (name: string) => `Contract ${name}`,
    status: 'Status',
    statuses: (status: string) =>
      ({ 'not-started': 'Not started', active: 'Active', ended: 'Ended', terminated: 'Terminated' })[status] ?? status,
    flags: (flag: string) =>
      ({ 'renewal-due': 'Renewal due', 'notice-deadline-near': 'Notice deadline near' })[flag] ?? flag,
    type: 'Type',
    types: (type: string) =>
      ({ preventive: 'Preventive', corrective: 'Corrective', 'yearly-orders': 'Yearly orders' })[type] ?? type,
    customer: 'Customer (debtor)',
    objects: 'Objects',
    terms: 'Contract terms',
    termsAndNotice: 'Term and notice',
    schedule: 'Schedule',
    scheduleStates:
      'Generated and skipped as the generation ledger records them; what it has no row of yet is planned, or late once its creation date has passed.',
    upcoming: 'Next work orders',
    targetDate: 'Target date',
    creationDate: 'Created on',
    object: 'Object',
    state: 'State',
    kinds: (kind: string) =>
      ({ generated: 'Generated', planned: 'Planned', late: 'Late', skipped: 'Skipped' })[kind] ?? kind,
    allObjects: 'All objects',
    noUpcoming: 'No more work orders are planned.',
    corrective: (policy: string) => `Corrective contract: work orders follow the SLA policy ${policy}.`,
    budget: 'Budget',
    noBudget: 'This contract has no budget.',
    noExpectedCost: 'A forecast needs the expected cost per work order: fill it in under Edit.',
    underPressure: 'Budget under pressure',
    termination: 'Termination',
    terminatedOn: (date: string) => `Terminated as of ${date}`,
    reason: 'Reason',
    remark: 'Remark',
    actions: 'Actions',
    edit: 'Edit',
    terminate: 'Terminate',
    renew: 'Renew',
    restart: 'Restart',
    newId: 'Number of the new contract',
    startDate: 'Start date (empty: right after)',
    actionFailed: 'This could not be done:',
    none: 'None',
  },
});

/** How many of the next occurrences the page lists in a table (the timeline shows them all). */
const UPCOMING_ROWS = 10;

function DetailBody(props: { page: PageContext; detail: ContractDetail; actionError?: string }) {
  const { page, detail } = props;
  const t = MESSAGES[page.locale];
  const { contract, status, flags } = detail.resource;
  const format = page.format;
  const upcoming = (detail.schedule?.occurrences ?? [])
    .filter((o) => o.targetDate >= detail.today)
    .slice(0, UPCOMING_ROWS);
  const open = status !== 'terminated' && status !== 'ended';
  return (
    <>
      {props.actionError !== undefined && (
        <div class="refusal" role="alert">
          <p>
            {t.actionFailed} {props.actionError}
          </p>
        </div>
      )}
      <dl class="facts">
        <dt>{t.status}</dt>
        <dd>
          <span class={`badge ${status === 'active' ? 'ok' : status === 'terminated' ? 'warn' : 'muted'}`}>
            {t.statuses(status)}
          </span>
          {flags.map((flag) => (
            <>
              {' '}
              <span class="badge warn">{t.flags(flag)}</span>
            </>
          ))}
        </dd>
        <dt>{t.type}</dt>
        <dd>{t.types(contract.type)}</dd>
        <dt>{t.customer}</dt>
        <dd>{contract.debtorNumber}</dd>
        <dt>{t.objects}</dt>
        <dd>{contract.objectCodes.length === 0 ? t.none : contract.objectCodes.join(', ')}</dd>
        <dt>{t.terms}</dt>
        <dd>{detail.terms === undefined ? t.none : `${detail.terms.name} (${detail.terms.code})`}</dd>
      </dl>

      {contract.termination !== undefined && (
        <section aria-labelledby="termination">
          <h2 id="termination">{t.termination}</h2>
          <dl class="facts">
            <dt>{t.terminatedOn(format.date(contract.termination.date))}</dt>
            <dd />
            <dt>{t.reason}</dt>
            <dd>{contract.termination.reasonLabel ?? t.none}</dd>
            <dt>{t.remark}</dt>
            <dd>{contract.termination.remark ?? t.none}</dd>
          </dl>
        </section>
      )}

      <section aria-labelledby="terms-heading">
        <h2 id="terms-heading">{t.termsAndNotice}</h2>
        <TermsTimeline
          id="terms"
          locale={page.locale}
          data={{
            startDate: contract.startDate,
            today: detail.today,
            timeline: detail.timeline,
            terminationDate: contract.termination?.date ?? null,
          }}
        />
      </section>

      <section aria-labelledby="schedule-heading">
        <h2 id="schedule-heading">{t.schedule}</h2>
        {detail.schedule === null ? (
          <p>{t.corrective(contract.slaPolicyCode ?? t.none)}</p>
        ) : (
          <>
            <ScheduleTimeline
              id="schedule"
              locale={page.locale}
              data={{
                from: detail.schedule.from,
                until: detail.schedule.until,
                today: detail.today,
                occurrences: detail.schedule.occurrences,
                nextCreationDate: detail.schedule.nextCreationDate,
              }}
            />
            <p class="muted">{t.scheduleStates}</p>
            <h3>{t.upcoming}</h3>
            {upcoming.length === 0 ? (
              <p class="empty">{t.noUpcoming}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.targetDate}</th>
                    <th scope="col">{t.creationDate}</th>
                    <th scope="col">{t.object}</th>
                    <th scope="col">{t.state}</th>
                  </tr>
                </thead>
                <tbody>
                  {upcoming.map((occurrence) => (
                    <tr>
                      <td>{format.date(occurrence.targetDate)}</td>
                      <td>{format.date(occurrence.creationDate)}</td>
                      <td>{occurrence.objectCode ?? t.allObjects}</td>
                      <td>{t.kinds(occurrenceKind(occurrence))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="budget-heading">
        <h2 id="budget-heading">{t.budget}</h2>
        {'missing' in detail.budget ? (
          <p class="empty">{detail.budget.missing === 'no-budget' ? t.noBudget : t.noExpectedCost}</p>
        ) : (
          <>
            {detail.budget.status.underPressure && <p class="badge bad">{t.underPressure}</p>}
            <BudgetBurnChart
              id="burn"
              locale={page.locale}
              data={{
                period: detail.budget.status.period,
                today: detail.today,
                budget: detail.budget.status.budget,
                // The actual cost lines come from the host with the cost-line store (not yet built): until then
                // the API's budget status has consumed nothing, and the chart has no spend to step up.
                spend: [],
                consumed: detail.budget.status.consumed,
                forecast: detail.budget.status.forecast,
                usedBasisPoints: detail.budget.status.usedBasisPoints,
                elapsedBasisPoints: detail.budget.status.elapsedBasisPoints,
              }}
            />
          </>
        )}
      </section>

      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t.actions}</h2>
        <p>
          <a class="button" href={page.href(contractPath(contract.id, 'edit'))}>
            {t.edit}
          </a>{' '}
          {open && (
            <a class="button" href={page.href(contractPath(contract.id, 'terminate'))}>
              {t.terminate}
            </a>
          )}
        </p>
        {open && (
          <form method="post" action={contractPath(contract.id, 'renew')}>
            <ContextFields page={page} />
            <input type="hidden" name="version" value={String(contract.version)} />
            <button type="submit">{t.renew}</button>
          </form>
        )}
        {!open && (
          <form method="post" action={contractPath(contract.id, 'restart')}>
            <ContextFields page={page} />
            <label for="restart-newId">{t.newId}</label>
            <input id="restart-newId" name="newId" required value={`${contract.id}-2`} />
            <label for="restart-startDate">{t.startDate}</label>
            <input id="restart-startDate" name="startDate" type="date" />
            <p>
              <button type="submit">{t.restart}</button>
            </p>
          </form>
        )}
      </section>
    </>
  );
}

/** The detail page's view, with an action's refusal on top when one failed. */
async function detailView(page: PageContext, c: Context<AppEnv>, actionError?: string): Promise<PageView> {
  const detail = await loadContractDetail(page, c, c.req.param('id') ?? '');
  const { contract } = detail.resource;
  return {
    title: MESSAGES[page.locale].title(contract.name ?? contract.id),
    body: <DetailBody page={page} detail={detail} {...(actionError !== undefined && { actionError })} />,
    ...(actionError !== undefined && { status: 422 as const }),
  };
}

/**
 * A contract at a glance: its status and flags, the terms timeline with the notice deadline, the schedule timeline
 * with the next work orders, the budget burn chart, and the actions (edit, terminate, renew, restart).
 */
export const contractDetailPage: PageDefinition = {
  path: '/pages/contracts/:id',
  render: (page, c) => detailView(page, c),
};

/** A contract action posted from the detail page: done through the contracts API's handler, then back to the page. */
function actionPage(action: 'renew' | 'restart'): PageDefinition {
  return {
    method: 'POST',
    path: `/pages/contracts/:id/${action}`,
    async render(page, c) {
      const id = c.req.param('id') ?? '';
      const form = await c.req.parseBody();
      const text = (name: string) => (typeof form[name] === 'string' ? form[name].trim() : '');
      try {
        if (action === 'renew') {
          const version = Number(text('version'));
          await callOperation(page, c, 'renewContract', {
            params: { id },
            body: {},
            ...(Number.isSafeInteger(version) && text('version') !== '' && { ifMatch: version }),
          });
          return c.redirect(page.href(contractPath(id)), 303);
        }
        const body = { newId: text('newId'), ...(text('startDate') !== '' && { startDate: text('startDate') }) };
        await callOperation(page, c, 'restartContract', { params: { id }, body });
        return c.redirect(page.href(contractPath(body.newId)), 303);
      } catch (error) {
        const errors = formErrorsOf(error, [], page.locale);
        if (errors === undefined) throw error;
        return detailView(page, c, errors.map((e) => e.message).join(' '));
      }
    },
  };
}

export const renewContractPage = actionPage('renew');
export const restartContractPage = actionPage('restart');
