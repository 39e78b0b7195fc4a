import type {
  ActionResult as CoreActionResult,
  BudgetStatus,
  HourTypeRates,
  CancellationReport,
  Contract,
  ContractStatus,
  PressureReason,
  PreviewOccurrence,
  ScheduleChangePreview,
  StatusFlag,
} from '@contractbeheer/core';
import { contractSchema } from '@contractbeheer/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import {
  contractsApi,
  contractsOpenApiDocument,
  type ActionResult,
  type ContractBudget,
  type ContractResource,
  type CreateContractBody,
  type Page,
  type TenantSettings,
} from '../src/index.js';

/**
 * The wire types are derived from the core's: these fail to compile (`pnpm typecheck`) as soon as one drifts from
 * the engine's type, so the API cannot silently answer with a shape the engine no longer has.
 */
describe('the contracts API wire types equal the core types', () => {
  it('results the core computes', () => {
    expectTypeOf<z.infer<typeof contractsApi.budgetStatusSchema>>().toEqualTypeOf<BudgetStatus>();
    expectTypeOf<z.infer<typeof contractsApi.schedulePreviewSchema>>().toEqualTypeOf<ScheduleChangePreview>();
    expectTypeOf<
      z.infer<typeof contractsApi.schedulePreviewSchema>['added'][number]
    >().toEqualTypeOf<PreviewOccurrence>();
    expectTypeOf<z.infer<typeof contractsApi.cancellationReportSchema>>().toEqualTypeOf<CancellationReport>();
  });

  it('the budget answer is the core status plus host facts; the rates setting fits the core’s rates', () => {
    expectTypeOf<ContractBudget>().toExtend<BudgetStatus>();
    expectTypeOf<Omit<ContractBudget, 'materialsUsed' | 'generated'>>().toEqualTypeOf<BudgetStatus>();
    expectTypeOf<TenantSettings['hourTypeRates']>().toExtend<HourTypeRates>();
  });

  it('a create body cannot carry the server’s fields, and needs a name', () => {
    expectTypeOf<CreateContractBody['termination']>().toEqualTypeOf<undefined>();
    expectTypeOf<CreateContractBody['version']>().toEqualTypeOf<undefined>();
    expectTypeOf<CreateContractBody['restartOf']>().toEqualTypeOf<undefined>();
    expectTypeOf<CreateContractBody['objectOwners']>().toEqualTypeOf<undefined>();
    expectTypeOf<CreateContractBody['name']>().toEqualTypeOf<string>();
  });

  it('the contract resource: the core contract, status and flags', () => {
    expectTypeOf<ContractResource>().toEqualTypeOf<{
      contract: Contract;
      status: ContractStatus;
      flags: StatusFlag[];
      etag: string;
    }>();
    expectTypeOf<ContractResource['contract']>().toEqualTypeOf<z.output<typeof contractSchema>>();
    expectTypeOf<(typeof contractsApi.CONTRACT_STATUSES)[number]>().toEqualTypeOf<ContractStatus>();
    expectTypeOf<(typeof contractsApi.STATUS_FLAGS)[number]>().toEqualTypeOf<StatusFlag>();
    expectTypeOf<(typeof contractsApi.PRESSURE_REASONS)[number]>().toEqualTypeOf<PressureReason>();
  });

  it("an action result: the core's, with the contract as a resource and every core effect fitting the wire", () => {
    expectTypeOf<ActionResult>().toEqualTypeOf<z.infer<typeof contractsApi.actionResultSchema>>();
    expectTypeOf<ActionResult['contract']>().toEqualTypeOf<ContractResource | null>();
    expectTypeOf<CoreActionResult['effects'][number]>().toExtend<ActionResult['effects'][number]>();
    expectTypeOf<keyof ActionResult>().toEqualTypeOf<keyof CoreActionResult>();
  });

  it('a page is the page schema for its item', () => {
    expectTypeOf<Page<ContractResource>>().toEqualTypeOf<
      z.infer<ReturnType<typeof contractsApi.pageSchema<typeof contractsApi.contractResourceSchema>>>
    >();
    expectTypeOf<Page<number>>().toEqualTypeOf<{ data: number[]; nextCursor: string | null }>();
  });

  it("the core's zod mini schemas embed in the SDK's classic ones, and the OpenAPI document reads them", () => {
    const contract = contractsApi.contractResourceSchema.shape.contract;
    expect(contract).toBe(contractSchema);
    const document = contractsOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const get = JSON.stringify(document.paths['/contracts/{id}']?.['get']);
    expect(get).toContain('"debtorNumber"');
    expect(get).toContain('"renewal-due"');
  });
});
