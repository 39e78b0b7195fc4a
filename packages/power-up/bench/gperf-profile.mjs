import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
const engine = process.argv[2] ?? 'postgres';
const mix = process.argv[3] ?? 'read';
const child = spawn(
  process.execPath,
  ['--cpu-prof', '--cpu-prof-dir=/tmp/gperf-prof', new URL('./server.mjs', import.meta.url).pathname, engine],
  { stdio: ['pipe', 'pipe', 'inherit'] },
);
const info = await new Promise((r) => createInterface({ input: child.stdout }).once('line', (l) => r(JSON.parse(l))));
const url = info.apiUrl.replace(/\/api\/v1$/, '');
const headers = { authorization: `Bearer ${info.key}`, 'content-type': 'application/json' };
const rid = () => `S-${String(Math.floor(Math.random() * info.seeded)).padStart(5, '0')}`;
let n = 0;
const requests =
  mix === 'read'
    ? [
        { method: 'GET', setupRequest: (q) => ({ ...q, path: `/api/v1/contracts/${rid()}` }) },
        {
          method: 'GET',
          setupRequest: (q) => ({
            ...q,
            path: `/api/v1/contracts?limit=20&debtorNumber=D${1000 + Math.floor(Math.random() * 50)}`,
          }),
        },
      ]
    : [
        {
          method: 'POST',
          path: '/api/v1/contracts',
          setupRequest: (q) => ({
            ...q,
            body: JSON.stringify({
              id: `P-${++n}`,
              type: 'preventive',
              startDate: '2026-01-01',
              debtorNumber: 'D2000',
              schedule: { unit: 'week', weekdays: ['mon'] },
            }),
          }),
        },
      ];
const result = await autocannon({ url, headers, connections: 16, duration: 8, requests });
console.log(mix, engine, result.requests.average, result.latency.p99, result.non2xx);
child.stdin.end();
await new Promise((r) => child.once('exit', r));
