import { cancellationReport, relabelWarning } from '@contractbeheer/core';
import { PowerUpError } from '../../power-up-error.js';
import type { TenantContext } from '../app-env.js';
import type { AppServices } from '../route-table.js';
import { asOfNow } from './as-of.js';
import type { OperationHandlers } from './operation-routes.js';

type SettingsOperations =
  | 'listTerms'
  | 'putTerms'
  | 'deleteTerms'
  | 'listSlaPolicies'
  | 'putSlaPolicy'
  | 'deleteSlaPolicy'
  | 'listCancellationReasons'
  | 'putCancellationReason'
  | 'archiveCancellationReason'
  | 'deleteCancellationReason'
  | 'cancellationReport'
  | 'getSettings'
  | 'putSettings';

const metaOf = (tenant: TenantContext, services: AppServices) => ({
  actor: tenant.actor,
  at: asOfNow(services),
});

/** The code in the path is the one being written: a body naming another would write somewhere unexpected. */
function samePathCode(pathCode: string, bodyCode: string): void {
  if (pathCode !== bodyCode) {
    throw new PowerUpError('invalid-input', `the body's code '${bodyCode}' differs from '${pathCode}' in the path.`, {
      path: ['code'],
    });
  }
}

export const settingsHandlers: Pick<OperationHandlers, SettingsOperations> = {
  async listTerms({ tenant }) {
    return { body: { data: await tenant.store.terms.list() } };
  },
  async putTerms({ param, body, tenant, services }) {
    samePathCode(param('code'), body.code);
    return { body: await tenant.store.terms.put(body, metaOf(tenant, services)) };
  },
  async deleteTerms({ param, tenant, services }) {
    await tenant.store.terms.delete(param('code'), metaOf(tenant, services));
    return {};
  },

  async listSlaPolicies({ tenant }) {
    return { body: { data: await tenant.store.slaPolicies.list() } };
  },
  async putSlaPolicy({ param, body, tenant, services }) {
    samePathCode(param('code'), body.code);
    return { body: await tenant.store.slaPolicies.put(body, metaOf(tenant, services)) };
  },
  async deleteSlaPolicy({ param, tenant, services }) {
    await tenant.store.slaPolicies.delete(param('code'), metaOf(tenant, services));
    return {};
  },

  /** With how many terminations use each reason: a used one is archived, not deleted. */
  async listCancellationReasons({ tenant }) {
    const reasons = tenant.store.cancellationReasons;
    const data = [];
    for (const reason of await reasons.list({ includeArchived: true })) {
      data.push({ ...reason, terminationCount: await reasons.usageCount(reason.code) });
    }
    return { body: { data } };
  },
  /** Relabelling a reason that terminations use warns: they keep the label they were recorded with. */
  async putCancellationReason({ param, body, tenant, services }) {
    samePathCode(param('code'), body.code);
    return tenant.store.transaction(async (tx) => {
      const before = await tx.cancellationReasons.get(body.code);
      const terminationCount = await tx.cancellationReasons.usageCount(body.code);
      const saved = await tx.cancellationReasons.put(body, metaOf(tenant, services));
      const warning = relabelWarning(before, saved, terminationCount);
      return { body: { ...saved, terminationCount, ...(warning !== undefined && { warning }) } };
    });
  },
  async archiveCancellationReason({ param, tenant, services }) {
    return { body: await tenant.store.cancellationReasons.archive(param('code'), metaOf(tenant, services)) };
  },
  async deleteCancellationReason({ param, tenant, services }) {
    await tenant.store.cancellationReasons.delete(param('code'), metaOf(tenant, services));
    return {};
  },

  async cancellationReport({ query, tenant }) {
    const terminations = await tenant.store.terminations.list({ from: query.from, to: query.to });
    return { body: cancellationReport(terminations, query) };
  },

  async getSettings({ tenant }) {
    return { body: await tenant.store.settings.get() };
  },
  /** Replaces them whole: the table's schema has filled in the defaults of fields left out. */
  async putSettings({ body, tenant, services }) {
    return { body: await tenant.store.settings.put(body, metaOf(tenant, services)) };
  },
};
