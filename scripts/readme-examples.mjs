#!/usr/bin/env node
// Regenerates the example outputs in README.md: every block between
// `<!-- example: <command> -->` and `<!-- /example -->` is replaced by the real output of
// `aipolicy <command>` run from the project root (NO_COLOR, 80 columns). `npm run readme`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const pattern = /<!-- example: (.+?) -->\n[\s\S]*?<!-- \/example -->/g;
const updated = readme.replace(pattern, (_, command) => {
  const args = command.replace(/^aipolicy /, '').match(/"[^"]*"|\S+/g).map((a) => a.replace(/^"|"$/g, ''));
  let output;
  try {
    output = execFileSync(process.execPath, [`${root}bin/aipolicy.js`, ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', COLUMNS: '80' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    output = `${error.stdout ?? ''}${error.stderr ?? ''}(exit ${error.status})\n`;
  }
  return `<!-- example: ${command} -->\n\`\`\`console\n$ ${command}\n${output.trimEnd()}\n\`\`\`\n<!-- /example -->`;
});
// Measured figures: the markdown summaries of npm run eval and npm run eval:languages.
const figures = (script) => {
  const out = execFileSync(process.execPath, [`${root}dist/scripts/eval/${script}.js`, '--markdown'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.slice(out.indexOf('<<<markdown\n') + 12, out.indexOf('\nmarkdown>>>'));
};
const withFigures = updated
  .replace(/<!-- eval:quality -->\n[\s\S]*?<!-- \/eval:quality -->/, () => `<!-- eval:quality -->\n${figures('run')}\n<!-- /eval:quality -->`)
  .replace(/<!-- eval:languages -->\n[\s\S]*?<!-- \/eval:languages -->/, () => `<!-- eval:languages -->\n${figures('languages')}\n<!-- /eval:languages -->`);
writeFileSync(`${root}README.md`, withFigures);
console.log(`README.md: ${[...readme.matchAll(pattern)].length} examples regenerated`);
