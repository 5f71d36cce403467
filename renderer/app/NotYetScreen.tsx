/** A screen whose features are not in this version yet: says so plainly. */
export function NotYetScreen(props: { title: string; what: string }) {
  return (
    <div class="screen">
      <header class="screen__header">
        <h1>{props.title}</h1>
      </header>
      <p class="empty">{props.what} are not available in this version yet.</p>
    </div>
  );
}
