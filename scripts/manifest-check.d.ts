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
  /** Where src/commands/commands.ts is looked up (and icon files, unless assetsDir is given). */
  rootDir?: string;
  /** The folder the icon URLs map into (the repository, or dist/ for a built manifest). */
  assetsDir?: string;
  /** Microsoft's XSDs; null skips the schema step. Default: defaultSchemaDir(). */
  schemaDir?: string | null;
}
export interface Summary {
  id: string | null | undefined;
  resids: number;
  icons: number;
  origin: string | null;
  /** The folder the add-in is served from (SourceLocation without its file name). */
  base: string | null;
  /** The schema folder validated against, or null when the XSD step did not run. */
  schema: string | null;
}
/** $JUNHENG_SCHEMAS, else shared/schemas/office-addin-manifest beside the repository, else null. */
export function defaultSchemaDir(): string | null;
export function parseManifest(xml: string): Document;
export function validateSchema(xml: string, schemaDir?: string | null): Promise<Problem[]>;
export function checkResids(doc: Document): Problem[];
export function checkIcons(doc: Document, rootDir?: string): Problem[];
export function checkOrigins(doc: Document): Problem[];
export function checkCommands(doc: Document, rootDir?: string): Problem[];
export function checkManifest(opts?: CheckOptions): Promise<{ problems: Problem[]; summary: Summary | null }>;
export function formatProblem(p: Problem): string;
export function pngSize(buf: Buffer): { width: number; height: number } | null;
