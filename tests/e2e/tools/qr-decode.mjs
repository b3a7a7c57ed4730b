// Decodes the QR code in a binary greyscale PGM (P5) image with jsQR and prints its text
// (nothing, exit 1, when no code is found). Used by the native test tests/link_limits.rs.
//   node tests/e2e/tools/qr-decode.mjs image.pgm
import { readFileSync } from 'node:fs';
import jsQR from 'jsqr';

const bytes = readFileSync(process.argv[2]);
// Header: "P5" width height maxval, each followed by one whitespace character.
const fields = [];
let i = 0;
while (fields.length < 4) {
  while (/\s/.test(String.fromCharCode(bytes[i]))) i++;
  let start = i;
  while (!/\s/.test(String.fromCharCode(bytes[i]))) i++;
  fields.push(bytes.subarray(start, i).toString('latin1'));
}
i++;
const [magic, w, h] = [fields[0], Number(fields[1]), Number(fields[2])];
if (magic !== 'P5') throw new Error(`not a binary PGM: ${magic}`);
const grey = bytes.subarray(i, i + w * h);
const rgba = new Uint8ClampedArray(w * h * 4);
for (let p = 0; p < w * h; p++) {
  rgba[4 * p] = rgba[4 * p + 1] = rgba[4 * p + 2] = grey[p];
  rgba[4 * p + 3] = 255;
}
const code = jsQR(rgba, w, h, { inversionAttempts: 'dontInvert' });
if (!code) {
  process.stderr.write('no QR code found\n');
  process.exit(1);
}
process.stdout.write(code.data);
