// Short reasons for file-system errors, in a module of its own: the folder-listing worker thread
// (list-worker.ts) words its failures as the main thread does without loading anything else.

/** Returns a short reason for a file-system error (ENOENT → "no such file"). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ELOOP':
      return 'symlink loop';
    case 'ENAMETOOLONG':
      return 'name too long';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
