// Renderer entry: connect to the main process, open the read-side database,
// then show the app — or say plainly why it cannot start.
import { render } from 'preact';
import { connectBridge } from './bridge/connect.ts';
import { storageFromPort } from '../shared/db/storage-from-port.ts';
import { openReaderDatabase } from '../shared/db/open-reader-database.ts';
import { App } from './app/App.tsx';
import { ServicesContext } from './app/services.ts';
import { guardNavigation } from './navigation-guard.ts';
import { watchDeskLocked } from './app/auth/desk-locked-watch.ts';
import './styles.css';

async function boot(root: HTMLElement): Promise<void> {
  const bridge = connectBridge();
  if (!bridge) {
    root.textContent =
      'Punchcard could not reach its desk service. Start it with npm start (or npm run dev:web for the browser harness).';
    return;
  }
  const storage = storageFromPort(watchDeskLocked(bridge.storage), `punchcard-${bridge.kind}`);
  // Opening reads no application data, so it works on the sign-in screen too.
  const openDatabase = () => openReaderDatabase(storage);
  const db = await openDatabase();
  const info = await bridge.operations.appInfo({});
  if (!info.ok) throw new Error(info.error.message);
  render(
    <ServicesContext.Provider
      value={{ db, openDatabase, operations: bridge.operations, info: info.value }}
    >
      <App />
    </ServicesContext.Provider>,
    root,
  );
  document.body.dataset['ready'] = 'true';
}

guardNavigation(window);
const root = document.getElementById('app')!;
boot(root).catch((error: unknown) => {
  root.textContent = `Punchcard could not start: ${error instanceof Error ? error.message : String(error)}`;
});
