/**
 * The page's Web Worker (served over http(s)): runs src/web/engine.ts off the page's thread, so the page
 * keeps drawing while a city-size workbook is read, checked and written. One request at a time; the bytes
 * come and go as transferred buffers.
 */
import '../taskpane/no-eval'; // first: zod without eval under the page's CSP
import { check, clear, inspect, pageError } from './engine';
import type { RunStage } from '../host/run';
import type { Reply, Request } from './protocol';

interface WorkerScope {
  postMessage(message: Reply, transfer?: Transferable[]): void;
  onmessage: ((ev: MessageEvent<Request>) => void) | null;
}

const scope = self as unknown as WorkerScope;

async function handle(req: Request): Promise<void> {
  try {
    switch (req.op) {
      case 'inspect':
        scope.postMessage({ id: req.id, type: 'inspect', result: await inspect(req.bytes, req.fileName, req.overrides) });
        break;
      case 'check': {
        const onProgress = (stage: RunStage) => scope.postMessage({ id: req.id, type: 'progress', stage });
        const result = await check(req.bytes, req.fileName, new Date(req.date), { overrides: req.overrides, onProgress });
        scope.postMessage({ id: req.id, type: 'check', result }, [result.bytes.buffer]);
        break;
      }
      case 'clear': {
        const result = await clear(req.bytes, req.fileName);
        scope.postMessage({ id: req.id, type: 'clear', result }, [result.bytes.buffer]);
        break;
      }
    }
  } catch (e) {
    scope.postMessage({ id: req.id, type: 'error', message: pageError(e, req.fileName).message });
  }
}

scope.onmessage = (ev) => void handle(ev.data);
