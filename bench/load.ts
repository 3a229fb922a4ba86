// One bounded load run with autocannon against 127.0.0.1: fixed duration, fixed connection count, request
// bodies cycled across the operation's subjects. Latencies are taken from autocannon's per-response
// timings (high resolution) rather than its histogram, which rounds to whole milliseconds.
import autocannon from 'autocannon';

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  /** True when the figures come from single sequential requests, not a load run (too slow to load). */
  single?: boolean;
  /** The machine's 1-minute load average right after the run (other work on it skews the figures). */
  loadAverage?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export async function loadRun(opts: {
  url: string;
  bodies: string[];
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  // Without a callback autocannon returns its event emitter, which is also a promise of the result.
  const instance = autocannon({
    url: opts.url,
    method: 'POST',
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 60,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    requests: [
      {
        setupRequest: (req) => ({ ...req, body: opts.bodies[next++ % opts.bodies.length] }),
      },
    ],
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode === 200) latencies.push(responseTime);
  });
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    connections: opts.connections,
    seconds,
    requests: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rps: latencies.length / Math.max(seconds, 1e-9),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}
