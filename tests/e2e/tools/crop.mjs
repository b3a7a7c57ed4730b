// Crops a PNG: node tests/e2e/tools/crop.mjs in.png out.png top height
import { readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
const [inp, out, top, height] = process.argv.slice(2);
const src = PNG.sync.read(readFileSync(inp));
const y0 = Math.max(0, +top), h = Math.min(+height, src.height - y0);
const dst = new PNG({ width: src.width, height: h });
PNG.bitblt(src, dst, 0, y0, src.width, h, 0, 0);
writeFileSync(out, PNG.sync.write(dst));
console.log(`${src.width}x${src.height} -> ${out} (${h} rows from ${y0})`);
