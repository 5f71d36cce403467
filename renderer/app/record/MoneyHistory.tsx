// The money history, newest first, as a virtualised table: only the rows in
// view (and a few either side) are in the page, so 2,000 entries render as
// fast as 20. When the reader nears the end of what has been fetched, more is
// asked for.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { HistoryItem } from '../../../shared/contract/domains/ledger.ts';
import {
  historyDetail,
  historyEffects,
  historyProvenance,
  historyTitle,
  signedMoney,
} from './history-text.ts';
import type { HistoryNames } from './history-text.ts';

const ROW_HEIGHT = 50;
const OVERSCAN = 6;

export interface MoneyHistoryProps {
  items: HistoryItem[];
  total: number;
  currency: string;
  names: HistoryNames;
  money: (amount: string) => string;
  dateTime: (iso: string) => string;
  onNeedMore: () => void;
}

export function MoneyHistory(props: MoneyHistoryProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || 400));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(
    props.items.length,
    Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN,
  );
  if (last >= props.items.length - OVERSCAN && props.items.length < props.total) {
    queueMicrotask(props.onNeedMore);
  }
  const rows = props.items.slice(first, last);
  // The funder column only when this patient has funder money moving at all.
  const withHeld = props.items.some((item) =>
    item.lines.some((line) => line.account.startsWith('funderHeld:')),
  );

  return (
    <div
      class={withHeld ? 'history' : 'history history--no-held'}
      role="table"
      aria-label="Money history, newest first"
      aria-rowcount={props.total + 1}
    >
      <div role="rowgroup">
        <div class="history__row history__row--head" role="row" aria-rowindex={1}>
          <span role="columnheader">When</span>
          <span role="columnheader">What happened, and where the credit came from or went</span>
          <span role="columnheader" class="num">
            Credit
          </span>
          <span role="columnheader" class="num">
            Owing
          </span>
          {withHeld ? (
            <span role="columnheader" class="num">
              Funder held
            </span>
          ) : null}
          <span role="columnheader">Recorded by</span>
        </div>
      </div>
      <div
        ref={scroller}
        class="history__body"
        role="rowgroup"
        tabIndex={0}
        aria-label="History entries (scroll with the arrow keys)"
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <div class="history__spacer" style={{ height: `${props.items.length * ROW_HEIGHT}px` }}>
          {rows.map((item, offset) => {
            const index = first + offset;
            const effects = historyEffects(item, props.currency);
            const detail = historyDetail(item, props.names);
            const provenance = historyProvenance(item, props.names, props.money);
            return (
              <div
                key={item.entryId}
                class={item.reversedBy ? 'history__row history__row--reversed' : 'history__row'}
                role="row"
                aria-rowindex={index + 2}
                style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
              >
                <span role="cell" class="history__when">
                  {props.dateTime(item.occurredAt)}
                </span>
                <span role="cell" class="history__what">
                  <span
                    class="history__line"
                    title={`${historyTitle(item, props.names)} ${detail}`}
                  >
                    <strong>{historyTitle(item, props.names)}</strong>
                    {detail ? <span class="history__detail"> · {detail}</span> : null}
                  </span>
                  <span class="history__line history__provenance" title={provenance}>
                    {provenance}
                  </span>
                </span>
                <span role="cell" class="num">
                  {signedMoney(effects.credit, props.money)}
                </span>
                <span role="cell" class="num">
                  {signedMoney(effects.owing, props.money)}
                </span>
                {withHeld ? (
                  <span role="cell" class="num">
                    {signedMoney(effects.held, props.money)}
                  </span>
                ) : null}
                <span
                  role="cell"
                  class="history__who"
                  title={`${item.recordedBy.name}, ${item.recordedBy.deskId}`}
                >
                  <span>{item.recordedBy.name}</span>
                  <span class="history__desk">{item.recordedBy.deskId}</span>
                </span>
              </div>
            );
          })}
        </div>
      </div>
      {props.items.length < props.total ? (
        <p class="history__more" aria-live="polite">
          Showing the newest {props.items.length} of {props.total} entries; scroll down for more.
        </p>
      ) : null}
    </div>
  );
}
