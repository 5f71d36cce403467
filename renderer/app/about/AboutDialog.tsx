// About Punchcard: the version (from the main process's appInfo), this desk,
// and where its data is kept — what support asks for first.
import { Dialog } from '../ui/Dialog.tsx';
import { useServices } from '../services.ts';
import './about.css';

export function AboutDialog(props: { onClose: () => void }) {
  const { info } = useServices();
  return (
    <Dialog title={`About ${info.productName}`} onClose={props.onClose}>
      <dl class="about">
        <dt>Version</dt>
        <dd data-testid="about-version">{info.version}</dd>
        <dt>This desk</dt>
        <dd>{info.deskId}</dd>
        <dt>Data folder</dt>
        <dd>
          <code>{info.dataDirectory}</code>
        </dd>
      </dl>
      <p>Prepaid packages and account credit for clinic reception desks, offline first.</p>
      <div class="form__actions">
        <button type="button" class="button button--primary" autoFocus onClick={props.onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
