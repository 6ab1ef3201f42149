/**
 * Ribbon commands (manifest: ExecuteFunction runCheck / clearMarks, FunctionFile commands.html).
 * Each command runs the backend, shows the outcome as a short notification-style message, and always
 * calls event.completed() — Office waits for it and the button stays busy until it is called.
 *
 * The backend is the task pane's `PaneBackend`: inside Excel the Office backend (runInExcel + runCheck /
 * clearRun with the settings saved in the workbook, the same code the pane runs, loaded on first use);
 * elsewhere the placeholder, which answers 尚未接入.
 */
import '../taskpane/no-eval'; // first: zod without eval under the page's CSP
import { errorText, placeholderBackend, type PaneBackend } from '../taskpane/backend';
import { inExcel, officeBackend } from '../taskpane/office-backend';
import { officeDisplayLanguage, pickLocale, STRINGS, type Strings } from '../taskpane/i18n';

type Notify = (title: string, text: string, kind: 'info' | 'error') => Promise<void>;

/** How long a notice stays up when the user does not close it. */
const NOTICE_MS = 6000;

/**
 * Shows a short notification-style message. Excel has no notification API for function commands
 * (Office.NotificationMessages is Outlook-only), so this opens a small dialog (notice.html, same
 * origin) and closes it after a few seconds or when the user closes it. Outside Office it logs.
 */
export const dialogNotify: Notify = (title, text, kind) =>
  new Promise<void>((resolve) => {
    const ui = typeof Office !== 'undefined' ? Office.context?.ui : undefined;
    if (!ui || typeof ui.displayDialogAsync !== 'function') {
      (kind === 'error' ? console.warn : console.info)(`${title}：${text}`);
      resolve();
      return;
    }
    const url = new URL('notice.html', window.location.href);
    url.search = new URLSearchParams({ title, text, kind }).toString();
    ui.displayDialogAsync(url.toString(), { height: 22, width: 30, displayInIframe: true }, (res) => {
      if (res.status !== Office.AsyncResultStatus.Succeeded) {
        resolve();
        return;
      }
      const dialog = res.value;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        try {
          dialog.close();
        } catch {
          // already closed by the user
        }
        resolve();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
      setTimeout(finish, NOTICE_MS);
    });
  });

let notify: Notify = dialogNotify;

/** Replaces how messages are shown (tests). */
export function setNotifier(n: Notify): void {
  notify = n;
}

let backend: PaneBackend = placeholderBackend;
export function setCommandBackend(b: PaneBackend): void {
  backend = b;
}

function strings(): Strings {
  return STRINGS[pickLocale(officeDisplayLanguage())];
}

/** Runs one command body and completes the event whatever happens. */
async function runCommand(event: Office.AddinCommands.Event | undefined, title: (t: Strings) => string, body: (t: Strings) => Promise<string>) {
  const t = strings();
  try {
    let text: string;
    let kind: 'info' | 'error' = 'info';
    try {
      text = await body(t);
    } catch (e) {
      text = errorText(e, t.errors);
      kind = 'error';
    }
    await notify(title(t), text, kind);
  } catch {
    // a notice that cannot be shown must not keep the button busy
  } finally {
    event?.completed();
  }
}

export function runCheck(event?: Office.AddinCommands.Event): Promise<void> {
  return runCommand(
    event,
    (t) => t.commands.checkStarted,
    async (t) => {
      const r = await backend.check(() => undefined);
      return t.run.done(r.findings.length, r.marked);
    },
  );
}

export function clearMarks(event?: Office.AddinCommands.Event): Promise<void> {
  return runCommand(
    event,
    (t) => t.commands.cleared,
    async (t) => {
      const r = await backend.clear();
      return r.message ?? t.actions.cleared(r.restored);
    },
  );
}

/** Registers the functions the manifest names. Safe in a plain browser (no Office.actions there). */
function register(): void {
  if (typeof Office === 'undefined') return;
  void Office.onReady((info) => {
    if (inExcel(info?.host)) backend = officeBackend;
    if (!Office.actions || typeof Office.actions.associate !== 'function') return;
    // Each command reports its own errors in the notice dialog and always calls event.completed().
    Office.actions.associate('runCheck', (event: Office.AddinCommands.Event) => void runCheck(event));
    Office.actions.associate('clearMarks', (event: Office.AddinCommands.Event) => void clearMarks(event));
  });
}

register();
