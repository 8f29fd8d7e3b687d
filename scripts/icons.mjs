// Writes the PNG app icons (assets/icons/icon-192.png, icon-512.png) from the same drawing as
// assets/icons/icon.svg: two article columns on the accent blue, joined by two aligned claims.
// Plain Node (zlib), no image library. Run once after changing the drawing; the PNGs are committed.
//   node scripts/icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1f, 0x5f, 0xbf, 255];
const PAPER = [0xfb, 0xfa, 0xf7, 255];
const MARK = [0xff, 0xd8, 0xa8, 255];
const CLEAR = [0, 0, 0, 0];

// The drawing on a 64x64 grid, as in icon.svg. `maskable` fills the corners (a full square):
// maskable icons are cut to a circle or squircle by the system.
function pixel(x, y, maskable) {
  const inRect = (rx, ry, w, h) => x >= rx && x < rx + w && y >= ry && y < ry + h;
  const inRound = (r) => {
    const cx = Math.min(Math.max(x, r), 64 - r);
    const cy = Math.min(Math.max(y, r), 64 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  if (!maskable && !inRound(12)) return CLEAR;
  if (inRect(16, 22, 32, 5) || inRect(16, 36, 32, 5)) return MARK;
  if (inRect(12, 14, 16, 36) || inRect(36, 14, 16, 36)) return PAPER;
  return BLUE;
}

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, maskable) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  // 4x4 supersampling per pixel for smooth edges.
  const S = 4;
  for (let py = 0; py < size; py++) {
    const row = py * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = pixel(((px + (sx + 0.5) / S) * 64) / size, ((py + (sy + 0.5) / S) * 64) / size, maskable);
          for (let i = 0; i < 3; i++) acc[i] += c[i] * c[3];
          acc[3] += c[3];
        }
      }
      const o = row + 1 + px * 4;
      for (let i = 0; i < 3; i++) raw[o + i] = acc[3] ? Math.round(acc[i] / acc[3]) : 0;
      raw[o + 3] = Math.round(acc[3] / (S * S));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = new URL('../assets/icons/', import.meta.url);
writeFileSync(new URL('icon-192.png', dir), png(192, false));
writeFileSync(new URL('icon-512.png', dir), png(512, false));
writeFileSync(new URL('icon-maskable-512.png', dir), png(512, true));
console.log('icons: wrote assets/icons/icon-192.png, icon-512.png, icon-maskable-512.png');
