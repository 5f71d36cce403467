// Funders: the list (charities, employers, insurers …), adding one, and the
// chosen funder's page with its money and statement.
import { useState } from 'preact/hooks';
import { Plus } from 'lucide-preact';
import { useCatalog } from '../data/use-catalog.ts';
import { FunderForm, KIND_WORDS } from './FunderForm.tsx';
import { FunderPage } from './FunderPage.tsx';
import './funders.css';
import '../money/money.css';
import '../record/record.css';

export function FundersScreen() {
  const funders = useCatalog('funder');
  const [chosenId, setChosenId] = useState('');
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');
  const chosen = funders.find((f) => f.id === chosenId) ?? funders[0] ?? null;

  return (
    <div class="screen funders">
      <header class="screen__header">
        <h1>Funders</h1>
        <button
          type="button"
          class="button button--primary button--icon"
          onClick={() => setAdding(true)}
        >
          <Plus size={16} aria-hidden="true" />
          Add funder
        </button>
      </header>
      <p class="notice" role="status">
        {notice}
      </p>
      {funders.length === 0 ? (
        <p class="empty">
          No funders yet. Add the charities, employers and insurers that pay for patients' care.
        </p>
      ) : (
        <div class="funders__columns">
          <nav class="panel funders__list" aria-label="Funders">
            <ul>
              {funders.map((funder) => (
                <li key={funder.id}>
                  <button
                    type="button"
                    class={
                      funder.id === chosen?.id
                        ? 'funders__item funders__item--current'
                        : 'funders__item'
                    }
                    aria-current={funder.id === chosen?.id ? 'true' : undefined}
                    onClick={() => setChosenId(funder.id)}
                  >
                    <span>{funder.name}</span>
                    <span class="funders__kind">{KIND_WORDS[funder.kind]}</span>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          {chosen ? <FunderPage key={chosen.id} funder={chosen} onNotice={setNotice} /> : null}
        </div>
      )}
      {adding ? (
        <FunderForm
          funder={null}
          onClose={() => setAdding(false)}
          onSaved={(message, id) => {
            setAdding(false);
            setNotice(message);
            if (id) setChosenId(id);
          }}
        />
      ) : null}
    </div>
  );
}
