/** Types for scripts/office-js.js (plain Node, used by webpack.config.js and the tests). */
export type OfficeJsMode = 'hosted' | 'local';
export interface Page {
  template: string;
  filename: string;
  chunks: string[];
  /** Whether the page loads office.js. */
  officeJs: boolean;
}
export interface PageOptions {
  template: string;
  filename: string;
  chunks: string[];
  csp: string;
  /** The office.js <script> src, or null for a page without office.js. */
  officeJs: string | null;
}
export interface CopyPattern {
  from: string;
  context: string;
  to: string;
  globOptions: { ignore: string[] };
  info: { minimized: boolean };
}
export const HOSTED_ORIGIN: string;
export const HOSTED_FOLDER: string;
export const HOSTED_URL: string;
export const LOCAL_FOLDER: string;
export const LOCAL_URL: string;
export const PAGES: readonly Page[];
export function npmDist(): string;
export function officeJsMode(value?: string | null): OfficeJsMode;
export function officeJsSrc(mode?: string | null): string;
export function csp(mode?: string | null): string;
export function pageOptions(mode?: string | null): PageOptions[];
export function copyPatterns(mode?: string | null): CopyPattern[];
