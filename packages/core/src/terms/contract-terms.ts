import * as z from 'zod/mini';
import { codeText, parseTrusted, wholeNumber } from '../validation.js';

export const durationSchema = z.strictObject({
  count: wholeNumber(0, 1000),
  unit: z.enum(['day', 'week', 'month', 'year'], { error: "use 'day', 'week', 'month' or 'year'" }),
});

const basisPoints = (what: string) => wholeNumber(-10_000, 100_000, ` basis points (${what}; 250 = 2.50%)`);

/** Price indexation on renewal: a fixed percentage, or the change of a price index kept between a floor and a cap. */
export const indexationSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('fixed'), basisPoints: basisPoints('the yearly increase') }),
    z.strictObject({
      kind: z.literal('index'),
      capBasisPoints: z.optional(basisPoints('the largest increase')),
      floorBasisPoints: z.optional(basisPoints('the largest decrease, negative')),
    }),
  ],
  { error: "kind must be 'fixed' or 'index'" },
);

/**
 * Contract terms (settings): the contract period, whether it extends by itself, the renewal period, the notice
 * periods before cancellation and after a renewal, the invoice period, and an optional price indexation.
 */
export const contractTermsSchema = z
  .strictObject({
    code: codeText('the terms code'),
    name: codeText('the name'),
    description: z._default(z.string(), ''),
    autoExtend: z.boolean({ error: 'expected true or false' }),
    period: durationSchema,
    noticeBeforeCancellation: z._default(durationSchema, { count: 0, unit: 'day' }),
    /** Defaults to the contract period. */
    renewalPeriod: z.optional(durationSchema),
    /** Defaults to the notice before cancellation. */
    noticeAfterRenewal: z.optional(durationSchema),
    invoicePeriod: z._default(durationSchema, { count: 1, unit: 'month' }),
    indexation: z.optional(indexationSchema),
  })
  .check(
    z.refine((terms) => terms.period.count > 0, {
      path: ['period', 'count'],
      error: 'a contract period must be at least 1',
    }),
    z.refine((terms) => terms.renewalPeriod === undefined || terms.renewalPeriod.count > 0, {
      path: ['renewalPeriod', 'count'],
      error: 'a renewal period must be at least 1',
    }),
  );

export type ContractTermsInput = z.input<typeof contractTermsSchema>;
export type ContractTerms = z.output<typeof contractTermsSchema>;
export type Indexation = z.output<typeof indexationSchema>;

/**
 * Checks contract terms and fills in the defaults.
 *
 * @example
 * parseContractTerms({ code: 'JAAR', name: 'Jaarcontract', autoExtend: true, period: { count: 1, unit: 'year' },
 *   noticeBeforeCancellation: { count: 1, unit: 'month' } }).invoicePeriod; // { count: 1, unit: 'month' }
 */
export function parseContractTerms(input: unknown): ContractTerms {
  return parseTrusted(contractTermsSchema, input);
}
