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
  // The series of each method, route and status, found once: routes come from the route table, so the map stays
  // small. Requests are counted here and handed to prom-client when it is scraped (`collect`): prom-client finds a
  // series by its labels on every call, which cost more than the rest of the observation.
  const series = new Map<
    string,
    { labels: Record<Label, string>; count: number; duration: Histogram.Internal<Label> }
  >();
  new Counter({
    name: 'contractbeheer_http_requests_total',
    help: 'HTTP requests answered, by method, route and status.',
    labelNames,
    registers: [registry],
    collect() {
      this.reset();
      for (const { labels, count } of series.values()) this.inc(labels, count);
    },
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
    observe(method: string, route: string, status: number, seconds: number): void {
      const key = `${method} ${status} ${route}`;
      let bound = series.get(key);
      if (bound === undefined) {
        const labels = { method, route, status: String(status) };
        bound = { labels, count: 0, duration: duration.labels(labels) };
        series.set(key, bound);
      }
      bound.count += 1;
      bound.duration.observe(seconds);
    },
  };
}

export type HttpMetrics = ReturnType<typeof createHttpMetrics>;
