// The shape of a benchmark run's results (bench/results/*.json): written by run.ts, rendered by report.ts.
import type { CorpusInfo } from './corpus/generate';
import type { LoadResult } from './load';
import type { bundleSize, coldStart } from './worker';
import type { OperationName, Variables } from './workload';

export type Mode = 'ours' | 'A' | 'B';
export const MODES: Mode[] = ['ours', 'A', 'B'];

export interface OpResult {
  op: OperationName;
  subjects: Variables[];
  /** Statements per request, per subject, from one un-timed request each. */
  statements: Record<Mode, number[]>;
  /** One un-timed request per subject, in ms (null: timed out). */
  singleMs: Record<Mode, Array<number | null>>;
  verified: { A: string; B: string };
  load: Record<Mode, LoadResult[]>;
}

export interface SizeResult {
  articles: number;
  corpus: CorpusInfo;
  generatedNow: boolean;
  ops: OpResult[];
}

export interface BenchResult {
  date: string;
  command: string;
  quick: boolean;
  durationSeconds: number;
  timeoutSeconds: number;
  slowSeconds: number;
  machine: { nproc: number; cpu: string; memGiB: number; node: string; platform: string };
  /** 1, 5 and 15-minute load averages when the run began (other work on the machine skews figures). */
  loadAverageAtStart: number[];
  sizes: SizeResult[];
  worker: { bundle: ReturnType<typeof bundleSize> | null; coldStart: Awaited<ReturnType<typeof coldStart>> | null };
  /** Wall-clock seconds per corpus (its generation included when it ran) and for the Worker step. */
  phaseSeconds: Record<string, number>;
  wallSeconds: number;
}
