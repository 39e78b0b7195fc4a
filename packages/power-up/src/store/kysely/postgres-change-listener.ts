import pg from 'pg';
import { ChangeBroadcast } from '../change-feed.js';
import { CHANGES_CHANNEL } from '../migrations/005-change-notifications.js';
import { ACCESS_CHANGES_CHANNEL } from '../migrations/006-access-change-notifications.js';

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 30_000;

export type ChangeListener = { broadcast: ChangeBroadcast; close: () => Promise<void> };

/**
 * Every instance's committed changes, from the database: one connection LISTENs on the channel the triggers of
 * migration 005 notify. The feed is live only while that connection is; when it drops, the feed goes dead (caches
 * answer from the database) and the listener reconnects with back-off, and going live again drops every cached read,
 * since notifications sent meanwhile were lost.
 */
export function listenForChanges(connectionString: string): ChangeListener {
  const broadcast = new ChangeBroadcast(false);
  let client: pg.Client | undefined;
  let closed = false;
  let retryMs = RECONNECT_MIN_MS;
  let timer: NodeJS.Timeout | undefined;

  const reconnectLater = () => {
    if (closed || timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, retryMs);
    timer.unref();
    retryMs = Math.min(retryMs * 2, RECONNECT_MAX_MS);
  };

  const lost = (lostClient: pg.Client) => {
    if (client !== lostClient) return;
    client = undefined;
    if (broadcast.live) broadcast.setLive(false);
    void lostClient.end().catch(() => {});
    reconnectLater();
  };

  async function connect(): Promise<void> {
    // keepAlive: a connection that dies silently (a dropped route, no FIN) is noticed, and the feed goes dead.
    const candidate = new pg.Client({ connectionString, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    client = candidate;
    candidate.on('notification', (message) =>
      broadcast.changed(message.payload || undefined, message.channel === ACCESS_CHANGES_CHANNEL ? 'access' : 'data'),
    );
    candidate.on('error', () => lost(candidate));
    candidate.on('end', () => lost(candidate));
    try {
      await candidate.connect();
      await candidate.query(`LISTEN ${CHANGES_CHANNEL}; LISTEN ${ACCESS_CHANGES_CHANNEL}`);
    } catch {
      lost(candidate);
      return;
    }
    if (closed || client !== candidate) {
      void candidate.end().catch(() => {});
      return;
    }
    retryMs = RECONNECT_MIN_MS;
    broadcast.setLive(true);
  }

  void connect();
  return {
    broadcast,
    close: async () => {
      closed = true;
      clearTimeout(timer);
      const open = client;
      client = undefined;
      if (broadcast.live) broadcast.setLive(false);
      await open?.end().catch(() => {});
    },
  };
}
