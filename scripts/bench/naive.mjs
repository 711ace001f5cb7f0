// The obvious implementation a user would write, for comparison in npm run bench: the whole of
// natural imported, its default word tokenizer and Porter stemmer called per word with no cache,
// and every stem looked up among the stems of the taxonomy terms. Plain JavaScript on purpose:
// natural's full typings do not compile under this project's settings, and a user would not care.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import natural from 'natural';

const [dir, termsFile] = process.argv.slice(2);
const stemmer = natural.PorterStemmer;
const tokenizer = new natural.WordTokenizer();
const terms = new Set(readFileSync(termsFile, 'utf8').split('\n').filter((t) => t !== '').map((t) => stemmer.stem(t)));
let matches = 0;
for (const name of readdirSync(dir)) {
  const text = readFileSync(join(dir, name), 'utf8');
  for (const word of tokenizer.tokenize(text)) if (terms.has(stemmer.stem(word.toLowerCase()))) matches += 1;
}
process.stderr.write(`naive matches: ${matches}\n`);
