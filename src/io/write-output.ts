// Writes an output file (a report) atomically: a reader never sees half a page.
import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { describeFsError } from './read-input.js';

/** Writes the text to the path through a temporary file in the same folder and a rename. */
export async function writeOutputFile(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new InputError(path, `cannot write: ${describeFsError(error)}`);
  }
}
