/** The messages between the page (client.ts) and its Web Worker (worker.ts). Plain data, structured-cloned. */
import type { ColumnOverrides } from '../host/settings';
import type { RunStage } from '../host/run';
import type { CheckResult, FileResult, Inspection } from './engine';

export type Request =
  | { id: number; op: 'inspect'; bytes: Uint8Array; fileName: string; overrides?: ColumnOverrides }
  | { id: number; op: 'check'; bytes: Uint8Array; fileName: string; overrides?: ColumnOverrides; date: number }
  | { id: number; op: 'clear'; bytes: Uint8Array; fileName: string };

export type Reply =
  | { id: number; type: 'progress'; stage: RunStage }
  | { id: number; type: 'inspect'; result: Inspection }
  | { id: number; type: 'check'; result: CheckResult }
  | { id: number; type: 'clear'; result: FileResult }
  | { id: number; type: 'error'; message: string };
