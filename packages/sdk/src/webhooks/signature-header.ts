/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>." + raw body>` — several `v1` while a secret is being rotated. */
export const SIGNATURE_HEADER = 'x-contractbeheer-signature';

/** Request headers as a `Headers` object (fetch, edge runtimes) or a plain record (Node's `req.headers`). */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/**
 * Far longer than an honest header (a timestamp and a few signatures during a rotation). A longer one is refused
 * before it is parsed, so a hostile header costs no more work than an honest one.
 */
const MAX_SIGNATURE_HEADER_LENGTH = 8_192;

/** Up to 12 digits: unix seconds until the year 33658, and no sign, fraction or exponent that `Number()` would take. */
const TIMESTAMP = /^\d{1,12}$/;

export type SignatureHeader = { timestamp: number; timestampText: string; signatures: string[] };
export type SignatureHeaderProblem = {
  reason: 'missing-header' | 'malformed-header' | 'malformed-timestamp';
  message: string;
};

const missing: SignatureHeaderProblem = {
  reason: 'missing-header',
  message: `the ${SIGNATURE_HEADER} header is missing: is this request from Contractbeheer?`,
};
const malformed = (why: string): SignatureHeaderProblem => ({
  reason: 'malformed-header',
  message: `the ${SIGNATURE_HEADER} header ${why}: pass the headers as received (a Headers object or req.headers).`,
});

/** The header's text, read case-insensitively; it comes from the network, so anything odd is a problem, not a throw. */
function readHeader(headers: unknown): string | SignatureHeaderProblem {
  if (headers === null || typeof headers !== 'object') return missing;
  let value: unknown;
  try {
    if (typeof (headers as Headers).get === 'function') {
      value = (headers as Headers).get(SIGNATURE_HEADER);
    } else {
      const keys = Object.keys(headers).filter((key) => key.toLowerCase() === SIGNATURE_HEADER);
      // Two spellings of one header could carry two different signatures: refuse rather than pick one.
      if (keys.length > 1) return malformed('appears more than once');
      value = keys[0] === undefined ? undefined : (headers as Record<string, unknown>)[keys[0]];
    }
  } catch {
    return malformed('cannot be read');
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) value = value.join(',');
  if (value === undefined || value === null || value === '') return missing;
  if (typeof value !== 'string') return malformed(`is a ${Array.isArray(value) ? 'list' : typeof value}, not text`);
  if (value.length > MAX_SIGNATURE_HEADER_LENGTH)
    return malformed(`is longer than ${MAX_SIGNATURE_HEADER_LENGTH} characters`);
  return value;
}

/** Reads and parses the signature header; never throws. */
export function parseSignatureHeader(headers: unknown): SignatureHeader | SignatureHeaderProblem {
  const text = readHeader(headers);
  if (typeof text !== 'string') return text;
  const elements = text.split(',').map((part) => {
    const at = part.indexOf('=');
    return at < 0
      ? { key: part.trim(), value: undefined }
      : { key: part.slice(0, at).trim(), value: part.slice(at + 1).trim() };
  });
  const signatures = elements.flatMap(({ key, value }) => (key === 'v1' && value ? [value.toLowerCase()] : []));
  if (signatures.length === 0) {
    return { reason: 'missing-header', message: `the ${SIGNATURE_HEADER} header has no v1= signature.` };
  }
  const stamps = elements.filter(({ key }) => key === 't');
  const timestampText = stamps[0]?.value ?? '';
  if (stamps.length !== 1 || !TIMESTAMP.test(timestampText)) {
    return {
      reason: 'malformed-timestamp',
      message: `the ${SIGNATURE_HEADER} header needs exactly one t= with whole unix seconds.`,
    };
  }
  return { timestamp: Number(timestampText), timestampText, signatures };
}
