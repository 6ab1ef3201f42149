'use strict';
/**
 * Preloaded (node -r) into the command by the kill test: a slow disk, as a USB stick or a network share
 * can be. Every write goes down in 8 KiB pieces a few milliseconds apart, so that a kill can land in the
 * middle of a write. Only the timing changes: the same bytes are written through the same calls.
 */
const fs = require('fs');

const CHUNK = 8192;
const PAUSE_MS = 4;
const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));

const write = fs.write;
fs.write = function slowWrite(fd, buffer, offset, length, position, callback) {
  if (typeof callback !== 'function' || typeof length !== 'number') return write.apply(fs, arguments);
  // A short write, as the system may do: the caller writes the rest.
  pause().then(() => write(fd, buffer, offset, Math.min(length, CHUNK), position, callback));
};

const writeFile = fs.promises.writeFile;
fs.promises.writeFile = async function slowWriteFile(file, data, options) {
  if (typeof file !== 'string' || (typeof data !== 'string' && !ArrayBuffer.isView(data))) return writeFile(file, data, options);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const handle = await fs.promises.open(file, 'w');
  try {
    for (let off = 0; off < bytes.length; off += CHUNK) {
      await pause();
      await handle.write(bytes, off, Math.min(CHUNK, bytes.length - off));
    }
  } finally {
    await handle.close();
  }
};
