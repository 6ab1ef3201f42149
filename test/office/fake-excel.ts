/**
 * A STRICT fake of the Excel JavaScript object model — the subset the Office.js host uses — so tests catch
 * what Excel would refuse and what office-addin-mock lets through:
 *  - every method call returns a FRESH proxy; writes and loads are QUEUED and run in order at `sync()`;
 *  - reading a property that was not loaded and synced throws like Office
 *    (`RichApi.Error`, code `PropertyNotLoaded`); a ClientResult's `value` likewise (`ValueNotLoaded`);
 *  - `getRanges` refuses address strings of 8 192 characters or more (`InvalidArgument`);
 *  - a string value starting with "=" (or a non-numeric "+", "-", "@") written into a cell whose number format is not "@" becomes a formula,
 *    and a numeric-looking string becomes a number (as in Excel);
 *  - writes on a protected sheet fail with `AccessDenied` (undocumented: `protectedWriteCode` picks another code);
 *  - batches are NOT atomic, as in Excel: operations before a failing one stay applied, later ones are skipped;
 *  - a structure-protected workbook (`structureProtected`, read through `workbook.protection.protected`)
 *    refuses adding, deleting, moving, hiding and showing sheets;
 *  - deleting a VeryHidden sheet fails (its visibility must be changed first, in the same batch or before);
 *  - `getMergedAreasOrNullObject` fails over a range holding more than 512 merged areas (documented), and can
 *    be told to answer as issues #1590/#3611 report (`mergeReading`);
 *  - a gradient fill cannot be written (setCellProperties / fill.pattern refuse it);
 *  - "No Fill" reads back as documented (pattern "None") or, with `fillReading: 'patternNull'`, as issue
 *    OfficeDev/office-js#4900 reports (pattern null for No Fill AND white; tintAndShade null only for No Fill);
 *  - `workbook.notes` and `worksheet.notes` exist only when constructed with notesSupported (ExcelApi 1.18);
 *  - `worksheet.pageLayout` (ExcelApi 1.9) refuses an orientation, paper size, zoom, margin or print-title
 *    address Excel would not take (`InvalidArgument`), and is absent with missingApis ['pageLayout'];
 *  - every sync is counted, and each sync's payload is estimated (JSON size of the queued operations plus
 *    the data loaded) and the maximum kept.
 * Office's "No Fill" reads back as color #FFFFFF, pattern "None", tintAndShade null (unless `fillReading`).
 *
 * The same model also answers RichApi requests of the real office.js (test/office/richapi/): there each
 * RichApi action is replayed on these proxies, so both levels run on one workbook model and one set of rules.
 */

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export class RichApiError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    location?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, errorLocation: location };
  }
}

export const notLoaded = (prop: string) =>
  new RichApiError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor?: string | null;
  tintAndShade?: number | null;
  patternTintAndShade?: number | null;
}

export interface FakeFont {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  color?: string;
}

export interface FakeHyperlink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface FakeCell {
  value: string | number | boolean | null;
  /** The value is an Excel error (#DIV/0! …). */
  error?: boolean;
  formula?: string;
  numberFormat?: string;
  fill?: FakeFill;
  font?: FakeFont;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  hyperlink?: FakeHyperlink;
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeSheet {
  name: string;
  /** Excel's worksheet id (stable across renames); getItem accepts it as well as the name. */
  id: string;
  visibility: Visibility;
  cells: Map<number, FakeCell>;
  merges: Rect[];
  notes: Map<number, string>;
  protected: boolean;
  frozenRows: number;
  autoFilter: string | null;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  borders: { address: string; edge: string; style?: string; color?: string }[];
  validations: { address: string; list: string[] }[];
  /** Charts added with worksheet.charts.add: type, source range (A1), series by, title, position. */
  charts: FakeChartState[];
  /** worksheet.pageLayout (ExcelApi 1.9), as set. */
  page: FakePageState;
}

/** A sheet's page setup as worksheet.pageLayout sets it (margins in points). */
export interface FakePageState {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  centerHorizontally: boolean;
  margins: { left?: number; right?: number; top?: number; bottom?: number; header?: number; footer?: number };
  /** setPrintTitleRows' address, as given; null when none. */
  printTitleRows: string | null;
  centerFooter: string;
}

export interface FakeChartState {
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  legend?: string;
  position?: { from: string; to: string };
}

const CHART_TYPES = new Set(['Line', 'LineMarkers', 'LineStacked', 'ColumnClustered', 'BarClustered', 'Pie']);

const COLS = 20000;
export const cellKey = (row: number, col: number) => row * COLS + col;
export const keyPos = (k: number) => ({ row: Math.floor(k / COLS), col: k % COLS });

export function colLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
const colNumber = (s: string) => [...s.toUpperCase()].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);

export function rectA1(r: Rect): string {
  const a = `${colLetter(r.left)}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${colLetter(r.right)}${r.bottom}`;
}

function quote(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "A1", "A1:B2", "A:C", "3:5" → rect; throws InvalidArgument otherwise. */
export function parseRef(ref: string): Rect {
  const s = ref.replace(/\$/g, '').trim();
  let m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(s);
  if (m) {
    const a = { row: Number(m[2]), col: colNumber(m[1]) };
    const b = m[3] ? { row: Number(m[4]), col: colNumber(m[3]) } : a;
    return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
  }
  m = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(s);
  if (m) return { top: 1, left: colNumber(m[1]), bottom: 1048576, right: colNumber(m[2]) };
  m = /^(\d+):(\d+)$/.exec(s);
  if (m) return { top: Number(m[1]), left: 1, bottom: Number(m[2]), right: 16384 };
  throw new RichApiError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (${ref})`);
}

/** "'My sheet'!A1" → { sheet: 'My sheet', ref: 'A1' }; "A1" → { ref: 'A1' }. */
export function splitSheet(address: string): { sheet?: string; ref: string } {
  const a = address.trim();
  if (a.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < a.length) {
      if (a[i] === "'" && a[i + 1] === "'") {
        name += "'";
        i += 2;
      } else if (a[i] === "'") break;
      else name += a[i++];
    }
    return { sheet: name, ref: a.slice(i + 2) };
  }
  const bang = a.lastIndexOf('!');
  return bang < 0 ? { ref: a } : { sheet: a.slice(0, bang), ref: a.slice(bang + 1) };
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');
export const jsonBytes = (v: unknown) => utf8(JSON.stringify(v) ?? 'null');

const intersects = (a: Rect, b: Rect) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

// ---------------------------------------------------------------------------------------------------------
// The workbook state and its entry points

export interface FakeExcelOptions {
  notesSupported?: boolean;
  /** Bytes one request (and one response) may carry; default 5 MB, as Excel on the web. */
  payloadLimit?: number;
  /**
   * How a fill reads back through getCellProperties: 'documented' (No Fill = pattern "None"), or
   * 'patternNull' (OfficeDev/office-js#4900: pattern null for every fill, tintAndShade null only for No Fill).
   */
  fillReading?: 'documented' | 'patternNull';
  /**
   * How getMergedAreasOrNullObject answers: 'intersect' (every merged area touching the range, full
   * extent), 'topLeftInRange' (#3611: only areas whose top-left cell is in the range), 'topLeftCells'
   * (#1590: the RangeAreas address lists only each area's top-left cell; its `areas` items are full).
   */
  mergeReading?: 'intersect' | 'topLeftInRange' | 'topLeftCells';
  /** The code a write on a protected sheet fails with (undocumented; default AccessDenied). */
  protectedWriteCode?: string;
  /** Methods this Excel's library lacks (e.g. 'getMergedAreasOrNullObject' before ExcelApi 1.13). */
  missingApis?: string[];
}

/** The documented limit of getMergedAreasOrNullObject. */
export const MERGED_AREAS_LIMIT = 512;

interface Op {
  /** The caller's tag when queued (the RichApi simulator: the index of the action). */
  tag?: number;
  bytes: number;
  /** Runs the operation; returns the bytes of data it loaded. */
  run: () => number | void;
  what: string;
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  readonly notesSupported: boolean;
  /** Every context.sync() of every context. */
  syncCount = 0;
  /** Estimated payload (queued operations + loaded data) of each sync, in order. */
  requestBytes: number[] = [];
  maxRequestBytes = 0;
  /** Longest address string handed to getRanges. */
  maxRangesAddress = 0;
  /** Options passed to each run(). */
  runOptions: unknown[] = [];
  /** Counters of operations by kind (e.g. "getRanges", "hyperlink"), for tests. */
  opCounts = new Map<string, number>();
  /** The sheet last activated (worksheet.activate() or range.select()); null until one is. */
  activeSheet: string | null = null;
  /** The range last selected (range.select()), as sheet + A1 address. */
  selection: { sheet: string; address: string } | null = null;

  readonly payloadLimit: number;
  readonly fillReading: 'documented' | 'patternNull';
  readonly mergeReading: 'intersect' | 'topLeftInRange' | 'topLeftCells';
  readonly protectedWriteCode: string;
  /** Workbook structure protection (审阅 → 保护工作簿): no sheet may be added, deleted, moved, hidden or shown. */
  structureProtected = false;
  private sheetIds = 0;
  /** Calls of getMergedAreasOrNullObject refused over the 512-area limit. */
  mergeLimitFailures = 0;
  readonly missingApis: Set<string>;
  /**
   * Makes the `nth` (1-based) operation of kind `what` (e.g. "worksheets.add") fail when it runs, as Excel
   * may fail any command: to test what a failure half-way through a batch leaves behind. Cleared once used.
   */
  failAt: { what: string; nth: number; seen?: number } | null = null;

  constructor(opts: FakeExcelOptions = {}) {
    this.notesSupported = !!opts.notesSupported;
    this.fillReading = opts.fillReading ?? 'documented';
    this.mergeReading = opts.mergeReading ?? 'intersect';
    this.protectedWriteCode = opts.protectedWriteCode ?? 'AccessDenied';
    this.missingApis = new Set(opts.missingApis ?? []);
    // "5 MB" read as the smaller 5 000 000 bytes, so a host that passes here passes either reading.
    this.payloadLimit = opts.payloadLimit ?? 5_000_000;
  }

  addSheet(name: string, visibility: Visibility = 'Visible'): FakeSheet {
    const s: FakeSheet = {
      name,
      id: `{00000000-0001-0000-${String(++this.sheetIds).padStart(4, '0')}-000000000000}`,
      visibility,
      cells: new Map(),
      merges: [],
      notes: new Map(),
      protected: false,
      frozenRows: 0,
      autoFilter: null,
      columnWidths: new Map(),
      rowHeights: new Map(),
      borders: [],
      validations: [],
      charts: [],
      // A new sheet's page setup: Excel's defaults (the paper as an en-US install has it).
      page: { orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 }, centerHorizontally: false, margins: {}, printTitleRows: null, centerFooter: '' },
    };
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): FakeSheet | undefined {
    const k = name.toLocaleLowerCase();
    return this.sheets.find((s) => s.name.toLocaleLowerCase() === k);
  }

  /** A sheet by name or by id (worksheets.getItem takes either). */
  sheetByKey(key: string): FakeSheet | undefined {
    return this.sheet(key) ?? this.sheets.find((s) => s.id === key);
  }

  /** A new request context, as `Excel.run` gives the batch function. */
  context(): FakeContext {
    return new FakeContext(this);
  }

  /** `Excel.run`-style entry: run(batch) or run(options, batch); sends what the batch left queued. */
  run = async <T>(a: unknown, b?: unknown): Promise<T> => {
    const batch = (typeof a === 'function' ? a : b) as (ctx: FakeContext) => Promise<T>;
    this.runOptions.push(typeof a === 'function' ? undefined : a);
    const ctx = this.context();
    const out = await batch(ctx);
    if (ctx.queued) await ctx.sync();
    return out;
  };

  /** Installs `globalThis.Excel = { run }`; returns the uninstaller. */
  install(): () => void {
    const g = globalThis as unknown as { Excel?: unknown };
    const prev = g.Excel;
    g.Excel = { run: this.run };
    return () => {
      g.Excel = prev;
    };
  }

  resetCounters(): void {
    this.syncCount = 0;
    this.requestBytes = [];
    this.maxRequestBytes = 0;
    this.maxRangesAddress = 0;
    this.opCounts.clear();
  }

  count(what: string): void {
    this.opCounts.set(what, (this.opCounts.get(what) ?? 0) + 1);
  }

  // -- cell helpers used by the proxies --------------------------------------------------------

  cell(s: FakeSheet, row: number, col: number, create: true): FakeCell;
  cell(s: FakeSheet, row: number, col: number, create?: false): FakeCell | undefined;
  cell(s: FakeSheet, row: number, col: number, create = false): FakeCell | undefined {
    const k = cellKey(row, col);
    let c = s.cells.get(k);
    if (!c && create) s.cells.set(k, (c = { value: null }));
    return c;
  }

  usedRect(s: FakeSheet, valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    const take = (row: number, col: number) => {
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    };
    for (const [k, c] of s.cells) {
      const hasValue = (c.value !== null && c.value !== '') || !!c.formula;
      if (valuesOnly && !hasValue) continue;
      const p = keyPos(k);
      take(p.row, p.col);
    }
    if (!valuesOnly) {
      for (const m of s.merges) {
        take(m.top, m.left);
        take(m.bottom, m.right);
      }
      for (const k of s.notes.keys()) {
        const p = keyPos(k);
        take(p.row, p.col);
      }
    }
    return top === Infinity ? null : { top, left, bottom, right };
  }
}

/** The code of the last protected-sheet refusal (set per model by FakeExcel.protectedWriteCode). */
let protectedCode = 'AccessDenied';

function assertStructure(x: FakeExcel, what: string): void {
  if (x.structureProtected) {
    throw new RichApiError('AccessDenied', 'The workbook structure is protected. To add, move, delete, hide or unhide sheets, unprotect the workbook.', what);
  }
}

function assertWritable(s: FakeSheet, what: string): void {
  if (s.protected) {
    throw new RichApiError(
      protectedCode,
      "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.",
      what,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Request context

export class FakeContext {
  private queue: Op[] = [];
  /** Tag given to the operations queued from now on (the RichApi simulator sets the action index). */
  tag: number | undefined;
  /** After a failed sync: the tag of the operation that failed. */
  failedTag: number | undefined;
  readonly workbook: FakeWorkbook;
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }
  get queued(): number {
    return this.queue.length;
  }
  enqueue(what: string, bytes: number, run: () => number | void): void {
    // Office.js sends each operation as an action ({"Id","ActionType","Name","ObjectPathId","ArgumentInfo"})
    // plus the object path it acts on: ≈ 100 bytes besides its arguments.
    this.queue.push({ what, bytes: bytes + 100, run, tag: this.tag });
    this.excel.count(what);
  }
  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const x = this.excel;
    x.syncCount++;
    protectedCode = x.protectedWriteCode;
    this.failedTag = undefined;
    const request = ops.reduce((n, op) => n + op.bytes, 0);
    let bytes = request;
    try {
      // Excel on the web refuses a request over its limit before running any of it …
      if (request > x.payloadLimit) {
        throw new RichApiError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
      }
      let response = 0;
      // Not atomic: what ran before a failing operation stays applied; the rest is skipped.
      for (const op of ops) {
        let loaded: number | void;
        try {
          const f = x.failAt;
          if (f && op.what === f.what && (f.seen = (f.seen ?? 0) + 1) === f.nth) {
            x.failAt = null;
            throw new RichApiError('GeneralException', `There was an internal error while processing the request. (injected: ${op.what})`);
          }
          loaded = op.run();
        } catch (e) {
          this.failedTag = op.tag;
          throw e;
        }
        if (typeof loaded === 'number') response += loaded;
      }
      bytes += response;
      // … and a response over it after running it.
      if (response > x.payloadLimit) {
        throw new RichApiError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
      }
    } finally {
      x.requestBytes.push(bytes);
      if (bytes > x.maxRequestBytes) x.maxRequestBytes = bytes;
    }
    await Promise.resolve();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Proxies

function loadList(spec: unknown): string[] {
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.map(String);
  if (spec && typeof spec === 'object' && typeof (spec as { select?: unknown }).select === 'string') return loadList((spec as { select: string }).select);
  throw new Error('fake-excel: load() needs the property names (the host must not load everything)');
}

abstract class ClientObject<T> {
  protected loadedProps = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private resolved: { t: T | null } | undefined;
  constructor(
    readonly context: FakeContext,
    private readonly resolver: () => T | null,
    private readonly nullable = false,
  ) {}

  protected get excel(): FakeExcel {
    return this.context.excel;
  }

  /** The object this proxy stands for, resolved (once) when its first queued operation runs. */
  protected target(): T {
    if (!this.resolved) this.resolved = { t: this.resolver() };
    const t = this.resolved.t;
    if (t === null) {
      if (this.nullable) throw new RichApiError('ItemNotFound', 'The requested resource doesn\u2019t exist. (null object)');
      throw new RichApiError('ItemNotFound', 'The requested resource doesn\u2019t exist.');
    }
    return t;
  }

  protected targetOrNull(): T | null {
    if (!this.resolved) this.resolved = { t: this.resolver() };
    return this.resolved.t;
  }

  protected abstract readProp(prop: string, t: T): unknown;

  protected loadedValue(prop: string): unknown {
    if (!this.loadedProps.has(prop)) throw notLoaded(prop);
    return this.loadedProps.get(prop);
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  load(spec?: unknown): this {
    const props = loadList(spec);
    this.context.enqueue(`load:${this.constructor.name}`, jsonBytes(props), () => {
      const t = this.nullable ? this.targetOrNull() : this.target();
      this.nullState = t === null;
      if (t === null) return 16;
      // The result's envelope ({"Value":{…}} and the object's id), then "prop":value per property.
      let b = 32;
      for (const p of props) {
        const v = this.readProp(p, t);
        this.loadedProps.set(p, v);
        b += jsonBytes(v) + p.length + 4;
      }
      return b;
    });
    return this;
  }

  /** Queues a write. */
  protected queueWrite(what: string, value: unknown, apply: (t: T) => void): void {
    this.context.enqueue(what, jsonBytes(value) + what.length, () => {
      apply(this.target());
    });
  }
}

export class ClientResult<V> {
  private done = false;
  private v: V | undefined;
  set(v: V): void {
    this.v = v;
    this.done = true;
  }
  get value(): V {
    if (!this.done) {
      throw new RichApiError(
        'ValueNotLoaded',
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    }
    return this.v as V;
  }
}

// -- workbook & collections -------------------------------------------------------------------------------

export class FakeWorkbook {
  constructor(private readonly ctx: FakeContext) {}
  get worksheets(): FakeWorksheetCollection {
    return new FakeWorksheetCollection(this.ctx);
  }
  /** Present only with ExcelApi 1.18. Keys are sheet-qualified addresses ("'My sheet'!B3", undocumented). */
  get notes(): FakeNoteCollection | undefined {
    return this.ctx.excel.notesSupported ? new FakeNoteCollection(this.ctx) : undefined;
  }
  /** Workbook protection (ExcelApi 1.7): `protected` = the structure is protected. */
  get protection(): FakeWorkbookProtection {
    return new FakeWorkbookProtection(this.ctx, () => this.ctx.excel);
  }
}

export class FakeWorkbookProtection extends ClientObject<FakeExcel> {
  protected readProp(prop: string, x: FakeExcel): unknown {
    if (prop === 'protected') return x.structureProtected;
    throw new Error(`fake-excel: WorkbookProtection.${prop} not modelled`);
  }
  get protected(): boolean {
    return this.loadedValue('protected') as boolean;
  }
}

const INVALID_NAME = /[\\/?*[\]:]/;

export class FakeWorksheetCollection extends ClientObject<FakeExcel> {
  private loadedItems: FakeWorksheet[] | undefined;
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.excel);
  }
  protected readProp(): unknown {
    return undefined;
  }
  override load(spec?: unknown): this {
    const props = loadList(spec).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue('load:WorksheetCollection', jsonBytes(props), () => {
      const x = this.target();
      this.loadedItems = x.sheets.map((s) => {
        const w = new FakeWorksheet(this.context, () => s);
        w.preload(props, s);
        return w;
      });
      return jsonBytes(this.loadedItems.map((w, i) => ({ i, props })));
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.excel.sheetByKey(name) ?? null);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.excel.sheet(name) ?? null, true);
  }
  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.context.enqueue('worksheets.add', jsonBytes(name), () => {
      const x = this.context.excel;
      if (INVALID_NAME.test(name) || name.length > 31 || !name.trim()) throw new RichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      if (x.sheet(name)) throw new RichApiError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.');
      assertStructure(x, 'WorksheetCollection.add');
      created = x.addSheet(name);
    });
    return new FakeWorksheet(this.context, () => created);
  }
}

export class FakeWorksheet extends ClientObject<FakeSheet> {
  constructor(ctx: FakeContext, resolver: () => FakeSheet | null, nullable = false) {
    super(ctx, resolver, nullable);
  }
  /** For collection loads: marks props as loaded (values taken at run time). */
  preload(props: string[], s: FakeSheet): void {
    for (const p of props) this.loadedProps.set(p, this.readProp(p, s));
  }
  protected readProp(prop: string, s: FakeSheet): unknown {
    switch (prop) {
      case 'name':
        return s.name;
      case 'visibility':
        return s.visibility;
      case 'position':
        return this.excel.sheets.indexOf(s);
      default:
        throw new Error(`fake-excel: Worksheet.${prop} not modelled`);
    }
  }
  get name(): string {
    return this.loadedValue('name') as string;
  }
  get visibility(): Visibility {
    return this.loadedValue('visibility') as Visibility;
  }
  set visibility(v: Visibility) {
    this.queueWrite('worksheet.visibility', v, (s) => {
      if (v !== s.visibility) assertStructure(this.excel, 'Worksheet.visibility');
      if (v !== 'Visible' && s.visibility === 'Visible' && this.excel.sheets.filter((x) => x.visibility === 'Visible').length === 1) {
        throw new RichApiError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      s.visibility = v;
    });
  }
  get position(): number {
    return this.loadedValue('position') as number;
  }
  set position(p: number) {
    this.queueWrite('worksheet.position', p, (s) => {
      const list = this.excel.sheets;
      if (p < 0 || p >= list.length) throw new RichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      if (list.indexOf(s) !== p) assertStructure(this.excel, 'Worksheet.position');
      list.splice(list.indexOf(s), 1);
      list.splice(p, 0, s);
    });
  }
  get protection(): FakeProtection {
    return new FakeProtection(this.context, () => this.target());
  }
  /** Present only with ExcelApi 1.18: this sheet's notes, keyed by plain cell address ("B3"), as Microsoft's samples use. */
  get notes(): FakeNoteCollection | undefined {
    return this.excel.notesSupported ? new FakeNoteCollection(this.context, () => this.target()) : undefined;
  }
  get freezePanes() {
    return {
      freezeRows: (n: number) => this.queueWrite('freezePanes.freezeRows', n, (s) => void (s.frozenRows = n)),
    };
  }
  /** ExcelApi 1.9 (absent when constructed with missingApis ['pageLayout'], as in a library or an Excel without it). */
  get pageLayout(): FakePageLayout | undefined {
    return this.excel.missingApis.has('pageLayout') ? undefined : new FakePageLayout(this.context, () => this.target());
  }
  get autoFilter() {
    return {
      apply: (range: FakeRange | string) => {
        const addr = typeof range === 'string' ? range : null;
        this.context.enqueue('autoFilter.apply', 40, () => {
          const s = this.target();
          s.autoFilter = addr ?? rectA1((range as FakeRange).rectNow().rect);
        });
      },
    };
  }
  get charts() {
    return {
      add: (type: string, source: FakeRange, seriesBy = 'Auto'): FakeChart => {
        let created: FakeChartState | null = null;
        this.context.enqueue('charts.add', 80, () => {
          const s = this.target();
          assertWritable(s, 'charts.add');
          if (!CHART_TYPES.has(type)) throw new RichApiError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (chart type ${type})`);
          const r = source.rectNow();
          if (r.sheet !== s) throw new RichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format. (source on another sheet)');
          created = { type, source: rectA1(r.rect), seriesBy };
          s.charts.push(created);
        });
        return new FakeChart(this.context, () => created);
      },
    };
  }
  /** Makes this the active sheet; Excel refuses a hidden one. */
  activate(): void {
    this.queueWrite('worksheet.activate', null, (s) => {
      if (s.visibility !== 'Visible') throw new RichApiError('InvalidOperation', 'The current operation is not allowed on a hidden worksheet.');
      this.excel.activeSheet = s.name;
    });
  }
  delete(): void {
    this.queueWrite('worksheet.delete', null, (s) => {
      const list = this.excel.sheets;
      assertStructure(this.excel, 'Worksheet.delete');
      // Real Excel refuses to delete a very hidden sheet; its visibility must be changed first.
      if (s.visibility === 'VeryHidden') throw new RichApiError('InvalidOperation', 'This operation is not allowed on a very hidden worksheet.', 'Worksheet.delete');
      if (s.visibility === 'Visible' && list.filter((x) => x.visibility === 'Visible').length === 1) {
        throw new RichApiError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      list.splice(list.indexOf(s), 1);
    });
  }
  getRange(address?: string): FakeRange {
    if (address === undefined) throw new Error('fake-excel: getRange() without an address not modelled');
    return new FakeRange(this.context, this, () => parseRef(address));
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, this, () => {
      if (rows < 1 || cols < 1) throw new RichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      return { top: r + 1, left: c + 1, bottom: r + rows, right: c + cols };
    });
  }
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this, () => {
      this.excel.maxRangesAddress = Math.max(this.excel.maxRangesAddress, address.length);
      if (address.length >= 8192) {
        throw new RichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'Worksheet.getRanges');
      }
      return address.split(',').map((a) => parseRef(a));
    });
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this, () => this.excel.usedRect(this.sheetNow(), valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this, () => this.excel.usedRect(this.sheetNow(), valuesOnly), true);
  }
  sheetNow(): FakeSheet {
    return this.target();
  }
}

export class FakeChart extends ClientObject<FakeChartState> {
  protected readProp(prop: string): unknown {
    throw new Error(`fake-excel: Chart.${prop} not modelled`);
  }
  /** chart.title.text = … (queued). */
  get title(): { text: string } {
    const write = (v: string) => this.queueWrite('chart.title', v, (c) => void (c.title = v));
    return {
      get text(): string {
        throw notLoaded('text');
      },
      set text(v: string) {
        write(v);
      },
    };
  }
  /** chart.legend.position = … (queued). */
  get legend(): { position: string } {
    const write = (v: string) => this.queueWrite('chart.legend', v, (c) => void (c.legend = v));
    return {
      get position(): string {
        throw notLoaded('position');
      },
      set position(v: string) {
        write(v);
      },
    };
  }
  setPosition(from: string, to?: string): void {
    this.queueWrite('chart.setPosition', [from, to], (c) => {
      parseRef(from);
      if (to) parseRef(to);
      c.position = { from, to: to ?? from };
    });
  }
}

export class FakeProtection extends ClientObject<FakeSheet> {
  protected readProp(prop: string, s: FakeSheet): unknown {
    if (prop === 'protected') return s.protected;
    throw new Error(`fake-excel: WorksheetProtection.${prop} not modelled`);
  }
  get protected(): boolean {
    return this.loadedValue('protected') as boolean;
  }
}

// -- ranges -----------------------------------------------------------------------------------------------

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

function writeValue(cell: FakeCell, v: unknown): void {
  const textFmt = cell.numberFormat === '@';
  delete cell.formula;
  delete cell.error;
  if (v === null || v === undefined || v === '') {
    cell.value = null;
    return;
  }
  if (typeof v === 'string') {
    if (!textFmt && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) {
      cell.value = Number(v);
      return;
    }
    // Like Excel's input parsing: "=…", and "+…", "-…", "@…" that are not numbers, become formulas.
    if (!textFmt && v.length > 1 && /^[=+\-@]/.test(v)) {
      cell.formula = v.startsWith('=') ? v : `=${v}`;
      cell.value = null;
      return;
    }
    if (!textFmt && /^(true|false)$/i.test(v)) {
      cell.value = v.toLowerCase() === 'true';
      return;
    }
    cell.value = v;
    return;
  }
  if (typeof v === 'number' || typeof v === 'boolean') {
    cell.value = v;
    return;
  }
  throw new RichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
}

function grid<V>(rect: Rect, f: (row: number, col: number) => V): V[][] {
  const out: V[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: V[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

function each2d(rect: Rect, v: unknown, what: string, f: (row: number, col: number, x: unknown) => void): void {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (!Array.isArray(v)) {
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) f(rect.top + r, rect.left + c, v);
    return;
  }
  if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new RichApiError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${what})`);
  }
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) f(rect.top + r, rect.left + c, (v[r] as unknown[])[c]);
}

const NO_FILL = { color: '#FFFFFF', pattern: 'None', patternColor: null, tintAndShade: null, patternTintAndShade: null };

function fillProps(f: FakeFill | undefined, reading: FakeExcel['fillReading'] = 'documented'): Record<string, unknown> {
  // OfficeDev/office-js#4900: pattern null whatever the fill; No Fill told apart only by tintAndShade null.
  if (reading === 'patternNull') return f ? { ...fillProps(f), pattern: null } : { ...NO_FILL, pattern: null };
  if (!f) return { ...NO_FILL };
  return {
    color: f.color,
    pattern: f.pattern,
    patternColor: f.patternColor ?? null,
    tintAndShade: f.tintAndShade ?? 0,
    patternTintAndShade: f.patternTintAndShade ?? 0,
  };
}

export class FakeRange extends ClientObject<RangeTarget> {
  constructor(
    ctx: FakeContext,
    private readonly ws: FakeWorksheet,
    rect: () => Rect | null,
    nullable = false,
  ) {
    super(
      ctx,
      () => {
        const r = rect();
        return r ? { sheet: ws.sheetNow(), rect: r } : null;
      },
      nullable,
    );
    // An older library: the method is simply not there.
    for (const m of ctx.excel.missingApis) Object.defineProperty(this, m, { value: undefined });
  }
  rectNow(): RangeTarget {
    return this.target();
  }
  protected readProp(prop: string, t: RangeTarget): unknown {
    const { sheet: s, rect } = t;
    const x = this.excel;
    switch (prop) {
      case 'address':
        return `${quote(s.name)}!${rectA1(rect)}`;
      case 'rowIndex':
        return rect.top - 1;
      case 'columnIndex':
        return rect.left - 1;
      case 'rowCount':
        return rect.bottom - rect.top + 1;
      case 'columnCount':
        return rect.right - rect.left + 1;
      case 'values':
        return grid(rect, (r, c) => {
          const cell = x.cell(s, r, c);
          return cell?.value ?? (cell?.formula ? 0 : '');
        });
      case 'valueTypes':
        return grid(rect, (r, c) => {
          const cell = x.cell(s, r, c);
          const v = cell?.value;
          if (cell?.error) return 'Error';
          if (v === null || v === undefined || v === '') return cell?.formula ? 'Double' : 'Empty';
          return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
        });
      case 'numberFormat':
        return grid(rect, (r, c) => x.cell(s, r, c)?.numberFormat ?? 'General');
      case 'formulas':
        return grid(rect, (r, c) => {
          const cell = x.cell(s, r, c);
          return cell?.formula ?? cell?.value ?? '';
        });
      default:
        throw new Error(`fake-excel: Range.${prop} not modelled`);
    }
  }
  get address(): string {
    return this.loadedValue('address') as string;
  }
  get rowIndex(): number {
    return this.loadedValue('rowIndex') as number;
  }
  get columnIndex(): number {
    return this.loadedValue('columnIndex') as number;
  }
  get rowCount(): number {
    return this.loadedValue('rowCount') as number;
  }
  get columnCount(): number {
    return this.loadedValue('columnCount') as number;
  }
  get values(): unknown[][] {
    return this.loadedValue('values') as unknown[][];
  }
  set values(v: unknown[][]) {
    this.queueWrite('range.values', v, ({ sheet, rect }) => {
      assertWritable(sheet, 'Range.values');
      each2d(rect, v, 'values', (r, c, x) => writeValue(this.excel.cell(sheet, r, c, true), x));
    });
  }
  get valueTypes(): string[][] {
    return this.loadedValue('valueTypes') as string[][];
  }
  get numberFormat(): string[][] {
    return this.loadedValue('numberFormat') as string[][];
  }
  set numberFormat(v: string[][]) {
    this.queueWrite('range.numberFormat', v, ({ sheet, rect }) => {
      assertWritable(sheet, 'Range.numberFormat');
      each2d(rect, v, 'numberFormat', (r, c, x) => {
        this.excel.cell(sheet, r, c, true).numberFormat = String(x);
      });
    });
  }
  get formulas(): unknown[][] {
    return this.loadedValue('formulas') as unknown[][];
  }
  /** Selects this range (its sheet becomes the active one); Excel refuses on a hidden sheet. */
  select(): void {
    this.queueWrite('range.select', null, ({ sheet, rect }) => {
      if (sheet.visibility !== 'Visible') throw new RichApiError('InvalidOperation', 'The current operation is not allowed on a hidden worksheet.');
      this.excel.activeSheet = sheet.name;
      this.excel.selection = { sheet: sheet.name, address: rectA1(rect) };
    });
  }
  set hyperlink(h: FakeHyperlink) {
    this.queueWrite('range.hyperlink', h, ({ sheet, rect }) => {
      assertWritable(sheet, 'Range.hyperlink');
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const cell = this.excel.cell(sheet, r, c, true);
          cell.hyperlink = { ...h };
          if (h.textToDisplay !== undefined) {
            delete cell.formula;
            cell.value = h.textToDisplay;
          }
        }
      }
    });
  }
  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, rects: [t.rect] };
    });
  }
  get dataValidation() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const range = this;
    return {
      /** Only list rules are modelled. */
      set rule(rule: { list?: { inCellDropDown?: boolean; source: string } }) {
        range.queueWrite('dataValidation.rule', rule, ({ sheet, rect }) => {
          assertWritable(sheet, 'DataValidation.rule');
          if (!rule.list) throw new Error('fake-excel: only list validations are modelled');
          sheet.validations.push({ address: rectA1(rect), list: rule.list.source.split(',') });
        });
      },
    };
  }
  merge(across = false): void {
    this.queueWrite('range.merge', across, ({ sheet, rect }) => {
      assertWritable(sheet, 'Range.merge');
      if (across) {
        for (let r = rect.top; r <= rect.bottom; r++) sheet.merges.push({ top: r, left: rect.left, bottom: r, right: rect.right });
      } else sheet.merges.push({ ...rect });
    });
  }
  getCellProperties(opts: { format?: { fill?: Record<string, boolean> } }): ClientResult<{ format: { fill: Record<string, unknown> } }[][]> {
    const res = new ClientResult<{ format: { fill: Record<string, unknown> } }[][]>();
    const want = Object.keys(opts.format?.fill ?? {}).filter((k) => opts.format?.fill?.[k]);
    this.context.enqueue('range.getCellProperties', jsonBytes(opts), () => {
      const { sheet, rect } = this.target();
      const v = grid(rect, (r, c) => {
        const all = fillProps(this.excel.cell(sheet, r, c)?.fill, this.excel.fillReading);
        const fill: Record<string, unknown> = {};
        for (const k of want) fill[k] = all[k];
        return { format: { fill } };
      });
      res.set(v);
      return jsonBytes(v);
    });
    return res;
  }
  setCellProperties(v: { format?: { fill?: Partial<FakeFill> } }[][]): void {
    this.queueWrite('range.setCellProperties', v, ({ sheet, rect }) => {
      assertWritable(sheet, 'Range.setCellProperties');
      each2d(rect, v, 'cellProperties', (r, c, x) => {
        const f = (x as { format?: { fill?: Partial<FakeFill> } }).format?.fill;
        if (!f) return;
        const cell = this.excel.cell(sheet, r, c, true);
        if (f.pattern === 'None') {
          delete cell.fill;
          return;
        }
        if (typeof f.pattern === 'string' && /gradient/i.test(f.pattern)) {
          throw new RichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format. (a gradient fill cannot be set)', 'Range.setCellProperties');
        }
        const base: FakeFill = cell.fill ?? { color: '#FFFFFF', pattern: 'Solid' };
        cell.fill = { ...base, ...(f as FakeFill) };
      });
    });
  }
  /** Row `i` (0-based) of this range. */
  getRow(i: number): FakeRange {
    return new FakeRange(this.context, this.ws, () => {
      const { rect } = this.target();
      if (i < 0 || rect.top + i > rect.bottom) throw new RichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      return { top: rect.top + i, left: rect.left, bottom: rect.top + i, right: rect.right };
    });
  }
  /** The smallest range holding this one and `other` (office.js splits large writes into such row blocks). */
  getBoundingRect(other: FakeRange): FakeRange {
    return new FakeRange(this.context, this.ws, () => {
      const a = this.target().rect;
      const o = other.rectNow().rect;
      return { top: Math.min(a.top, o.top), left: Math.min(a.left, o.left), bottom: Math.max(a.bottom, o.bottom), right: Math.max(a.right, o.right) };
    });
  }
  /** office.js's check before a large write split into blocks: the array must match the range. */
  _ValidateArraySize(rows: number, cols: number): void {
    this.context.enqueue('range._ValidateArraySize', 16, () => {
      const { rect } = this.target();
      if (rows !== rect.bottom - rect.top + 1 || cols !== rect.right - rect.left + 1) {
        throw new RichApiError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      }
    });
  }
  getResizedRange(deltaRows: number, deltaCols: number): FakeRange {
    return new FakeRange(this.context, this.ws, () => {
      const { rect } = this.target();
      const r = { ...rect, bottom: rect.bottom + deltaRows, right: rect.right + deltaCols };
      if (r.bottom < r.top || r.right < r.left || r.bottom > 1048576 || r.right > 16384) throw new RichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      return r;
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    let full: Rect[] | null = null;
    const areas = new FakeRangeAreas(
      this.context,
      this.ws,
      () => {
        const { sheet, rect } = this.target();
        const x = this.excel;
        const inRange = (m: Rect) => m.top >= rect.top && m.top <= rect.bottom && m.left >= rect.left && m.left <= rect.right;
        const m = sheet.merges.filter((a) => (x.mergeReading === 'topLeftInRange' ? inRange(a) : intersects(a, rect)));
        if (m.length > MERGED_AREAS_LIMIT) {
          x.mergeLimitFailures++;
          throw new RichApiError('GeneralException', 'There was an internal error while processing the request.', 'Range.getMergedAreasOrNullObject');
        }
        full = m;
        // #1590: the address lists each area's top-left cell only.
        return m.length ? (x.mergeReading === 'topLeftCells' ? m.map((a) => ({ top: a.top, left: a.left, bottom: a.top, right: a.left })) : m) : null;
      },
      true,
    );
    areas.fullAreas = () => full ?? [];
    return areas;
  }
}

export class FakeRangeAreas extends ClientObject<{ sheet: FakeSheet; rects: Rect[] }> {
  /** The merged areas as they are (for `areas`, which reports them in full even where `address` does not). */
  fullAreas: (() => Rect[]) | null = null;
  constructor(ctx: FakeContext, ws: FakeWorksheet, rects: () => Rect[] | null, nullable = false) {
    super(
      ctx,
      () => {
        const r = rects();
        return r ? { sheet: ws.sheetNow(), rects: r } : null;
      },
      nullable,
    );
  }
  protected readProp(prop: string, t: { sheet: FakeSheet; rects: Rect[] }): unknown {
    if (prop === 'address') return t.rects.map((r) => `${quote(t.sheet.name)}!${rectA1(r)}`).join(',');
    if (prop === 'areaCount') return t.rects.length;
    if (prop === 'cellCount') return t.rects.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
    throw new Error(`fake-excel: RangeAreas.${prop} not modelled`);
  }
  get address(): string {
    return this.loadedValue('address') as string;
  }
  get areaCount(): number {
    return this.loadedValue('areaCount') as number;
  }
  /** RangeAreas.areas (ExcelApi 1.9): the areas as a RangeCollection; only `items/address` is modelled. */
  get areas(): FakeRangeCollection {
    return new FakeRangeCollection(this.context, () => {
      const t = this.target();
      return { sheet: t.sheet, rects: this.fullAreas ? this.fullAreas() : t.rects };
    });
  }
  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.context, () => this.target());
  }
}

export class FakeRangeCollection extends ClientObject<{ sheet: FakeSheet; rects: Rect[] }> {
  private loadedItems: { address: string }[] | undefined;
  protected readProp(): unknown {
    return undefined;
  }
  override load(spec?: unknown): this {
    const props = loadList(spec).map((p) => p.replace(/^items\//, ''));
    if (props.some((p) => p !== 'address')) throw new Error('fake-excel: RangeCollection: only items/address is modelled');
    this.context.enqueue('load:RangeCollection', jsonBytes(props), () => {
      const t = this.target();
      this.loadedItems = t.rects.map((r) => ({ address: `${quote(t.sheet.name)}!${rectA1(r)}` }));
      return jsonBytes(this.loadedItems);
    });
    return this;
  }
  get items(): { address: string }[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
}

// -- formats ----------------------------------------------------------------------------------------------

type FormatTarget = () => { sheet: FakeSheet; rects: Rect[] };

function eachCell(x: FakeExcel, t: { sheet: FakeSheet; rects: Rect[] }, f: (c: FakeCell) => void): void {
  for (const rect of t.rects) {
    if (rect.bottom - rect.top > 100000 || rect.right - rect.left > 1000) throw new Error('fake-excel: cell format on a whole row/column not modelled');
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) f(x.cell(t.sheet, r, c, true));
  }
}

class FormatPart {
  constructor(
    protected readonly ctx: FakeContext,
    protected readonly t: FormatTarget,
  ) {}
  protected set(what: string, value: unknown, f: (c: FakeCell) => void): void {
    this.ctx.enqueue(what, jsonBytes(value) + what.length, () => {
      const t = this.t();
      assertWritable(t.sheet, what);
      eachCell(this.ctx.excel, t, f);
    });
  }
}

export class FakeRangeFormat extends FormatPart {
  get fill(): FakeRangeFill {
    return new FakeRangeFill(this.ctx, this.t);
  }
  get font(): FakeRangeFont {
    return new FakeRangeFont(this.ctx, this.t);
  }
  get borders() {
    return {
      getItem: (edge: string) => {
        const rec = { edge, address: '', style: undefined as string | undefined, color: undefined as string | undefined };
        const queue = (what: string, apply: () => void) =>
          this.ctx.enqueue(what, 40, () => {
            const t = this.t();
            assertWritable(t.sheet, what);
            rec.address = t.rects.map(rectA1).join(',');
            if (!t.sheet.borders.includes(rec)) t.sheet.borders.push(rec);
            apply();
          });
        return {
          set style(v: string) {
            queue('border.style', () => void (rec.style = v));
          },
          set color(v: string) {
            queue('border.color', () => void (rec.color = v));
          },
        };
      },
    };
  }
  set horizontalAlignment(v: string) {
    this.set('format.horizontalAlignment', v, (c) => void (c.hAlign = v));
  }
  set verticalAlignment(v: string) {
    this.set('format.verticalAlignment', v, (c) => void (c.vAlign = v));
  }
  set wrapText(v: boolean) {
    this.set('format.wrapText', v, (c) => void (c.wrap = v));
  }
  set columnWidth(v: number) {
    this.ctx.enqueue('format.columnWidth', 8, () => {
      const t = this.t();
      assertWritable(t.sheet, 'format.columnWidth');
      for (const r of t.rects) for (let c = r.left; c <= r.right; c++) t.sheet.columnWidths.set(c, v);
    });
  }
  set rowHeight(v: number) {
    this.ctx.enqueue('format.rowHeight', 8, () => {
      const t = this.t();
      assertWritable(t.sheet, 'format.rowHeight');
      for (const r of t.rects) for (let row = r.top; row <= r.bottom; row++) t.sheet.rowHeights.set(row, v);
    });
  }
}

export class FakeRangeFill extends FormatPart {
  set color(v: string) {
    this.set('fill.color', v, (c) => {
      const keep = c.fill && c.fill.pattern !== 'None' ? c.fill.pattern : 'Solid';
      c.fill = { color: v.toUpperCase(), pattern: keep, tintAndShade: 0 };
    });
  }
  set pattern(v: string) {
    if (/gradient/i.test(v)) {
      this.ctx.enqueue('fill.pattern', 40, () => {
        throw new RichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format. (a gradient fill cannot be set)', 'RangeFill.pattern');
      });
      return;
    }
    this.set('fill.pattern', v, (c) => {
      if (v === 'None') delete c.fill;
      else c.fill = { ...(c.fill ?? { color: '#FFFFFF' }), pattern: v };
    });
  }
  set patternColor(v: string) {
    this.set('fill.patternColor', v, (c) => void (c.fill = { ...(c.fill ?? { color: '#FFFFFF', pattern: 'Solid' }), patternColor: v }));
  }
  set tintAndShade(v: number) {
    this.set('fill.tintAndShade', v, (c) => void (c.fill = { ...(c.fill ?? { color: '#FFFFFF', pattern: 'Solid' }), tintAndShade: v }));
  }
  clear(): void {
    this.set('fill.clear', null, (c) => void delete c.fill);
  }
}

export class FakeRangeFont extends FormatPart {
  private f(what: string, v: unknown, k: keyof FakeFont): void {
    this.set(`font.${what}`, v, (c) => void (c.font = { ...c.font, [k]: v }));
  }
  set name(v: string) {
    this.f('name', v, 'name');
  }
  set size(v: number) {
    this.f('size', v, 'size');
  }
  set bold(v: boolean) {
    this.f('bold', v, 'bold');
  }
  set italic(v: boolean) {
    this.f('italic', v, 'italic');
  }
  set underline(v: string) {
    this.f('underline', v, 'underline');
  }
  set color(v: string) {
    this.f('color', v, 'color');
  }
}

// -- notes (ExcelApi 1.18) --------------------------------------------------------------------------------

function noteTarget(x: FakeExcel, address: string, scope?: FakeSheet): { sheet: FakeSheet; key: number } {
  const { sheet, ref } = splitSheet(address);
  const s = scope && sheet === undefined ? scope : sheet === undefined ? undefined : x.sheet(sheet);
  if (!s) throw new RichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'NoteCollection');
  const r = parseRef(ref);
  if (r.top !== r.bottom || r.left !== r.right) throw new RichApiError('InvalidArgument', 'The range must be a single cell.', 'NoteCollection');
  return { sheet: s, key: cellKey(r.top, r.left) };
}

export class FakeNoteCollection {
  /** `scope`: the worksheet of a `worksheet.notes` collection (keys are then plain cell addresses). */
  constructor(
    private readonly ctx: FakeContext,
    private readonly scope?: () => FakeSheet,
  ) {}
  add(cellAddress: string | FakeRange, content: string): FakeNote {
    this.ctx.enqueue('notes.add', jsonBytes([typeof cellAddress === 'string' ? cellAddress : 'range', content]), () => {
      let t: { sheet: FakeSheet; key: number };
      if (typeof cellAddress === 'string') t = noteTarget(this.ctx.excel, cellAddress, this.scope?.());
      else {
        const r = cellAddress.rectNow();
        t = { sheet: r.sheet, key: cellKey(r.rect.top, r.rect.left) };
      }
      assertWritable(t.sheet, 'NoteCollection.add');
      if (t.sheet.notes.has(t.key)) throw new RichApiError('InvalidArgument', 'The cell already has a note.', 'NoteCollection.add');
      t.sheet.notes.set(t.key, String(content));
    });
    return this.getItem(typeof cellAddress === 'string' ? cellAddress : '');
  }
  private loadedItems: FakeNote[] | undefined;
  /** `load('items/content')`: every note of the collection (a worksheet's, or the workbook's in sheet order). */
  load(spec?: unknown): this {
    const props = loadList(spec).map((p) => p.replace(/^items\//, ''));
    for (const p of props) if (p !== 'content') throw new Error(`fake-excel: Note.${p} not modelled`);
    this.ctx.enqueue('load:NoteCollection', jsonBytes(props), () => {
      const sheets = this.scope ? [this.scope()] : this.ctx.excel.sheets;
      const items: FakeNote[] = [];
      let bytes = 32;
      for (const sheet of sheets) {
        for (const k of [...sheet.notes.keys()].sort((a, b) => a - b)) {
          const t = { sheet, key: k };
          const n = new FakeNote(this.ctx, () => (sheet.notes.has(k) ? t : null));
          n.preloadContent(sheet.notes.get(k) ?? '');
          items.push(n);
          bytes += jsonBytes(sheet.notes.get(k)) + 40;
        }
      }
      this.loadedItems = items;
      return bytes;
    });
    return this;
  }
  get items(): FakeNote[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
  getItem(key: string): FakeNote {
    return new FakeNote(this.ctx, () => {
      const t = noteTarget(this.ctx.excel, key, this.scope?.());
      return t.sheet.notes.has(t.key) ? t : null;
    });
  }
  getItemOrNullObject(key: string): FakeNote {
    return new FakeNote(
      this.ctx,
      () => {
        const t = noteTarget(this.ctx.excel, key, this.scope?.());
        return t.sheet.notes.has(t.key) ? t : null;
      },
      true,
    );
  }
}

export class FakeNote extends ClientObject<{ sheet: FakeSheet; key: number }> {
  protected readProp(prop: string, t: { sheet: FakeSheet; key: number }): unknown {
    if (prop === 'content') return t.sheet.notes.get(t.key) ?? '';
    throw new Error(`fake-excel: Note.${prop} not modelled`);
  }
  get content(): string {
    return this.loadedValue('content') as string;
  }
  /** For collection loads: the content as the load read it. */
  preloadContent(v: string): void {
    this.loadedProps.set('content', v);
  }
  /** The cell the note is on (ExcelApi 1.18). */
  getLocation(): FakeRange {
    const ws = new FakeWorksheet(this.context, () => this.target().sheet);
    return new FakeRange(this.context, ws, () => {
      const p = keyPos(this.target().key);
      return { top: p.row, left: p.col, bottom: p.row, right: p.col };
    });
  }
  set content(v: string) {
    this.queueWrite('note.content', v, (t) => {
      assertWritable(t.sheet, 'Note.content');
      t.sheet.notes.set(t.key, v);
    });
  }
  delete(): void {
    this.queueWrite('note.delete', null, (t) => {
      assertWritable(t.sheet, 'Note.delete');
      t.sheet.notes.delete(t.key);
    });
  }
}

// -- page layout (ExcelApi 1.9) ---------------------------------------------------------------------------

const invalid = (what: string) => new RichApiError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (${what})`);
/** Excel.PaperType (a subset: the ones a county prints on, and the defaults). */
const PAPER_TYPES = new Set(['A3', 'A4', 'A4Small', 'A5', 'B4', 'B5', 'Letter', 'LetterSmall', 'Legal']);
const fitPages = (v: unknown) => v === undefined || v === null || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 32767);

/**
 * Worksheet.pageLayout: orientation ("Portrait" | "Landscape"), paperSize (Excel.PaperType), zoom
 * (PageLayoutZoomOptions: scale 10–400, or pages to fit wide / tall; 0 tall = as many as needed, as fitToHeight 0
 * in the file), centerHorizontally, the six margins (points, ≥ 0), setPrintTitleRows (whole rows: "$1:$3" or
 * "1:3"), headersFooters.defaultForAllPages.centerFooter. Anything else is not modelled.
 */
export class FakePageLayout extends ClientObject<FakeSheet> {
  protected readProp(p: string, s: FakeSheet): unknown {
    const page = s.page;
    if (p === 'orientation') return page.orientation;
    if (p === 'paperSize') return page.paperSize;
    if (p === 'zoom') return { ...page.zoom };
    if (p === 'centerHorizontally') return page.centerHorizontally;
    throw new Error(`fake-excel: PageLayout.${p} not modelled`);
  }
  private setPage(what: string, value: unknown, apply: (page: FakePageState) => void): void {
    this.queueWrite(`pageLayout.${what}`, value, (s) => {
      assertWritable(s, `PageLayout.${what}`);
      apply(s.page);
    });
  }
  set orientation(v: FakePageState['orientation']) {
    this.setPage('orientation', v, (p) => {
      if (v !== 'Portrait' && v !== 'Landscape') throw invalid(`orientation ${String(v)}`);
      p.orientation = v;
    });
  }
  set paperSize(v: string) {
    this.setPage('paperSize', v, (p) => {
      if (!PAPER_TYPES.has(v)) throw invalid(`paperSize ${String(v)}`);
      p.paperSize = v;
    });
  }
  set zoom(v: FakePageState['zoom']) {
    this.setPage('zoom', v, (p) => {
      if (!v || typeof v !== 'object') throw invalid('zoom');
      const { scale, horizontalFitToPages: h, verticalFitToPages: t } = v;
      if (scale !== undefined && scale !== null && (typeof scale !== 'number' || scale < 10 || scale > 400)) throw invalid(`zoom.scale ${scale}`);
      if (!fitPages(h) || !fitPages(t)) throw invalid('zoom fit to pages');
      // Fit to pages takes over from a percentage (scale then reads null, as documented); what Excel does with both at once is not documented.
      const fit = (h ?? null) !== null || (t ?? null) !== null;
      p.zoom = fit ? { horizontalFitToPages: h ?? 0, verticalFitToPages: t ?? 0 } : { scale };
    });
  }
  set centerHorizontally(v: boolean) {
    this.setPage('centerHorizontally', v, (p) => void (p.centerHorizontally = !!v));
  }
  private margin(k: keyof FakePageState['margins'], v: number): void {
    this.setPage(`${k}Margin`, v, (p) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw invalid(`${k}Margin ${v}`);
      p.margins[k] = v;
    });
  }
  set leftMargin(v: number) {
    this.margin('left', v);
  }
  set rightMargin(v: number) {
    this.margin('right', v);
  }
  set topMargin(v: number) {
    this.margin('top', v);
  }
  set bottomMargin(v: number) {
    this.margin('bottom', v);
  }
  set headerMargin(v: number) {
    this.margin('header', v);
  }
  set footerMargin(v: number) {
    this.margin('footer', v);
  }
  setPrintTitleRows(formula: string): void {
    this.setPage('setPrintTitleRows', formula, (p) => {
      const m = typeof formula === 'string' ? /^\$?(\d+):\$?(\d+)$/.exec(formula) : null;
      if (!m || Number(m[1]) < 1 || Number(m[2]) < Number(m[1]) || Number(m[2]) > 1048576) throw invalid(`print title rows ${String(formula)}`);
      p.printTitleRows = formula;
    });
  }
  get headersFooters() {
    const set = (v: string) =>
      this.setPage('centerFooter', v, (p) => {
        if (typeof v !== 'string') throw invalid('centerFooter');
        p.centerFooter = v;
      });
    return {
      defaultForAllPages: {
        set centerFooter(v: string) {
          set(v);
        },
      },
    };
  }
}
