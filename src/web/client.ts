/**
 * Where the page's engine runs. Served over http(s): in a Web Worker (worker.ts), so the page never
 * freezes. Opened from disk (file://, where browsers refuse workers) or when the worker cannot start: in
 * the page itself, loaded on demand, with the host's calls spread over separate tasks (one sheet read per
 * task) so the page repaints between them where it can.
 */
import type { WorkbookHost } from '../host/port';
import type { ColumnOverrides } from '../host/settings';
import type { RunStage } from '../host/run';
import type { CheckResult, FileResult, Inspection } from './engine';
import type { Reply, Request } from './protocol';

export interface Runner {
  /** 'worker' or 'page' (shown in the page's footer, and asserted by the tests). */
  readonly mode: 'worker' | 'page';
  inspect(bytes: Uint8Array, fileName: string, overrides?: ColumnOverrides): Promise<Inspection>;
  check(bytes: Uint8Array, fileName: string, date: Date, overrides: ColumnOverrides | undefined, onProgress: (s: RunStage) => void): Promise<CheckResult>;
  clear(bytes: Uint8Array, fileName: string): Promise<FileResult>;
}

/** A failure with the Chinese sentence to show. */
export class RunnerError extends Error {}

const LOAD_FAILED = '无法加载自查程序：请确认 check.html 与同一文件夹中的其他文件（*.js）放在一起，然后刷新页面。';

/** A request before it is numbered (distributed over the union's members). */
type Call = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

type Pending = { resolve: (r: Reply) => void; onProgress?: (s: RunStage) => void };

/** A reply standing for "the worker failed before answering": the call is made again in the page. */
const DEAD = 'worker-dead';

function workerRunner(worker: Worker, fallback: () => Runner): Runner {
  let next = 1;
  const pending = new Map<number, Pending>();
  let answered = false;
  let page: Runner | null = null;
  worker.onmessage = (ev: MessageEvent<Reply>) => {
    answered = true;
    const r = ev.data;
    const p = pending.get(r.id);
    if (!p) return;
    if (r.type === 'progress') {
      p.onProgress?.(r.stage);
      return;
    }
    pending.delete(r.id);
    p.resolve(r);
  };
  worker.onerror = (ev) => {
    ev.preventDefault();
    // never answered: its script did not load or run (a policy, an old engine) — the page does the work from now on
    const message = answered ? LOAD_FAILED : DEAD;
    if (!answered) page = page ?? fallback();
    for (const p of pending.values()) p.resolve({ id: 0, type: 'error', message });
    pending.clear();
  };
  async function call(req: Call, onProgress?: (s: RunStage) => void): Promise<Reply> {
    const id = next++;
    // a copy goes to the worker (transferred): the page keeps the picked file's bytes for the next action
    const bytes = (req as { bytes: Uint8Array }).bytes.slice();
    const reply = await new Promise<Reply>((resolve) => {
      pending.set(id, { resolve, onProgress });
      worker.postMessage({ ...req, id, bytes } as Request, [bytes.buffer]);
    });
    if (reply.type === 'error') throw new RunnerError(reply.message);
    return reply;
  }
  const dead = (e: unknown) => e instanceof RunnerError && e.message === DEAD && page !== null;
  return {
    get mode() {
      return page ? page.mode : 'worker';
    },
    inspect: async (bytes, fileName, overrides) => {
      if (page) return page.inspect(bytes, fileName, overrides);
      try {
        return ((await call({ op: 'inspect', bytes, fileName, overrides })) as Reply & { type: 'inspect' }).result;
      } catch (e) {
        if (dead(e) && page) return (page as Runner).inspect(bytes, fileName, overrides);
        throw e;
      }
    },
    check: async (bytes, fileName, date, overrides, onProgress) => {
      if (page) return page.check(bytes, fileName, date, overrides, onProgress);
      try {
        return ((await call({ op: 'check', bytes, fileName, overrides, date: date.getTime() }, onProgress)) as Reply & { type: 'check' }).result;
      } catch (e) {
        if (dead(e) && page) return (page as Runner).check(bytes, fileName, date, overrides, onProgress);
        throw e;
      }
    },
    clear: async (bytes, fileName) => {
      if (page) return page.clear(bytes, fileName);
      try {
        return ((await call({ op: 'clear', bytes, fileName })) as Reply & { type: 'clear' }).result;
      } catch (e) {
        if (dead(e) && page) return (page as Runner).clear(bytes, fileName);
        throw e;
      }
    },
  };
}

/** A task boundary: the page may paint and handle input before the next slice of work. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The host with a task boundary before each call, and grids read one sheet per task. */
export function slicedHost(h: WorkbookHost): WorkbookHost {
  return {
    listSheets: async () => (await nextTask(), h.listSheets()),
    readGrids: async (names) => {
      const out = [];
      for (const n of names) {
        await nextTask();
        out.push(...(await h.readGrids([n])));
      }
      return out;
    },
    readMemory: async () => (await nextTask(), h.readMemory()),
    undo: async (m) => (await nextTask(), h.undo(m)),
    applyMarks: async (m, c) => (await nextTask(), h.applyMarks(m, c)),
    writeSheets: async (s) => (await nextTask(), h.writeSheets(s)),
    writeMemory: async (r) => (await nextTask(), h.writeMemory(r)),
    readSettingsText: async () => (await nextTask(), h.readSettingsText()),
  };
}

function pageRunner(): Runner {
  type Engine = typeof import('./engine');
  let engine: Promise<Engine> | null = null;
  const load = async (): Promise<Engine> => {
    if (!engine) engine = import(/* webpackChunkName: "check-engine" */ './engine');
    try {
      return await engine;
    } catch {
      engine = null;
      throw new RunnerError(LOAD_FAILED);
    }
  };
  const guarded = async <T>(fileName: string, fn: (e: Engine) => Promise<T>): Promise<T> => {
    const e = await load();
    await nextTask();
    try {
      return await fn(e);
    } catch (err) {
      throw new RunnerError(e.pageError(err, fileName).message);
    }
  };
  return {
    mode: 'page',
    inspect: (bytes, fileName, overrides) => guarded(fileName, (e) => e.inspect(bytes, fileName, overrides, slicedHost)),
    check: (bytes, fileName, date, overrides, onProgress) =>
      guarded(fileName, (e) => e.check(bytes, fileName, date, { overrides, onProgress, wrap: slicedHost })),
    clear: (bytes, fileName) => guarded(fileName, (e) => e.clear(bytes, fileName, slicedHost)),
  };
}

/** True where a page may start a worker from its own files (http and https; not file://). */
export function workerAllowed(protocol: string): boolean {
  return (protocol === 'http:' || protocol === 'https:') && typeof Worker !== 'undefined';
}

export function createRunner(): Runner {
  if (workerAllowed(window.location.protocol)) {
    try {
      // webpack emits worker.ts as its own script from this exact form, new Worker(new URL(…, import.meta.url))
      // @ts-expect-error TS1343 under the type-check's module commonjs; the bundle is built as es2020 modules
      const worker = new Worker(new URL('./worker.ts', import.meta.url));
      return workerRunner(worker, pageRunner);
    } catch {
      // a worker refused (policy, an old engine): the page itself
    }
  }
  return pageRunner();
}
