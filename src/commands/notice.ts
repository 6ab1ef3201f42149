/**
 * The small dialog a ribbon command opens to show its outcome (see dialogNotify in commands.ts).
 * Reads title/text/kind from the query string and writes them as text (never HTML).
 */
function show(): void {
  const q = new URLSearchParams(window.location.search);
  const title = document.getElementById('title');
  const text = document.getElementById('text');
  if (title) title.textContent = q.get('title') ?? '均衡自查';
  if (text) text.textContent = q.get('text') ?? '';
  document.body.dataset.kind = q.get('kind') === 'error' ? 'error' : 'info';
  document.getElementById('close')?.addEventListener('click', () => {
    if (typeof Office !== 'undefined' && Office.context?.ui?.messageParent) Office.context.ui.messageParent('close');
    else window.close();
  });
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') void Office.onReady(show);
else show();
