// Reads a JSON file given on the command line (e.g. a coverage baseline).
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { describeFsError } from './read-input.js';

/** Returns the parsed JSON of a file; throws InputError naming the file when it cannot be read or parsed. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(path, describeFsError(error));
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new InputError(path, `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}
