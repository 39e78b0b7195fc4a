import * as z from 'zod/mini';
import { moneySchema } from '../money/money.js';
import { codeText } from '../validation.js';

/**
 * The tenant's hourly rate per hour type (the host's hour-type code → cents per hour): what turns a labour cost
 * line's minutes into money in `budgetStatus`. A tenant setting, shared by all its contracts.
 *
 * @example
 * hourTypeRatesSchema.parse({ NORMAAL: { amount: 6500, currency: 'EUR' } });
 */
export const hourTypeRatesSchema = z.record(codeText('the hour type code'), moneySchema);
