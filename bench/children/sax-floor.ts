/**
 * The floor for reading a workbook: inflate the shared strings and every worksheet in chunks (fflate),
 * decode them (TextDecoder, stream) and run them through saxes, counting cells; nothing is kept.
 *   node sax-floor.js in.xlsx
 */
import { readFileSync } from 'fs';
import { SaxesParser } from 'saxes';
import { readZipEntries, streamEntry } from '../../src/xlsx/zip';

function main(): void {
  const buf = new Uint8Array(readFileSync(process.argv[2]));
  let cells = 0;
  for (const e of readZipEntries(buf)) {
    if (!/^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/i.test(e.name)) continue;
    const p = new SaxesParser({ xmlns: false, position: false } as const);
    p.on('opentag', (t) => {
      if (t.name === 'c' || t.name === 'si') cells++;
    });
    p.on('text', () => undefined);
    const dec = new TextDecoder('utf-8');
    streamEntry(buf, e, (chunk) => p.write(dec.decode(chunk, { stream: true })));
    p.write(dec.decode()).close();
  }
  process.stdout.write(`${cells}\n`);
}

main();
