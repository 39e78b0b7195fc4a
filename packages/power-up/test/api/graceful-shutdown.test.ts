import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { startPowerUp } from './harness.js';

describe('close()', () => {
  it('stops accepting, lets an in-flight request finish, then closes the database', async () => {
    let pingStarted!: () => void;
    const inFlight = new Promise<void>((resolve) => (pingStarted = resolve));
    let storeClosed = false;
    // A database slow to answer makes /readyz a slow request that is still running when close() is called.
    const slow = (store: Store): Store => ({
      ...store,
      ping: async () => {
        pingStarted();
        await new Promise((resolve) => setTimeout(resolve, 500));
        await store.ping();
      },
      close: async () => {
        storeClosed = true;
        await store.close();
      },
    });
    const running = await startPowerUp({ wrapStore: slow });
    const events: string[] = [];

    const request = fetch(`${running.url}/readyz`).then(async (response) => {
      events.push(`response ${response.status} ${JSON.stringify(await response.json())}`);
    });
    await inFlight;
    const closed = running.powerUp.close().then(() => events.push(`closed (store closed: ${storeClosed})`));
    // Give the server a moment to stop listening, then a new connection must be refused.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();

    await Promise.all([request, closed]);
    expect(events).toEqual(['response 200 {"status":"ready"}', 'closed (store closed: true)']);
    // Calling it again is harmless.
    await running.powerUp.close();
  });
});
