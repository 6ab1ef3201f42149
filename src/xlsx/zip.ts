/**
 * The zip container of an .xlsx, kept byte for byte. fflate does the (de)compression — it runs in Node and
 * in browsers on plain Uint8Arrays and inflates in chunks — but no zip library copies an entry's raw
 * compressed bytes into a new archive, so the container itself (central directory in, local records and a
 * central directory out) is read and written here: an entry the tool does not change is copied as its
 * original local header and compressed data, so its bytes (and even its compression) are unchanged.
 * No Node Buffer, no fs: the browser page uses this as is.
 */
import { Inflate, deflateSync, inflateSync } from 'fflate';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header in the source. */
  localOffset: number;
  /** Offset of the compressed data in the source. */
  dataOffset: number;
  /** End of the local record (data descriptor included) in the source. */
  recordEnd: number;
  /** The raw central directory header (with its extra field and comment). */
  central: Uint8Array;
}

/** The zip is not one this reader understands (damaged, encrypted entries, split archive). */
export class ZipError extends Error {}

const u16 = (b: Uint8Array, p: number) => b[p] | (b[p + 1] << 8);
const u32 = (b: Uint8Array, p: number) => (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, p: number) => u32(b, p) + u32(b, p + 4) * 0x100000000;

const utf8 = new TextDecoder('utf-8');
const cp437ish = new TextDecoder('latin1');

/** Reads the central directory of a zip. Throws ZipError when it cannot. */
export function readZipEntries(buf: Uint8Array): ZipEntry[] {
  const min = Math.max(0, buf.length - 22 - 65535);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 5 && buf[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('no end of central directory');
  let count = u16(buf, eocd + 10);
  let offset = u32(buf, eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(buf, eocd - 20) === 0x07064b50) {
    const z64 = u64(buf, eocd - 20 + 8);
    if (z64 + 56 <= buf.length && u32(buf, z64) === 0x06064b50) {
      count = u64(buf, z64 + 32);
      offset = u64(buf, z64 + 48);
    }
  }
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || u32(buf, p) !== 0x02014b50) throw new ZipError('bad central directory');
    const flags = u16(buf, p + 8);
    const method = u16(buf, p + 10);
    const crc = u32(buf, p + 16);
    let compressedSize = u32(buf, p + 20);
    let size = u32(buf, p + 24);
    const nameLen = u16(buf, p + 28);
    const extraLen = u16(buf, p + 30);
    const commentLen = u16(buf, p + 32);
    let localOffset = u32(buf, p + 42);
    const nameBytes = buf.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : isAscii(nameBytes) ? utf8 : cp437ish).decode(nameBytes);
    // Zip64 extra field: the 0xFFFFFFFF fields, in order.
    let e = p + 46 + nameLen;
    const eEnd = e + extraLen;
    while (e + 4 <= eEnd) {
      const id = u16(buf, e);
      const len = u16(buf, e + 2);
      if (id === 1) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(buf, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(buf, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(buf, q);
      }
      e += 4 + len;
    }
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw new ZipError('encrypted entry');
    if (localOffset + 30 > buf.length || u32(buf, localOffset) !== 0x04034b50) throw new ZipError('bad local header');
    const dataOffset = localOffset + 30 + u16(buf, localOffset + 26) + u16(buf, localOffset + 28);
    let recordEnd = dataOffset + compressedSize;
    if (flags & 8) {
      // Data descriptor: optional signature, crc, sizes (8-byte sizes in a zip64 entry).
      const sig = recordEnd + 4 <= buf.length && u32(buf, recordEnd) === 0x08074b50 ? 4 : 0;
      const zip64 = compressedSize >= 0xffffffff || size >= 0xffffffff;
      recordEnd += sig + 4 + (zip64 ? 16 : 8);
    }
    if (recordEnd > buf.length) throw new ZipError('truncated entry');
    entries.push({ name, method, flags, crc, compressedSize, size, localOffset, dataOffset, recordEnd, central: buf.subarray(p, end) });
    p = end;
  }
  return entries;
}

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] > 0x7f) return false;
  return true;
}

/** The uncompressed bytes of an entry. */
export function entryBytes(buf: Uint8Array, e: ZipEntry): Uint8Array {
  const raw = buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  if (e.method === 0) return raw;
  if (e.method === 8) return inflateSync(raw, { out: new Uint8Array(e.size) });
  throw new ZipError(`compression method ${e.method}`);
}

/**
 * Streams an entry's uncompressed bytes in chunks (bounded memory: one chunk at a time).
 * `onChunk` is called synchronously, in order.
 */
export function streamEntry(buf: Uint8Array, e: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
  const raw = buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  const STEP = 1 << 18;
  if (e.method === 0) {
    for (let i = 0; i < raw.length; i += STEP) onChunk(raw.subarray(i, Math.min(raw.length, i + STEP)));
    return;
  }
  if (e.method !== 8) throw new ZipError(`compression method ${e.method}`);
  const inf = new Inflate((chunk) => onChunk(chunk));
  for (let i = 0; i < raw.length; i += STEP) {
    const end = Math.min(raw.length, i + STEP);
    inf.push(raw.subarray(i, end), end === raw.length);
  }
  if (raw.length === 0) inf.push(new Uint8Array(0), true);
}

// ---------------------------------------------------------------------------------------------
// Writing

let CRC_TABLE: Int32Array | null = null;

/** CRC-32 (IEEE), as zip stores it. */
export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c;
    }
  }
  const t = CRC_TABLE;
  let c = -1;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** What goes into the new archive, in order: an entry copied as is, or new bytes under a name. */
export type OutEntry = { kind: 'copy'; entry: ZipEntry } | { kind: 'data'; name: string; data: Uint8Array };

const enc = new TextEncoder();

function w16(b: Uint8Array, p: number, v: number) {
  b[p] = v & 0xff;
  b[p + 1] = (v >>> 8) & 0xff;
}
function w32(b: Uint8Array, p: number, v: number) {
  b[p] = v & 0xff;
  b[p + 1] = (v >>> 8) & 0xff;
  b[p + 2] = (v >>> 16) & 0xff;
  b[p + 3] = (v >>> 24) & 0xff;
}

/** DOS date and time of now (what a new or changed entry carries). */
function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Builds a zip from copied and new entries. Copied entries keep their local record byte for byte. */
export function writeZip(src: Uint8Array, out: OutEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let pos = 0;
  const { time, date } = dosNow();
  for (const o of out) {
    if (o.kind === 'copy') {
      const e = o.entry;
      const rec = src.subarray(e.localOffset, e.recordEnd);
      parts.push(rec);
      const c = new Uint8Array(e.central);
      setCentralOffset(c, pos);
      centrals.push(c);
      pos += rec.length;
      continue;
    }
    const name = enc.encode(o.name);
    const crc = crc32(o.data);
    const comp = o.data.length > 0 ? deflateSync(o.data, { level: 6 }) : new Uint8Array(0);
    const method = o.data.length > 0 ? 8 : 0;
    const body = method === 8 ? comp : o.data;
    if (pos + body.length > 0xfffffff0) throw new ZipError('archive too large');
    const lh = new Uint8Array(30 + name.length);
    w32(lh, 0, 0x04034b50);
    w16(lh, 4, 20);
    w16(lh, 6, 0x800);
    w16(lh, 8, method);
    w16(lh, 10, time);
    w16(lh, 12, date);
    w32(lh, 14, crc);
    w32(lh, 18, body.length);
    w32(lh, 22, o.data.length);
    w16(lh, 26, name.length);
    w16(lh, 28, 0);
    lh.set(name, 30);
    const ch = new Uint8Array(46 + name.length);
    w32(ch, 0, 0x02014b50);
    w16(ch, 4, 20);
    w16(ch, 6, 20);
    w16(ch, 8, 0x800);
    w16(ch, 10, method);
    w16(ch, 12, time);
    w16(ch, 14, date);
    w32(ch, 16, crc);
    w32(ch, 20, body.length);
    w32(ch, 24, o.data.length);
    w16(ch, 28, name.length);
    w32(ch, 42, pos);
    ch.set(name, 46);
    parts.push(lh, body);
    centrals.push(ch);
    pos += lh.length + body.length;
  }
  const cdStart = pos;
  let cdLen = 0;
  for (const c of centrals) cdLen += c.length;
  const eocd = new Uint8Array(22);
  w32(eocd, 0, 0x06054b50);
  const n = centrals.length;
  if (n > 0xfffe || cdStart > 0xfffffff0) throw new ZipError('archive too large');
  w16(eocd, 8, n);
  w16(eocd, 10, n);
  w32(eocd, 12, cdLen);
  w32(eocd, 16, cdStart);
  const total = cdStart + cdLen + 22;
  const result = new Uint8Array(total);
  let q = 0;
  for (const p of parts) {
    result.set(p, q);
    q += p.length;
  }
  for (const c of centrals) {
    result.set(c, q);
    q += c.length;
  }
  result.set(eocd, q);
  return result;
}

/** Points a copied central header at its record's new offset (in the zip64 extra field when it is there). */
function setCentralOffset(c: Uint8Array, offset: number): void {
  if (u32(c, 42) !== 0xffffffff) {
    if (offset >= 0xffffffff) throw new ZipError('archive too large');
    w32(c, 42, offset);
    return;
  }
  const nameLen = u16(c, 28);
  const extraLen = u16(c, 30);
  let e = 46 + nameLen;
  const end = e + extraLen;
  while (e + 4 <= end) {
    const id = u16(c, e);
    const len = u16(c, e + 2);
    if (id === 1) {
      let q = e + 4;
      if (u32(c, 24) === 0xffffffff) q += 8;
      if (u32(c, 20) === 0xffffffff) q += 8;
      w32(c, q, offset);
      w32(c, q + 4, Math.floor(offset / 0x100000000));
      return;
    }
    e += 4 + len;
  }
  throw new ZipError('zip64 offset without extra field');
}
