// One report as a table (money right-aligned, totals at the foot), its charts and
// notes. What is printed is this.
import type { ReportTable } from '../../../shared/reports/index.ts';
import { formatMoney } from '../../../shared/money.ts';
import { ReportChart } from './ReportChart.tsx';

export function ReportView(props: { table: ReportTable; locale: string }) {
  const { table, locale } = props;
  const show = (cell: string, index: number) =>
    table.columns[index]?.kind === 'money' && cell !== ''
      ? formatMoney(cell, table.currency, locale)
      : cell;
  const right = (index: number) =>
    table.columns[index]?.kind === 'money' || table.columns[index]?.kind === 'count' ? 'num' : '';
  return (
    <section class="report" aria-label={table.title}>
      <h2 class="report__title">
        {table.title} <span class="report__period">{table.period}</span>
      </h2>
      {table.charts.map((series) => (
        <ReportChart key={series.label} series={series} currency={table.currency} locale={locale} />
      ))}
      {table.rows.length === 0 ? (
        <p class="empty">Nothing to show for this date.</p>
      ) : (
        <div class="report__scroll">
          <table class="table report__table">
            <thead>
              <tr>
                {table.columns.map((column, i) => (
                  <th key={column.label} scope="col" class={right(i)}>
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} class={right(i)}>
                      {show(cell, i)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            {table.totals ? (
              <tfoot>
                <tr>
                  {table.totals.map((cell, i) => (
                    <td key={i} class={right(i)}>
                      {show(cell, i)}
                    </td>
                  ))}
                </tr>
              </tfoot>
            ) : null}
          </table>
        </div>
      )}
      {table.notes.map((note) => (
        <p key={note} class="report__note">
          {note}
        </p>
      ))}
    </section>
  );
}
