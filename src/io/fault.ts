// A test hook, off unless the environment variable AIPOLICY_FAULT is set: it makes document writes
// fail the way a full disk does, half-way through the temporary file, so tests can prove that a
// failed write leaves nothing half-written. `AIPOLICY_FAULT=enospc-after:3` lets three documents
// be written and fails every write after them with ENOSPC.
import { UsageError } from '../errors.js';

/** Decides, write by write, whether a write must fail as on a full disk. */
export interface WriteFaults {
  /** Returns true when the coming write must fail. */
  failsNext: () => boolean;
}

/** Returns the faults asked for by an AIPOLICY_FAULT value, or undefined when it is unset; throws UsageError for a value it does not know. */
export function parseWriteFaults(spec: string | undefined): WriteFaults | undefined {
  if (spec === undefined || spec.trim() === '') return undefined;
  const match = /^enospc-after:(\d+)$/.exec(spec.trim());
  if (!match) throw new UsageError(`AIPOLICY_FAULT="${spec}" is not understood (test hook; the only value is enospc-after:N)`);
  let left = Number(match[1]);
  return {
    failsNext: () => {
      if (left === 0) return true;
      left -= 1;
      return false;
    },
  };
}

/** Returns an error like the one the system gives when the disk is full. */
export function makeDiskFullError(path: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`ENOSPC: no space left on device, write '${path}'`);
  error.code = 'ENOSPC';
  error.errno = -28;
  error.syscall = 'write';
  return error;
}
