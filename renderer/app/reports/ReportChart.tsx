// A small line chart in plain SVG (no chart library: two series of a few hundred
// points need no more). Money arrives as decimal strings; only the drawing scales
// them to pixels, and the figures shown are the strings themselves.
import type { ChartSeries } from '../../../shared/reports/index.ts';
import { formatMoney } from '../../../shared/money.ts';

const WIDTH = 640;
const HEIGHT = 160;
const PAD = 8;

// A chart position, not money: the value only places a point on the screen.
function position(amount: string): number {
  return Number.parseFloat(amount);
}

export function ReportChart(props: { series: ChartSeries; currency: string; locale: string }) {
  const { series } = props;
  const points = series.points;
  if (points.length < 2) return null;
  const values = points.map((p) => position(p.y));
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const x = (i: number) => PAD + (i * (WIDTH - 2 * PAD)) / (points.length - 1);
  const y = (v: number) => PAD + ((max - v) * (HEIGHT - 2 * PAD)) / span;
  const path = values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  const last = points[points.length - 1];
  const highest = points[values.indexOf(Math.max(...values))];
  return (
    <figure class="report-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${series.label} chart`}>
        <line class="report-chart__zero" x1={PAD} x2={WIDTH - PAD} y1={y(0)} y2={y(0)} />
        <path class="report-chart__line" d={path.join(' ')} />
      </svg>
      <figcaption>
        {series.label}: {points[0]?.x} to {last?.x}; last{' '}
        {last ? formatMoney(last.y, props.currency, props.locale) : ''}, highest{' '}
        {highest ? `${formatMoney(highest.y, props.currency, props.locale)} on ${highest.x}` : ''}
      </figcaption>
    </figure>
  );
}
