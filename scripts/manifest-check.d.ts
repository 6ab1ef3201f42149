/** Types for scripts/manifest-check.js (plain Node, used by validate-manifest.js and the tests). */
export interface Problem {
  check: 'xml' | 'schema' | 'resid' | 'icons' | 'origin' | 'commands';
  message: string;
  line?: number;
}
export interface CheckOptions {
  manifestPath?: string;
  /** Manifest text to check instead of reading manifestPath. */
  xml?: string;
  /** Where icon files (assets/…) and src/commands/commands.ts are looked up. */
  rootDir?: string;
  schemaDir?: string;
}
export interface Summary {
  id: string | null | undefined;
  resids: number;
  icons: number;
  origin: string | null;
}
export function defaultSchemaDir(): string;
export function parseManifest(xml: string): Document;
export function validateSchema(xml: string, schemaDir?: string): Promise<Problem[]>;
export function checkResids(doc: Document): Problem[];
export function checkIcons(doc: Document, rootDir?: string): Problem[];
export function checkOrigins(doc: Document): Problem[];
export function checkCommands(doc: Document, rootDir?: string): Problem[];
export function checkManifest(opts?: CheckOptions): Promise<{ problems: Problem[]; summary: Summary | null }>;
export function formatProblem(p: Problem): string;
export function pngSize(buf: Buffer): { width: number; height: number } | null;
