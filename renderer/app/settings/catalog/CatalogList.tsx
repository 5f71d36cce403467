// A settings section that lists one kind of catalog document (services, package
// plans) in a table, each row with Edit, and opens the kind's form inline to add
// one or edit one; what the form reports is said in the section's status line.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export function CatalogList<T extends { id: string; name: string }>(props: {
  /** e.g. "services": ids and the table's name come from it */
  id: string;
  heading: string;
  addLabel: string;
  /** the table's accessible name */
  tableLabel: string;
  emptyText: string;
  items: readonly T[];
  /** the header cells, without the actions column */
  columns: ComponentChildren;
  /** one row's cells, without its Edit button */
  cells: (item: T) => ComponentChildren;
  /** the kind's form: editing null adds one */
  form: (
    editing: T | null,
    close: { onCancel: () => void; onDone: (message: string) => void },
  ) => ComponentChildren;
}) {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  const headingId = `${props.id}-heading`;
  return (
    <section class="panel catalog" aria-labelledby={headingId}>
      <header class="catalog__head">
        <h2 id={headingId}>{props.heading}</h2>
        <button type="button" class="button" onClick={() => setEditing('new')}>
          {props.addLabel}
        </button>
      </header>
      <p class="notice" role="status">
        {notice}
      </p>
      {editing
        ? props.form(editing === 'new' ? null : editing, {
            onCancel: () => setEditing(null),
            onDone: (message) => {
              setEditing(null);
              setNotice(message);
            },
          })
        : null}
      {props.items.length === 0 ? (
        <p class="empty">{props.emptyText}</p>
      ) : (
        <table class="table table--dense" aria-label={props.tableLabel}>
          <thead>
            <tr>
              {props.columns}
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((item) => (
              <tr key={item.id}>
                {props.cells(item)}
                <td>
                  <button
                    type="button"
                    class="button button--small"
                    aria-label={`Edit ${item.name}`}
                    onClick={() => setEditing(item)}
                  >
                    Edit
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
