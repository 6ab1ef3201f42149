#!/usr/bin/env node
/**
 * Draws the add-in's icons into assets/ (no network, no image libraries): each icon is a list of simple
 * shapes in a 0..1 coordinate square, rasterised with 4×4 supersampling and written as an RGBA PNG
 * (zlib + a hand-rolled CRC32).
 *
 *   node scripts/draw-icons.js            # writes assets/*.png
 *
 * Add-in icon (icon-16/32/64/80/128): a white balance scale (均衡) on a teal rounded square.
 * Ribbon buttons (16/32/80, transparent, Office "colorful" style: grey outline + one accent):
 *   pane-*   打开自查面板: a window whose right third is a teal pane with a small scale
 *   check-*  一键自查:     a sheet grid with a green check mark
 *   clear-*  清除标记:     a sheet grid with a marked cell and an eraser
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

// ---------------------------------------------------------------- palette
const TEAL = [15, 118, 110, 255]; // #0F766E
const TEAL_LIGHT = [20, 184, 166, 255]; // #14B8A6
const GREEN = [22, 163, 74, 255]; // #16A34A
const WHITE = [255, 255, 255, 255];
const GREY = [66, 66, 66, 255]; // Office icon outline #424242
const PAPER = [250, 250, 250, 255];
const CORAL = [234, 88, 12, 255]; // #EA580C
const MARK = [254, 215, 170, 255]; // light orange: a marked cell
const ERASER_TIP = [245, 245, 245, 255];

// ---------------------------------------------------------------- shape tests (coordinates in 0..1)
function rect(x0, y0, x1, y1) {
  return (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
}
function roundRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}
/** A line segment with round caps, half-width hw. */
function seg(ax, ay, bx, by, hw) {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= hw * hw;
  };
}
function circle(cx, cy, r) {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
/** Lower half of a disc: a scale pan. */
function bowl(cx, cy, r) {
  return (x, y) => y >= cy && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
function polygon(points) {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}
/** Rectangle outline of stroke width w (inside the rectangle). */
function frame(x0, y0, x1, y1, w) {
  const outer = rect(x0, y0, x1, y1);
  const inner = rect(x0 + w, y0 + w, x1 - w, y1 - w);
  return (x, y) => outer(x, y) && !inner(x, y);
}
const union = (...fs) => (x, y) => fs.some((f) => f(x, y));

// ---------------------------------------------------------------- scenes: (size) => [[shape, rgba], ...]
/** Stroke width in 0..1 units: `w` of the icon, but never thinner than `minPx` pixels. */
const sw = (size, w, minPx) => Math.max(w, minPx / size);

/** The balance scale, drawn into the box (bx, by, bs) in colour c. */
function scale(size, bx, by, bs, c) {
  const P = (x, y) => [bx + x * bs, by + y * bs];
  const hw = sw(size, 0.035 * bs, 0.75);
  const [px0, py0] = P(0.5, 0.14);
  const [px1, py1] = P(0.5, 0.8);
  const [lx, ly] = P(0.18, 0.26);
  const [rx, ry] = P(0.82, 0.26);
  const panR = 0.16 * bs;
  const [lpx, lpy] = P(0.18, 0.52);
  const [rpx, rpy] = P(0.82, 0.52);
  const shapes = [
    seg(px0, py0, px1, py1, hw), // post
    seg(lx, ly, rx, ry, hw), // beam
    circle(px0, py0, hw * 1.9), // pivot knob
    polygon([P(0.3, 0.9), P(0.7, 0.9), P(0.62, 0.8), P(0.38, 0.8)]), // base
    bowl(lpx, lpy, panR),
    bowl(rpx, rpy, panR),
  ];
  if (size >= 32) {
    // strings from beam ends to the pans' rims
    const shw = sw(size, 0.018 * bs, 0.6);
    shapes.push(seg(lx, ly, lpx - panR, lpy, shw), seg(lx, ly, lpx + panR, lpy, shw));
    shapes.push(seg(rx, ry, rpx - panR, rpy, shw), seg(rx, ry, rpx + panR, rpy, shw));
  } else {
    const shw = sw(size, 0.02 * bs, 0.7);
    shapes.push(seg(lx, ly, lpx, lpy, shw), seg(rx, ry, rpx, rpy, shw));
  }
  return shapes.map((s) => [s, c]);
}

/** 16 px is too small for shapes: the scale is drawn pixel by pixel ('#' = white). */
const SCALE_16 = [
  '................',
  '.......##.......',
  '...##########...',
  '...#...##...#...',
  '..#.#..##..#.#..',
  '..#.#..##..#.#..',
  '.#...#.##.#...#.',
  '.#####.##.#####.',
  '..###..##..###..',
  '.......##.......',
  '.......##.......',
  '.......##.......',
  '.....######.....',
  '.....######.....',
  '................',
  '................',
];
function pixelArt(rows) {
  const n = rows.length;
  return (x, y) => rows[Math.min(n - 1, Math.floor(y * n))][Math.min(n - 1, Math.floor(x * n))] === '#';
}

function addinIcon(size) {
  const r = size <= 16 ? 0.16 : 0.2;
  const bg = roundRect(0, 0, 1, 1, r);
  // a lighter lower band gives the tile some depth without a gradient
  const band = (x, y) => bg(x, y) && y > 0.78;
  if (size <= 16) return [[bg, TEAL], [band, [13, 100, 94, 255]], [pixelArt(SCALE_16), WHITE]];
  const inset = 0.08;
  return [[bg, TEAL], [band, [13, 100, 94, 255]], ...scale(size, inset, inset * 0.6, 1 - 2 * inset, WHITE)];
}

/** A 3×3 sheet grid in the box (x0, y0)-(x1, y1): paper, grey outline, header row tinted. */
function grid(size, x0, y0, x1, y1, opts = {}) {
  [x0, y0, x1, y1] = [x0, y0, x1, y1].map((v) => Math.round(v * size) / size);
  const w = Math.max(1, Math.round(0.04 * size)) / size;
  const lw = Math.max(1, Math.round(0.025 * size)) / size;
  const out = [[rect(x0, y0, x1, y1), PAPER]];
  const rowH = (y1 - y0) / 3;
  const colW = (x1 - x0) / 3;
  out.push([rect(x0, y0, x1, y0 + rowH), [204, 236, 232, 255]]); // header row, pale teal
  if (opts.markCell) {
    const [c, r] = opts.markCell;
    out.push([rect(x0 + c * colW, y0 + r * rowH, x0 + (c + 1) * colW, y0 + (r + 1) * rowH), MARK]);
  }
  const lines = [];
  for (let i = 1; i < 3; i++) {
    const yy = snap(size, y0 + i * rowH);
    const xx = snap(size, x0 + i * colW);
    lines.push(rect(x0, yy - lw / 2, x1, yy + lw / 2), rect(xx - lw / 2, y0, xx + lw / 2, y1));
  }
  out.push([union(...lines), GREY]);
  out.push([frame(x0, y0, x1, y1, w), GREY]);
  return out;
}
/** Snap a line centre to a pixel centre so thin grid lines stay crisp. */
function snap(size, v) {
  return (Math.floor(v * size) + 0.5) / size;
}

function checkIcon(size) {
  const hw = sw(size, 0.075, 1.25);
  const tick = union(seg(0.44, 0.66, 0.6, 0.82, hw), seg(0.6, 0.82, 0.9, 0.44, hw));
  const halo = union(seg(0.44, 0.66, 0.6, 0.82, hw + sw(size, 0.05, 1)), seg(0.6, 0.82, 0.9, 0.44, hw + sw(size, 0.05, 1)));
  return [...grid(size, 0.06, 0.1, 0.82, 0.82), [halo, WHITE], [tick, GREEN]];
}

function clearIcon(size) {
  // eraser: a rotated rectangle, coral body and light tip, with a grey outline
  const c = Math.cos(-Math.PI / 4);
  const s = Math.sin(-Math.PI / 4);
  const cx = 0.68;
  const cy = 0.66;
  const L = 0.27;
  const H = 0.13;
  const o = sw(size, 0.04, 1);
  const rot = (u, v) => [cx + u * c - v * s, cy + u * s + v * c];
  const body = polygon([rot(-L, -H), rot(L, -H), rot(L, H), rot(-L, H)]);
  const bodyOut = polygon([rot(-L - o, -H - o), rot(L + o, -H - o), rot(L + o, H + o), rot(-L - o, H + o)]);
  const tip = polygon([rot(-L, -H), rot(-L * 0.15, -H), rot(-L * 0.15, H), rot(-L, H)]);
  const halo = polygon([rot(-L - 2.2 * o, -H - 2.2 * o), rot(L + 2.2 * o, -H - 2.2 * o), rot(L + 2.2 * o, H + 2.2 * o), rot(-L - 2.2 * o, H + 2.2 * o)]);
  return [
    ...grid(size, 0.06, 0.1, 0.82, 0.82, { markCell: [1, 1] }),
    [halo, [0, 0, 0, 0]],
    [size <= 16 ? body : bodyOut, GREY],
    [body, CORAL],
    [tip, size <= 16 ? [189, 189, 189, 255] : ERASER_TIP],
  ];
}

function paneIcon(size) {
  const px = (v) => Math.round(v * size) / size;
  const w = Math.max(1, Math.round(0.04 * size)) / size;
  const x0 = px(0.06);
  const y0 = px(0.12);
  const x1 = px(0.94);
  const y1 = px(0.88);
  const split = snap(size, 0.56);
  const shapes = [
    [rect(x0, y0, x1, y1), PAPER],
    [rect(x0, y0, x1, y0 + sw(size, 0.12, 2)), [224, 224, 224, 255]], // title bar
    [rect(split, y0, x1, y1), TEAL_LIGHT],
    [frame(x0, y0, x1, y1, w), GREY],
    [rect(split - w / 2, y0, split + w / 2, y1), GREY],
  ];
  if (size >= 64) {
    const box = x1 - split - 0.04;
    shapes.push(...scale(size, split + 0.02, 0.3, box, WHITE));
    // text lines on the "sheet" side
    const lw = sw(size, 0.035, 1);
    for (const yy of [0.4, 0.55, 0.7]) shapes.push([rect(0.14, yy, split - 0.08, yy + lw), [158, 158, 158, 255]]);
  } else {
    // two white text lines in the pane, one sheet line on the left, pixel aligned
    const lh = Math.max(1, Math.round(0.06 * size)) / size;
    for (const yy of [0.44, 0.62]) {
      const y = px(yy);
      shapes.push([rect(px(split + 0.08), y, px(x1 - 0.08), y + lh), WHITE]);
      shapes.push([rect(px(0.16), y, px(split - 0.08), y + lh), [158, 158, 158, 255]]);
    }
  }
  return shapes;
}

// ---------------------------------------------------------------- raster + PNG
const SS = 4; // supersamples per axis

/** Paints the layers over a transparent pixel; a layer with alpha 0 erases (used as a halo). */
function render(size, layers) {
  const buf = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          let col = null;
          for (const [shape, c] of layers) if (shape(x, y)) col = c;
          if (col && col[3] > 0) {
            const al = col[3] / 255;
            r += col[0] * al;
            g += col[1] * al;
            b += col[2] * al;
            a += al;
          }
        }
      }
      const i = (py * size + px) * 4;
      const n = SS * SS;
      if (a > 0) {
        buf[i] = Math.round(r / a);
        buf[i + 1] = Math.round(g / a);
        buf[i + 2] = Math.round(b / a);
        buf[i + 3] = Math.round((a / n) * 255);
      }
    }
  }
  return buf;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const ICONS = [
  { name: 'icon', sizes: [16, 32, 64, 80, 128], scene: addinIcon },
  { name: 'pane', sizes: [16, 32, 80], scene: paneIcon },
  { name: 'check', sizes: [16, 32, 80], scene: checkIcon },
  { name: 'clear', sizes: [16, 32, 80], scene: clearIcon },
];

function main(outDir = path.resolve(__dirname, '..', 'assets')) {
  fs.mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const { name, sizes, scene } of ICONS) {
    for (const size of sizes) {
      const file = path.join(outDir, `${name}-${size}.png`);
      fs.writeFileSync(file, encodePng(size, size, render(size, scene(size))));
      written.push(path.relative(process.cwd(), file));
    }
  }
  return written;
}

if (require.main === module) {
  const files = main(process.argv[2]);
  console.log(`已生成 ${files.length} 个图标 / wrote ${files.length} icons: ${files.join(', ')}`);
}

module.exports = { encodePng, render, main };
