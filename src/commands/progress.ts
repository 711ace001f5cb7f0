// A progress bar on the terminal's stderr: shown only once a run has lasted a moment, redrawn at
// most every tick, and wiped at the end so that messages and the report start on a clean line.
import { renderProgress } from '../render/progress.js';

/** The shell's terminal stderr, with a clock: given to commands only when stderr is a TTY. */
export interface ProgressSink {
  write: (text: string) => void;
  columns: number;
  now: () => number;
}

/** A running progress display. */
export interface Progress {
  update: (done: number, total: number) => void;
  finish: () => void;
}

/** Milliseconds a run must last before the bar appears, and between redraws. */
export const PROGRESS_DELAY_MS = 500;
const REDRAW_MS = 100;
const CLEAR_LINE = '\r\u001b[2K';

/** Returns a progress display writing to the sink, or one that does nothing when there is no sink (not a TTY). */
export function startProgress(sink: ProgressSink | undefined): Progress {
  if (!sink) return { update: () => undefined, finish: () => undefined };
  const started = sink.now();
  let drawnAt: number | undefined;
  return {
    update(done, total) {
      const now = sink.now();
      if (now - started < PROGRESS_DELAY_MS || total <= 1) return;
      if (drawnAt !== undefined && now - drawnAt < REDRAW_MS && done < total) return;
      drawnAt = now;
      sink.write(`${CLEAR_LINE}${renderProgress({ done, total, elapsedMs: now - started, width: sink.columns })}`);
    },
    finish() {
      if (drawnAt !== undefined) sink.write(CLEAR_LINE);
    },
  };
}
