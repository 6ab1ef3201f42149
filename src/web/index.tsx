/** Entry of dist/check.html (均衡自查 · 网页版): no office.js, no network; the engine in a worker or in the page. */
import '../taskpane/no-eval'; // first: zod without eval under the page's CSP
import { createRoot } from 'react-dom/client';
import { createRunner } from './client';
import { WebApp } from './WebApp';

const container = document.getElementById('root');
if (container) createRoot(container).render(<WebApp runner={createRunner()} />);
