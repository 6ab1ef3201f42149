/**
 * Imported first by every browser entry (the task pane, the ribbon commands, the web page and its worker):
 * their pages run under a CSP without 'unsafe-eval', so zod must neither compile its parsers with
 * `new Function` nor probe whether it may — the probe alone is reported as a CSP violation even though zod
 * catches the error. Set before any schema is built (zod decides per schema when it is constructed). The
 * command line keeps zod's compiled parsers. (From zod's core only, so the pane's first chunk stays without zod.)
 */
import { config } from 'zod/v4/core';

config({ jitless: true });
