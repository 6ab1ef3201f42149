/**
 * What the two browser suites (pane.browser.ts, web.browser.ts) share: a tiny harness (named steps in order, one
 * line each, a screenshot of the page under test when a step fails, `N passed, N failed` and the exit code),
 * assert / eq, a static server for dist/, and Debian's Chromium launched with the flags this machine needs.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = process.cwd();
export const DIST = path.join(ROOT, 'dist');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

export function eq<T>(actual: T, expected: T, what: string): void {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) throw new Error(`${what}: expected ${b.slice(0, 600)}, got ${a.slice(0, 600)}`);
}

export interface SuiteOptions {
  /** The screenshot of the n-th step when it fails, in test-artifacts/. */
  failedShot: (n: number) => string;
  /** Only the steps whose name matches (an environment variable's text); all when absent. */
  only?: string;
  /** Lines of a failure's stack printed. */
  stackLines: number;
  /** More to say about the page when a step fails (appended to the screenshot line). */
  describe?: (page: Page) => Promise<string>;
}

export class Suite {
  readonly results: { name: string; ok: boolean; error?: string }[] = [];
  /** The page under test: screenshotted when a step fails. */
  page: Page | null = null;
  constructor(private readonly o: SuiteOptions) {}

  async test(name: string, fn: () => Promise<void>): Promise<void> {
    if (this.o.only && !new RegExp(this.o.only).test(name)) return;
    const t0 = Date.now();
    try {
      await fn();
      this.results.push({ name, ok: true });
      console.log(`  ✓ ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      this.results.push({ name, ok: false, error });
      console.log(`  ✗ ${name}\n      ${error.split('\n').slice(0, this.o.stackLines).join('\n      ')}`);
      if (this.page) {
        const file = path.join(ARTIFACTS, this.o.failedShot(this.results.length));
        await this.page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        const more = this.o.describe ? await this.o.describe(this.page).catch(() => '') : '';
        console.log(`      screenshot: ${path.relative(ROOT, file)}${more}`);
      }
    }
  }

  /** Prints `N passed, N failed` (`extra` failures besides the steps: a crash) and sets the exit code. */
  finish(extra = 0): void {
    const passed = this.results.filter((r) => r.ok).length;
    const failed = this.results.length - passed + extra;
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.css': 'text/css',
  '.txt': 'text/plain',
};

/** A static server for dist/ on a free localhost port, with every path asked for (`hits`). */
export function serveDist(): Promise<{ origin: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    let file: string;
    try {
      file = path.normalize(path.join(DIST, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      resolve({ origin: `http://127.0.0.1:${port}`, hits, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/**
 * Debian's Chromium with a fresh profile in `userDataDir` (playwright passes it as --user-data-dir), headless and
 * without any of its own network traffic: this machine reaches only the npm registry and Debian's apt.
 */
export function launchChromium(userDataDir: string, options: { acceptDownloads?: boolean; viewport?: { width: number; height: number } } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ...options,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
