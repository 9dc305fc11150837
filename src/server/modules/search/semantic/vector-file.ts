import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * Compact word-vector file (little endian):
 *   "IIWV" | u32 version=1 | u32 count | u32 dims | u32 wordsBytes | words (UTF-8, "\n"-joined)
 *   | padding to 4 | f32 scale[count] | i8 values[count * dims]
 * Each word's vector ≈ values * scale, with scale = max|v| / 127: 100 k words × 100 dims ≈ 10.5 MB.
 * Words are in frequency order, so a word's index is its frequency rank.
 */
const MAGIC = 'IIWV';

export interface VectorData {
  words: string[];
  dims: number;
  scales: Float32Array;
  values: Int8Array;
}

export function quantize(
  vectors: ArrayLike<number>[],
  dims: number,
): { scales: Float32Array; values: Int8Array } {
  const scales = new Float32Array(vectors.length);
  const values = new Int8Array(vectors.length * dims);
  vectors.forEach((v, i) => {
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(v[d]!));
    const scale = max / 127 || 1;
    scales[i] = scale;
    for (let d = 0; d < dims; d++) values[i * dims + d] = Math.round(v[d]! / scale);
  });
  return { scales, values };
}

export function writeVectorFile(path: string, data: VectorData): void {
  const words = Buffer.from(data.words.join('\n'), 'utf8');
  const pad = (4 - ((20 + words.length) % 4)) % 4;
  const header = Buffer.alloc(20);
  header.write(MAGIC, 0, 'ascii');
  header.writeUInt32LE(1, 4);
  header.writeUInt32LE(data.words.length, 8);
  header.writeUInt32LE(data.dims, 12);
  header.writeUInt32LE(words.length, 16);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(
    tmp,
    Buffer.concat([
      header,
      words,
      Buffer.alloc(pad),
      Buffer.from(data.scales.buffer),
      Buffer.from(data.values.buffer),
    ]),
  );
  renameSync(tmp, path);
}

export function readVectorFile(path: string): VectorData {
  const buf = readFileSync(path);
  if (buf.toString('ascii', 0, 4) !== MAGIC || buf.readUInt32LE(4) !== 1)
    throw new Error(`${path} is not a word-vector file`);
  const count = buf.readUInt32LE(8);
  const dims = buf.readUInt32LE(12);
  const wordsBytes = buf.readUInt32LE(16);
  const words = buf.toString('utf8', 20, 20 + wordsBytes).split('\n');
  let at = 20 + wordsBytes;
  at += (4 - (at % 4)) % 4;
  // Copies, so the typed arrays are aligned whatever Node's buffer pool offset is.
  const scales = new Float32Array(buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + count * 4));
  const values = new Int8Array(
    buf.buffer.slice(buf.byteOffset + at + count * 4, buf.byteOffset + at + count * 4 + count * dims),
  );
  return { words, dims, scales, values };
}
