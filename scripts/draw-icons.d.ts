/** Types for scripts/draw-icons.js. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer;
export function main(outDir?: string): string[];
