import { describe, expect, it } from 'vitest';
import { answerBody, answerJson } from './answer-json.js';

describe('answerJson', () => {
  it('writes what JSON.stringify writes, frozen parts or not', () => {
    const contract = Object.freeze({ id: 'C-1', objectCodes: Object.freeze(['O-1']), note: undefined });
    const answers = [
      null,
      'text',
      42,
      { data: [{ contract, status: 'active', flags: [], etag: '"0"' }], nextCursor: null },
      { contract, missing: undefined, at: new Date('2026-01-01T00:00:00Z'), list: [1, undefined, 'x'] },
      [contract, contract],
      { 'a "quoted" key': 'é\n' },
    ];
    for (const answer of answers) expect(answerJson(answer)).toBe(JSON.stringify(answer));
  });

  it('makes the text of a frozen part once, and goes on writing it as it was', () => {
    const contract = Object.freeze({ id: 'C-1', name: 'Onderhoud' });
    const first = answerJson({ contract, status: 'active' });
    expect(answerJson({ contract, status: 'ended' })).toBe(first.replace('active', 'ended'));
    expect(answerJson(undefined)).toBe('null');
  });
});

describe('answerBody', () => {
  it("is a frozen value's UTF-8 bytes, made once; anything else is answerJson's text", () => {
    const page = Object.freeze({
      data: Object.freeze([Object.freeze({ id: 'C-1', name: 'Onderhoud é' })]),
      next: null,
    });
    const body = answerBody(page);
    expect(body).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(body as Uint8Array).toString('utf8')).toBe(JSON.stringify(page));
    expect(answerBody(page)).toBe(body);
    const open = { contract: page.data[0], status: 'active' };
    expect(answerBody(open)).toBe(JSON.stringify(open));
    expect(answerBody(null)).toBe('null');
  });
});
