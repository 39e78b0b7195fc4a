import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * Request counts and durations by route (the route table's path, never the raw URL: ids would explode the label
 * set) and status, plus Node's default process metrics, on a registry of this power-up's own.
 */
type Label = 'method' | 'route' | 'status';

export function createHttpMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'contractbeheer_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'contractbeheer_http_requests_total',
    help: 'HTTP requests answered, by method, route and status.',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'contractbeheer_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route and status.',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // The series of each method, route and status, bound once: finding a series by its labels on every request cost
  // more than the rest of the observation. Routes come from the route table, so the map stays small.
  const series = new Map<string, { requests: Counter.Internal; duration: Histogram.Internal<Label> }>();
  return {
    registry,
    observe(labels: { method: string; route: string; status: number }, seconds: number): void {
      const key = `${labels.method} ${labels.status} ${labels.route}`;
      let bound = series.get(key);
      if (bound === undefined) {
        const values = { ...labels, status: String(labels.status) };
        bound = { requests: requests.labels(values), duration: duration.labels(values) };
        series.set(key, bound);
      }
      bound.requests.inc();
      bound.duration.observe(seconds);
    },
  };
}

export type HttpMetrics = ReturnType<typeof createHttpMetrics>;
