// The tool's own version, from package.json next to src/ or dist/.
import { readFileSync } from 'node:fs';

/** Returns the version in package.json. */
export function readToolVersion(): string {
  for (const relative of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'aipolicy' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // try the next place: the module runs from src/io (tests) or dist/src/io (built)
    }
  }
  return '0.0.0';
}
