import { localDateAt, type CancellationReport } from '@contractbeheer/core';
import { asOfNow } from '../../api/contracts/as-of.js';
import { CancellationChart } from '../charts/cancellation-chart.js';
import { callOperation, formErrorsOf } from '../contracts-api-bridge.js';
import { ErrorSummary, Field } from '../form-fields.js';
import { formValuesOf, textOf, type FieldError } from '../form-values.js';
import { defineMessages } from '../i18n/define-messages.js';
import { CONTEXT_PARAM, type PageDefinition } from '../page-route.js';

const MESSAGES = defineMessages({
  nl: {
    title: 'Beëindigingen per reden',
    errors: 'Controleer deze velden',
    from: 'Van',
    to: 'Tot en met',
    groupBy: 'Per',
    month: 'maand',
    quarter: 'kwartaal',
    year: 'jaar',
    show: 'Tonen',
    period: 'Periode',
    reason: 'Reden',
    count: 'Aantal',
    lostValue: 'Gederfde waarde',
    total: 'Totaal',
    perPeriod: 'Per periode',
    empty: 'Geen beëindigingen in deze periode.',
  },
  en: {
    title: 'Terminations per reason',
    errors: 'Check these fields',
    from: 'From',
    to: 'To',
    groupBy: 'Per',
    month: 'month',
    quarter: 'quarter',
    year: 'year',
    show: 'Show',
    period: 'Period',
    reason: 'Reason',
    count: 'Count',
    lostValue: 'Lost value',
    total: 'Total',
    perPeriod: 'Per period',
    empty: 'No terminations in this period.',
  },
});

const FIELDS = ['from', 'to', 'groupBy'];

/**
 * The cancellation report: terminations per reason and period, with the contract value each reason lost — a bar
 * chart of the totals and a table per period — computed by the API's report handler from the termination registry.
 */
export const cancellationsReportPage: PageDefinition = {
  path: '/pages/reports/cancellations',
  entities: ['dashboard', 'settings'],
  capability: {
    key: 'report-cancellations',
    kind: 'contract-page',
    title: { nl: MESSAGES.nl.title, en: MESSAGES.en.title },
    display: 'frame',
  },
  async render(page, c) {
    const t = MESSAGES[page.locale];
    const year = localDateAt(asOfNow(page.services), page.zone).slice(0, 4);
    const asked = formValuesOf(c.req.query());
    const values = {
      from: textOf(asked, 'from') || `${year}-01-01`,
      to: textOf(asked, 'to') || `${year}-12-31`,
      groupBy: textOf(asked, 'groupBy') || 'quarter',
    };
    let report: CancellationReport | undefined;
    let errors: FieldError[] = [];
    try {
      report = (await callOperation(page, c, 'cancellationReport', { query: values })).body as CancellationReport;
    } catch (error) {
      const found = formErrorsOf(error, FIELDS, page.locale);
      if (found === undefined) throw error;
      errors = found;
    }
    const format = page.format;
    return {
      title: t.title,
      status: errors.length > 0 ? 422 : 200,
      body: (
        <>
          <ErrorSummary title={t.errors} errors={errors} labels={{ from: t.from, to: t.to, groupBy: t.groupBy }} />
          <form method="get" action="/pages/reports/cancellations" class="report-filter">
            <input type="hidden" name={CONTEXT_PARAM} value={page.token} />
            <Field name="from" label={t.from} type="date" values={values} errors={errors} />
            <Field name="to" label={t.to} type="date" values={values} errors={errors} />
            <Field
              name="groupBy"
              label={t.groupBy}
              values={values}
              errors={errors}
              options={[
                { value: 'month', label: t.month },
                { value: 'quarter', label: t.quarter },
                { value: 'year', label: t.year },
              ]}
            />
            <p>
              <button type="submit">{t.show}</button>
            </p>
          </form>
          {report !== undefined &&
            (report.totals.length === 0 ? (
              <p class="empty">{t.empty}</p>
            ) : (
              <>
                <CancellationChart id="cancellations" report={report} range={values} locale={page.locale} />
                <table class="report">
                  <caption>{t.perPeriod}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.period}</th>
                      <th scope="col">{t.reason}</th>
                      <th scope="col" class="num">
                        {t.count}
                      </th>
                      <th scope="col" class="num">
                        {t.lostValue}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.periods.flatMap((period) =>
                      period.reasons.map((row) => (
                        <tr>
                          <th scope="row">{period.period}</th>
                          <td>{row.reasonLabel}</td>
                          <td class="num">{format.number(row.count)}</td>
                          <td class="num">{format.money(row.lostValue.amount, row.lostValue.currency)}</td>
                        </tr>
                      )),
                    )}
                  </tbody>
                  <tfoot>
                    {report.totals.map((row) => (
                      <tr>
                        <th scope="row">{t.total}</th>
                        <td>{row.reasonLabel}</td>
                        <td class="num">{format.number(row.count)}</td>
                        <td class="num">{format.money(row.lostValue.amount, row.lostValue.currency)}</td>
                      </tr>
                    ))}
                  </tfoot>
                </table>
              </>
            ))}
        </>
      ),
    };
  },
};
