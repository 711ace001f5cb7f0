// The progress line of a long run, for a terminal's stderr: files done, rate, time left.

/** Where a run stands. */
export interface ProgressState {
  done: number;
  total: number;
  elapsedMs: number;
  /** Columns available. */
  width: number;
}

/** Returns one progress line (no line end): a bar, `done/total files`, the rate and the ETA once there is a rate. */
export function renderProgress(state: ProgressState): string {
  const { done, total, elapsedMs } = state;
  const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  const eta = rate > 0 ? formatDuration(((total - done) / rate) * 1000) : '…';
  const tail = ` ${done}/${total} files · ${rate.toFixed(1)}/s · ETA ${eta}`;
  const barWidth = Math.max(0, Math.min(30, state.width - tail.length - 3));
  if (barWidth < 5) return tail.trim().slice(0, Math.max(0, state.width - 1));
  const filled = total === 0 ? barWidth : Math.round((done / total) * barWidth);
  return `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]${tail}`;
}

/** Returns a duration as `42s` or `3m05s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}
