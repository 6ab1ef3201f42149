/**
 * The task pane's initial JavaScript: a production webpack build (the project's webpack.config.js, output
 * redirected to a scratch folder so the working dist/ is left alone); the <script> tags of taskpane.html
 * that load at start (not async, not lazy chunks), gzipped with zlib at level 9, summed.
 */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';

export interface BundleFigures {
  /** Our own initial scripts (office.js from Microsoft excluded: it is served beside us, not bundled). */
  taskpaneInitialGzipKb: number | null;
  /** office.js as the page loads it first, for reference. */
  officeJsGzipKb?: number | null;
  scripts?: { src: string; gzipKb: number }[];
  note?: string;
}

const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

export function measureDist(dir: string): BundleFigures {
  const html = readFileSync(path.join(dir, 'taskpane.html'), 'utf8');
  const tags = html.match(/<script\b[^>]*>/gi) ?? [];
  const scripts: { src: string; gzipKb: number }[] = [];
  let total = 0;
  let office: number | null = null;
  for (const tag of tags) {
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (!src || /\basync\b/i.test(tag) || /^(https?:)?\/\//i.test(src)) continue;
    const file = path.join(dir, src.split('?')[0].replace(/^\.?\//, ''));
    if (!existsSync(file)) continue;
    const gz = gzipSync(readFileSync(file), { level: 9 }).length;
    if (/office-js\//.test(src) || /(^|\/)office\.js$/.test(src)) {
      office = (office ?? 0) + gz;
      continue;
    }
    total += gz;
    scripts.push({ src, gzipKb: kb(gz) });
  }
  return { taskpaneInitialGzipKb: scripts.length ? kb(total) : null, officeJsGzipKb: office === null ? null : kb(office), scripts };
}

export function benchBundle(root: string, outDir: string): BundleFigures {
  const webpack = path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const r = spawnSync(process.execPath, [webpack, '--mode', 'production', '--output-path', outDir], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0 || !existsSync(path.join(outDir, 'taskpane.html'))) {
    const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').filter((l) => /error/i.test(l)).slice(0, 5).join(' | ');
    return { taskpaneInitialGzipKb: null, note: `webpack production build failed (exit ${r.status}): ${tail}` };
  }
  return measureDist(outDir);
}
