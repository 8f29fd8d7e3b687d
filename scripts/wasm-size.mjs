// What a wasm file is made of (issue 8, size budget): bytes per section, data segments, and code
// per function and per crate from the `name` section (so run it on a wasm that still has names:
// target/wasm32-unknown-unknown/release/parallax.wasm before wasm-bindgen and wasm-opt, or a
// build with `-C debuginfo=0` and names kept). Each figure is raw bytes and, for groups, the gzip
// size of the group's bytes on their own (an estimate: gzip of the whole file is not the sum).
//   node scripts/wasm-size.mjs FILE.wasm [TOP]      (TOP: how many largest functions, default 30)
import { readFileSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';

const file = process.argv[2];
const top = Number(process.argv[3] || 30);
if (!file) {
  console.error('usage: node scripts/wasm-size.mjs FILE.wasm [TOP]');
  process.exit(2);
}
const buf = readFileSync(file);
const gz = (b) => gzipSync(b, { level: constants.Z_BEST_COMPRESSION }).length;
const kb = (n) => (n / 1024).toFixed(1).padStart(8);

let pos = 8;
function leb() {
  let result = 0, shift = 0, byte;
  do {
    byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
}
function name() {
  const n = leb();
  const s = buf.toString('utf8', pos, pos + n);
  pos += n;
  return s;
}

const sections = [];
let imports = 0;
let code = null;
let data = null;
let names = new Map();
while (pos < buf.length) {
  const id = buf[pos++];
  const size = leb();
  const start = pos;
  let label = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'][id] || `id${id}`;
  if (id === 0) {
    const n = name();
    label = `custom "${n}"`;
    if (n === 'name') {
      while (pos < start + size) {
        const sub = buf[pos++];
        const subSize = leb();
        const subEnd = pos + subSize;
        if (sub === 1) {
          const count = leb();
          for (let i = 0; i < count; i++) {
            const idx = leb();
            names.set(idx, name());
          }
        }
        pos = subEnd;
      }
    }
  } else if (id === 2) {
    const count = leb();
    for (let i = 0; i < count; i++) {
      name();
      name();
      const kind = buf[pos++];
      if (kind === 0) { leb(); imports++; }
      else if (kind === 1) { pos++; const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 3) { pos += 2; }
    }
  } else if (id === 10) {
    code = [];
    const count = leb();
    for (let i = 0; i < count; i++) {
      const s = leb();
      code.push({ index: imports + i, start: pos, size: s });
      pos += s;
    }
  } else if (id === 11) {
    data = [];
    const count = leb();
    for (let i = 0; i < count; i++) {
      const flag = leb();
      if (flag === 2) leb();
      if (flag !== 1) { while (buf[pos] !== 0x0b) pos++; pos++; }
      const s = leb();
      data.push({ start: pos, size: s });
      pos += s;
    }
  }
  sections.push({ label, size });
  pos = start + size;
}

console.log(`${file}: ${kb(buf.length)} KB raw, ${kb(gz(buf))} KB gzip`);
console.log('\nsections (raw KB, gzip KB of the section alone):');
for (const s of sections) console.log(`  ${kb(s.size)} ${s.label}`);

if (data) {
  const all = Buffer.concat(data.map((d) => buf.subarray(d.start, d.start + d.size)));
  console.log(`\ndata: ${data.length} segments, ${kb(all.length)} KB raw, ${kb(gz(all))} KB gzip`);
}
if (code) {
  const all = Buffer.concat(code.map((c) => buf.subarray(c.start, c.start + c.size)));
  console.log(`code: ${code.length} functions, ${kb(all.length)} KB raw, ${kb(gz(all))} KB gzip`);
  if (names.size) {
    // Crate of a (legacy-mangled, or demangled) Rust name: the first path segment; generic
    // impls `<a::B as c::D>` count for the type's crate.
    const crateOf = (n) => {
      // v0 mangling (`_R...`): the first crate root `Cs<hash>_<len><name>` (or `C<len><name>`).
      if (n.startsWith('_R')) {
        const m = /C(?:s[0-9A-Za-z]*_)?(\d+)([A-Za-z_])/.exec(n);
        if (m) return n.slice(m.index + m[0].length - 1, m.index + m[0].length - 1 + Number(m[1]));
      }
      // Legacy mangling (`_ZN<len><segment>...`): the first segment, or for `<a::B as c::D>` the
      // crate of the type.
      if (n.startsWith('_ZN')) {
        const m = /^_ZN(\d+)/.exec(n);
        if (m) {
          let seg = n.slice(m[0].length, m[0].length + Number(m[1]));
          seg = seg.replace(/^_?\$LT\$/, '').replace(/^(\$RF\$|mut\$u20\$|dyn\$u20\$|\$u5b\$)+/, '');
          const c = /^([A-Za-z_][A-Za-z0-9_]*)(\.\.|$)/.exec(seg);
          return c && c[2] ? c[1] : c ? c[1] : `(${seg.slice(0, 20)})`;
        }
      }
      return '(no crate: C, compiler builtins, wasm-bindgen shims)';
    };
    const groups = new Map();
    for (const c of code) {
      const n = names.get(c.index) || '?';
      const k = crateOf(n);
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(c);
    }
    console.log('\ncode per crate (raw KB, gzip KB of the crate\'s bodies alone, functions):');
    const rows = [...groups].map(([k, cs]) => {
      const b = Buffer.concat(cs.map((c) => buf.subarray(c.start, c.start + c.size)));
      return [k, b.length, gz(b), cs.length];
    });
    rows.sort((a, b) => b[1] - a[1]);
    for (const [k, raw, g, n] of rows.slice(0, 40)) console.log(`  ${kb(raw)} ${kb(g)} ${String(n).padStart(6)}  ${k}`);
    console.log(`\nlargest ${top} functions (raw KB):`);
    for (const c of [...code].sort((a, b) => b.size - a.size).slice(0, top)) {
      console.log(`  ${kb(c.size)}  ${(names.get(c.index) || '?').slice(0, 150)}`);
    }
  }
}
