// Before anything else: is this desk set up? If not, the first-run wizard
// (which creates the first manager, so it comes before sign-in). After a
// restore or the demo clinic replaced the data, only the restart message.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useServices } from '../services.ts';
import type { SetupStatus } from '../../../shared/contract/domains/setup.ts';
import { FirstRunWizard } from './FirstRunWizard.tsx';

export function SetupGate(props: { children: ComponentChildren }) {
  const { operations } = useServices();
  const [status, setStatus] = useState<SetupStatus | null>(null);
  const [problem, setProblem] = useState('');

  const refresh = () =>
    void operations.setupStatus({}).then((result) => {
      if (result.ok) setStatus(result.value);
      else setProblem(result.error.message);
    });
  useEffect(refresh, [operations]);

  if (problem)
    return (
      <main class="first-run" role="alert">
        {problem}
      </main>
    );
  if (!status) return <main class="first-run" aria-busy="true" />;
  if (status.restartNeeded) {
    return (
      <main class="first-run">
        <section class="first-run__card" aria-labelledby="restart-title">
          <h1 id="restart-title" tabIndex={-1}>
            Start Punchcard again
          </h1>
          <p role="status">{status.restartNeeded}</p>
        </section>
      </main>
    );
  }
  if (!status.setUp) return <FirstRunWizard status={status} onDone={refresh} onRestart={refresh} />;
  return <>{props.children}</>;
}
