/**
 * # A simulated Excel at the request level, driven by the REAL client library the add-in ships
 *
 * The object-level fake (../fake-excel.ts) stands in for `Excel.*` proxies; here the proxies are the real
 * ones: the very script of `@microsoft/office-js` (dist/excel-web-16.00.js, or its .debug twin) is run in a
 * `vm` context with the few browser globals it touches at load, and `new Excel.RequestContext(url)` sends
 * each `context.sync()` as the library's own JSON RichApi request (`{Actions, ObjectPaths}` to
 * `url/ProcessQuery`) through `OfficeExtension.HttpUtility`, whose `setCustomSendRequestFunc` hands it to
 * this file instead of XMLHttpRequest. The loader `office.js` is not needed: `Excel.RequestContext` with a
 * URL never goes through `Office.onReady` or the host's postMessage bridge.
 *
 * Each request is answered in process from the SAME workbook model as the object-level fake: every RichApi
 * object path is resolved to the fake's proxy (root → workbook, property → getter, method → call,
 * indexer → getItem, reference id → the object an earlier request instantiated), every action replayed on
 * it (Instantiate, Query → load, Method → call, SetProperty → assignment) with the action's index as tag,
 * and the fake's sync run: its rules (strict loads, 8 192-character getRanges, text format before "=…",
 * protection, structure protection, VeryHidden delete, 512 merged areas, gradients, non-atomic batches)
 * apply unchanged. The answer is RichApi JSON: `Results` ({ActionId, Value}, PascalCase properties,
 * `_Items` for collections, null for a null object) for the actions that ran, and `Error` ({Code, Message,
 * Location, ActionIndex}) for the one that failed — the library turns that into its own
 * `OfficeExtension.Error`, exactly as it does with Excel's answer. Sizes are the library's serialised
 * request and this answer's JSON, in UTF-8 bytes; over `payloadLimit` (5 MB by default) the request is
 * refused (RequestPayloadSizeLimitExceeded) before anything runs, and an over-large answer is refused after
 * running (ResponsePayloadSizeLimitExceeded), as Excel on the web does.
 *
 * A call the shipped library does not have fails in the host as it would in Excel (e.g.
 * `context.workbook.notes` is undefined in office.js 1.1.110, so `.notes.add` throws a TypeError).
 * Instantiate actions on worksheets are answered with the sheet's `Id` (as Excel does, so an object made by
 * `worksheets.add()` can be used in later requests: the library then addresses it as getItem(id)).
 *
 * Covered: every RichApi path and action the Office host uses for listSheets, readMemory, readGrids, undo,
 * applyMarks, writeSheets (values, formats, fonts, borders, merges, row heights, hyperlinks, validations, freeze panes, page layout,
 * autofilter, charts), writeMemory, and src/office/diagnostics.ts. Not covered: events, `Excel.run`'s
 * session handling (tests construct `new Excel.RequestContext(url)` directly), ids of objects other
 * than worksheets (charts, ranges: the host never reuses those across requests), `ExpandInfo`/nested loads (`format/fill/color`), and anything not modelled by the fake (it throws
 * "fake-excel: … not modelled"; the simulator records that in `problems` and answers with an error).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { ClientResult, FakeContext, FakeWorksheet, RichApiError, type FakeExcel } from '../fake-excel';

/** The client library as loaded: its Excel and OfficeExtension namespaces. */
type SendRequest = (req: { url: string; body: unknown }) => Promise<unknown>;

export interface OfficeLibrary {
  Excel: typeof Excel;
  /** The library's OfficeExtension, with the (untyped) HttpUtility hook the simulator answers through. */
  OfficeExtension: typeof OfficeExtension & { HttpUtility: { setCustomSendRequestFunc(f: SendRequest): void } };
  /** The file loaded (under node_modules/@microsoft/office-js/dist). */
  file: string;
}

const DIST = path.join(__dirname, '../../../node_modules/@microsoft/office-js/dist');

/** One RichApi request's size (UTF-8 bytes of the library's JSON) and its answer's. */
export interface RequestLog {
  url: string;
  requestBytes: number;
  responseBytes: number;
  actions: number;
  error?: string;
}

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

interface RequestBody {
  Actions?: ActionInfo[];
  ObjectPaths?: Record<string, ObjectPathInfo>;
}

/** One RequestContext's state: the fake context its requests replay on, and its objects by path id. */
interface Session {
  ctx: FakeContext;
  objects: Map<number, unknown>;
  byRef: Map<string, unknown>;
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Loads the shipped client library into a fresh vm context (once per file name and test file). */
const loaded = new Map<string, OfficeLibrary>();
export function loadOfficeLibrary(file = 'excel-web-16.00.js'): OfficeLibrary {
  const hit = loaded.get(file);
  if (hit) return hit;
  const src = fs.readFileSync(path.join(DIST, file), 'utf8');
  const noop = () => undefined;
  const sandbox: Record<string, unknown> = {
    console: { log: noop, info: noop, warn: noop, error: noop, debug: noop, trace: noop },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    Promise,
    navigator: { userAgent: 'Mozilla/5.0 (jest; RichApi simulator)', language: 'zh-CN' },
    document: {
      getElementById: () => null,
      getElementsByTagName: () => [],
      createElement: () => ({ setAttribute: noop, style: {} }),
      addEventListener: noop,
      readyState: 'complete',
      cookie: '',
    },
    location: { href: 'https://localhost/taskpane.html', protocol: 'https:', search: '', hash: '', host: 'localhost', hostname: 'localhost' },
    addEventListener: noop,
    removeEventListener: noop,
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(src, sandbox, { filename: file });
  const lib: OfficeLibrary = { Excel: sandbox.Excel as typeof Excel, OfficeExtension: sandbox.OfficeExtension as OfficeLibrary['OfficeExtension'], file };
  if (typeof lib.Excel?.RequestContext !== 'function' || typeof lib.OfficeExtension?.HttpUtility?.setCustomSendRequestFunc !== 'function') {
    throw new Error(`simulator: ${file} did not define Excel.RequestContext / OfficeExtension.HttpUtility`);
  }
  lib.OfficeExtension.HttpUtility.setCustomSendRequestFunc(dispatch(lib));
  loaded.set(file, lib);
  return lib;
}

const simulators = new Map<string, RichApiExcel>();
let nextId = 1;

function dispatch(lib: OfficeLibrary) {
  return (req: { url: string; body: unknown }) => {
    const base = req.url.replace(/\/ProcessQuery.*$/, '');
    const sim = simulators.get(base.replace(/\/\d+$/, ''));
    if (!sim || sim.lib !== lib) return Promise.reject(new Error(`simulator: no workbook at ${req.url}`));
    return Promise.resolve(sim.answer(base, req.body));
  };
}

export interface SimulatorOptions {
  /** Library file under @microsoft/office-js/dist; default the shipped non-debug excel-web-16.00.js. */
  file?: string;
  /** Bytes per request and per answer (UTF-8 of the JSON); default 5 000 000 (Excel on the web's 5 MB). */
  payloadLimit?: number;
}

/** A workbook model (the fake's) served to the real office.js over RichApi. */
export class RichApiExcel {
  readonly lib: OfficeLibrary;
  readonly payloadLimit: number;
  readonly base: string;
  /** Every request, in order. */
  readonly requests: RequestLog[] = [];
  /** What the simulator could not answer (a path or action it does not know, a fake "not modelled"). */
  readonly problems: string[] = [];
  private sessions = new Map<string, Session>();
  private contexts = 0;

  constructor(
    readonly model: FakeExcel,
    opts: SimulatorOptions = {},
  ) {
    this.lib = loadOfficeLibrary(opts.file);
    this.payloadLimit = opts.payloadLimit ?? 5_000_000;
    this.base = `https://richapi.sim/wb${nextId++}`;
    simulators.set(this.base, this);
  }

  /** A new `Excel.RequestContext` of the real library on this workbook (as one `Excel.run` gives). */
  context(): Excel.RequestContext {
    const url = `${this.base}/${++this.contexts}`;
    this.sessions.set(url, { ctx: this.model.context(), objects: new Map(), byRef: new Map() });
    return new this.lib.Excel.RequestContext(url);
  }

  get syncCount(): number {
    return this.requests.length;
  }

  get maxRequestBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.requestBytes));
  }

  get maxResponseBytes(): number {
    return Math.max(0, ...this.requests.map((r) => r.responseBytes));
  }

  resetCounters(): void {
    this.requests.length = 0;
    this.model.resetCounters();
  }

  /** Answers one ProcessQuery request (the library's RequestInfo → its ResponseInfo). */
  async answer(url: string, body: unknown): Promise<{ statusCode: number; headers: Record<string, string>; body: unknown }> {
    const session = this.sessions.get(url);
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const log: RequestLog = { url, requestBytes: utf8(text), responseBytes: 0, actions: 0 };
    this.requests.push(log);
    const reply = (answer: Record<string, unknown>) => {
      const json = JSON.stringify(answer);
      log.responseBytes = utf8(json);
      // Parsed here (this realm), so the arrays the host gets are ordinary arrays.
      return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.parse(json) as unknown };
    };
    if (!session) return reply({ Error: { Code: 'GeneralException', Message: `simulator: unknown context ${url}`, HttpStatusCode: 500 } });
    const req = (typeof body === 'string' ? JSON.parse(body) : body) as RequestBody;
    const actions = req.Actions ?? [];
    log.actions = actions.length;
    if (log.requestBytes > this.payloadLimit) {
      log.error = 'RequestPayloadSizeLimitExceeded';
      return reply({ Error: { Code: 'RequestPayloadSizeLimitExceeded', Message: 'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".', HttpStatusCode: 413 } });
    }
    const { ctx } = session;
    const paths = req.ObjectPaths ?? {};
    const results: { index: number; id: number; value: () => unknown; optional?: boolean }[] = [];
    let failure: { index: number; error: unknown } | null = null;
    for (let i = 0; i < actions.length && !failure; i++) {
      const a = actions[i];
      ctx.tag = i;
      try {
        const obj = this.resolve(session, paths, a.ObjectPathId);
        switch (a.ActionType) {
          case 1: // Instantiate: Excel answers with the object's id where it has one (a worksheet), so the
            // library can address an object made by add() in later requests (worksheets.getItem(id)).
            if (obj instanceof FakeWorksheet) results.push({ index: i, id: a.Id, value: () => ({ Id: obj.sheetNow().id }), optional: true });
            break;
          case 2: {
            // Query
            const select = a.QueryInfo?.Select ?? [];
            if (a.QueryInfo?.Expand?.length) throw new Error(`simulator: Expand (${a.QueryInfo.Expand.join(',')}) not supported`);
            (obj as { load: (p: string[]) => void }).load(select.length ? select : []);
            results.push({ index: i, id: a.Id, value: () => queryValue(obj, select) });
            break;
          }
          case 3: {
            // Method
            const args = this.args(session, paths, a.ArgumentInfo);
            const name = lowerFirst(a.Name);
            const fn = (obj as Record<string, unknown>)[name];
            if (typeof fn !== 'function') throw new Error(`simulator: method ${a.Name} not on the model's object`);
            const r = (fn as (...x: unknown[]) => unknown).apply(obj, args);
            if (r instanceof ClientResult) results.push({ index: i, id: a.Id, value: () => r.value });
            break;
          }
          case 4: {
            // SetProperty
            const [v] = this.args(session, paths, a.ArgumentInfo);
            (obj as Record<string, unknown>)[lowerFirst(a.Name)] = v;
            break;
          }
          default:
            throw new Error(`simulator: action type ${a.ActionType} not supported`);
        }
      } catch (e) {
        failure = { index: i, error: e };
      }
    }
    ctx.tag = undefined;
    // Run what was queued (up to a failure found while replaying). Not atomic: what ran stays applied.
    let ranBefore = failure ? failure.index : actions.length;
    try {
      await ctx.sync();
    } catch (e) {
      const at = ctx.failedTag ?? ranBefore;
      if (!failure || at <= failure.index) failure = { index: at, error: e };
      ranBefore = at;
    }
    const answer: Record<string, unknown> = {};
    const out: { ActionId: number; Value: unknown }[] = [];
    for (const r of results) {
      if (r.index >= ranBefore) continue;
      try {
        out.push({ ActionId: r.id, Value: r.value() });
      } catch (e) {
        if (!r.optional) failure ??= { index: r.index, error: e };
      }
    }
    answer.Results = out;
    if (failure) {
      const e = failure.error;
      if (e instanceof RichApiError) {
        answer.Error = { Code: e.code, Message: e.message, Location: e.debugInfo.errorLocation ?? '', ActionIndex: failure.index, HttpStatusCode: 400 };
      } else {
        const message = e instanceof Error ? e.message : String(e);
        this.problems.push(message);
        answer.Error = { Code: 'GeneralException', Message: message, Location: '', ActionIndex: failure.index, HttpStatusCode: 500 };
      }
      log.error = (answer.Error as { Code: string }).Code;
    }
    const size = utf8(JSON.stringify(answer));
    if (size > this.payloadLimit) {
      log.error = 'ResponsePayloadSizeLimitExceeded';
      return reply({ Error: { Code: 'ResponsePayloadSizeLimitExceeded', Message: 'The response payload size has exceeded the limit.', HttpStatusCode: 413 } });
    }
    return reply(answer);
  }

  private args(session: Session, paths: Record<string, ObjectPathInfo>, info: ActionInfo['ArgumentInfo']): unknown[] {
    const args = [...(info?.Arguments ?? [])];
    const refs = info?.ReferencedObjectPathIds ?? [];
    refs.forEach((id, i) => {
      if (id) args[i] = this.resolve(session, paths, id);
    });
    return args;
  }

  /** The model's object for a RichApi object path (memoised per context, as Excel keeps them per session). */
  private resolve(session: Session, paths: Record<string, ObjectPathInfo>, id: number): unknown {
    const known = session.objects.get(id);
    if (known !== undefined) return known;
    const p = paths[String(id)];
    if (!p) throw new Error(`simulator: object path ${id} not in the request`);
    let obj: unknown;
    const parent = () => this.resolve(session, paths, p.ParentObjectPathId!);
    switch (p.ObjectPathType) {
      case 1: // GlobalObject: the workbook
        obj = session.ctx.workbook;
        break;
      case 4: {
        // Property
        const v = (parent() as Record<string, unknown>)[lowerFirst(p.Name)];
        if (v === undefined || v === null) throw new Error(`simulator: property ${p.Name} not on the model's object`);
        obj = v;
        break;
      }
      case 3: {
        // Method
        const target = parent() as Record<string, unknown>;
        const fn = target[lowerFirst(p.Name)];
        if (typeof fn !== 'function') throw new Error(`simulator: method ${p.Name} not on the model's object`);
        obj = (fn as (...x: unknown[]) => unknown).apply(target, this.args(session, paths, p.ArgumentInfo));
        break;
      }
      case 5: {
        // Indexer
        const target = parent() as { getItem?: (...x: unknown[]) => unknown };
        if (typeof target.getItem !== 'function') throw new Error('simulator: indexer on an object without getItem');
        obj = target.getItem(...this.args(session, paths, p.ArgumentInfo));
        break;
      }
      case 6: // ReferenceId
        obj = session.byRef.get(p.Name);
        if (obj === undefined) throw new RichApiError('InvalidObjectPath', `The object path '${p.Name}' isn't working for what you're trying to do.`);
        break;
      default:
        throw new Error(`simulator: object path type ${p.ObjectPathType} not supported`);
    }
    session.objects.set(id, obj);
    return obj;
  }
}

/** A Query action's Value: PascalCase properties; `_Items` for a collection; null for a null object. */
function queryValue(obj: unknown, select: string[]): unknown {
  const o = obj as Record<string, unknown> & { isNullObject?: boolean };
  let isNull = false;
  try {
    isNull = o.isNullObject === true;
  } catch {
    isNull = false;
  }
  if (isNull) return null;
  const pick = (x: Record<string, unknown>, props: string[]) => {
    const v: Record<string, unknown> = {};
    for (const p of props) v[upperFirst(p)] = x[p];
    return v;
  };
  const items = collectionItems(o);
  if (items) return { _Items: items.map((it) => pick(it as Record<string, unknown>, select.map((s) => s.replace(/^items\//, '')))) };
  return pick(o, select);
}

function collectionItems(o: Record<string, unknown>): unknown[] | null {
  const d = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(o) as object, 'items');
  if (!d?.get) return null;
  return d.get.call(o) as unknown[];
}
