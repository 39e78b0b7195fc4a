import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * Request counts and durations by route (the route table's path, never the raw URL: ids would explode the label
 * set) and status, plus Node's default process metrics, on a registry of this power-up's own.
 */
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
  return {
    registry,
    observe(labels: { method: string; route: string; status: number }, seconds: number): void {
      const values = { ...labels, status: String(labels.status) };
      requests.inc(values);
      duration.observe(values, seconds);
    },
  };
}

export type HttpMetrics = ReturnType<typeof createHttpMetrics>;
