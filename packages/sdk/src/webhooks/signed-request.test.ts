import { describe, expect, it } from 'vitest';
import { hmacHex, webCryptoHmacHex } from './signed-request.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('hmacHex', () => {
  it('gives the RFC 4231 HMAC-SHA256 (test case 2), on Node and on WebCrypto alike', async () => {
    const expected = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
    expect(await hmacHex('Jefe', bytes('what do ya want for nothing?'))).toBe(expected);
    expect(await webCryptoHmacHex('Jefe', bytes('what do ya want for nothing?'))).toBe(expected);
  });

  it('signs as WebCrypto signs whatever the secret and body (non-ASCII, empty, long)', async () => {
    const cases: [string, string][] = [
      ['whsec_geheim', '1767225600.{"id":"evt_1"}'],
      ['sleutel-€-ü', '1767225600.{"omschrijving":"Cv-ketel onderhoud — jaarlijks"}'],
      ['s', ''],
      ['x'.repeat(200), 'y'.repeat(10_000)],
    ];
    for (const [secret, message] of cases) {
      expect(await hmacHex(secret, bytes(message))).toBe(await webCryptoHmacHex(secret, bytes(message)));
    }
  });
});
