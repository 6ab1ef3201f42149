/**
 * The one hash of the tool: FNV-1a, 32 bits over UTF-16 code units, as 8 hex digits. Not cryptographic: it
 * tells the tool's own text from a user's edit (notes, write-once sheets: src/host/memory.ts) and names a
 * finding across runs (history.ts). Changing it changes every stored hash: a workbook checked before would
 * read as edited.
 */
export function fnv1a(text: string, basis = 0x811c9dc5): string {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
