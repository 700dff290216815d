/**
 * How far a preview or an apply has got, for the wizard's progress bar. Kept in this process's
 * memory (no SQL: reporting and polling cost a map lookup), keyed by agency, user and file, and
 * dropped a minute after the run ends. With several server processes a poll may land on one that
 * runs nothing for the file: it then reads null and the wizard shows an indeterminate bar.
 */
export enum ImportPhase {
  /** The stored file is loaded and parsed. */
  READING = 'READING',
  /** The agency's records are loaded and indexed. */
  MATCHING = 'MATCHING',
  /** Each row is checked and matched (done/total: rows). */
  CHECKING = 'CHECKING',
  /** Records are written (done/total: records). */
  WRITING = 'WRITING',
  DONE = 'DONE',
}

export interface ImportProgressState {
  phase: ImportPhase;
  done: number;
  total: number;
  updatedAt: Date;
}

/** Rows between two reports while checking; the run also lets other requests (the polls) in there. */
export const PROGRESS_STEP = 500;
/** How long a finished run stays readable. */
export const KEEP_DONE_MS = 60_000;

const runs = new Map<string, ImportProgressState>();

const keyOf = (agencyId: string, userId: string, fileId: string) => `${agencyId}|${userId}|${fileId}`;

function prune(now: number) {
  for (const [key, state] of runs) {
    if (state.phase === ImportPhase.DONE && now - state.updatedAt.getTime() > KEEP_DONE_MS) runs.delete(key);
  }
}

/** What the viewer's run on this file is doing in this process, or null. */
export function readImportProgress(agencyId: string, userId: string, fileId: string): ImportProgressState | null {
  prune(Date.now());
  const state = runs.get(keyOf(agencyId, userId, fileId));
  return state ? { ...state } : null;
}

/** Reports one run; a later run on the same key replaces it (the earlier one then reports nothing). */
export class ImportProgress {
  private readonly key: string;
  private readonly state: ImportProgressState;

  constructor(agencyId: string, userId: string, fileId: string) {
    prune(Date.now());
    this.key = keyOf(agencyId, userId, fileId);
    this.state = { phase: ImportPhase.READING, done: 0, total: 0, updatedAt: new Date() };
    runs.set(this.key, this.state);
  }

  private get current() {
    return runs.get(this.key) === this.state;
  }

  /** Enters a phase of `total` units, none done. */
  phase(phase: ImportPhase, total = 0): void {
    if (!this.current) return;
    Object.assign(this.state, { phase, done: 0, total, updatedAt: new Date() });
  }

  /**
   * `done` units of the phase are done. Every PROGRESS_STEP it records them and yields to the event loop
   * (a long in-memory loop would otherwise hold every other request, the progress polls included).
   */
  async step(done: number): Promise<void> {
    if (done % PROGRESS_STEP !== 0 || done === 0) return;
    this.advanceTo(done);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Records `done` units (for work reported in chunks). */
  advanceTo(done: number): void {
    if (!this.current) return;
    this.state.done = Math.min(done, this.state.total);
    this.state.updatedAt = new Date();
  }

  /** `count` more units are done (work reported in chunks). */
  advance(count: number): void {
    this.advanceTo(this.state.done + count);
  }

  /** The run ended (or failed): DONE with everything of its last phase counted; kept a minute. */
  finish(): void {
    if (!this.current) return;
    Object.assign(this.state, { phase: ImportPhase.DONE, done: this.state.total, updatedAt: new Date() });
  }
}
