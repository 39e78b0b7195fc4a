import { describe, expectTypeOf, it } from 'vitest';
import type {
  ContractbeheerError,
  createHostClient,
  RateLimitError,
  CallOptions,
  HostObject,
  HostWorkOrder,
  SdkErrorKind,
} from '../src/index.js';
import type { HostSandbox, RunningSandbox } from '../src/testing.js';
import { verifyWebhook, type VerifyResult, type WebhookEvent } from '../src/webhooks.js';

describe('public types', () => {
  it('host client methods return the clean models', () => {
    type Host = ReturnType<typeof createHostClient>;
    expectTypeOf<Awaited<ReturnType<Host['workOrders']['list']>>>().toEqualTypeOf<HostWorkOrder[]>();
    expectTypeOf<Awaited<ReturnType<Host['objects']['changed']>>>().toEqualTypeOf<HostObject[]>();
    expectTypeOf<Awaited<ReturnType<Host['workOrders']['create']>>>().toEqualTypeOf<
      { workorderNo: string; rowId: number }[]
    >();
    expectTypeOf<Parameters<Host['employees']['list']>[0]>().toEqualTypeOf<CallOptions | undefined>();
  });

  it('errors share one base with a kind and isRetryable', () => {
    expectTypeOf<RateLimitError>().toExtend<ContractbeheerError>();
    expectTypeOf<ContractbeheerError['kind']>().toEqualTypeOf<SdkErrorKind>();
    expectTypeOf<ContractbeheerError['isRetryable']>().toEqualTypeOf<boolean>();
  });

  it('verifyWebhook narrows to the event or the reason', () => {
    expectTypeOf(verifyWebhook).returns.resolves.toEqualTypeOf<VerifyResult>();
    const use = (result: VerifyResult) => {
      if (result.ok) expectTypeOf(result.event).toEqualTypeOf<WebhookEvent>();
      else {
        expectTypeOf(result.reason).toEqualTypeOf<
          | 'missing-header'
          | 'malformed-header'
          | 'malformed-timestamp'
          | 'bad-signature'
          | 'too-old'
          | 'timestamp-in-future'
          | 'malformed-body'
        >();
      }
    };
    void use;
    const event = {} as WebhookEvent;
    if (event.type === 'workorder.status_changed')
      expectTypeOf(event.data.previousStatus).toEqualTypeOf<string | null>();
  });

  it('the testing entry point exposes the sandbox and the server handle', () => {
    expectTypeOf<HostSandbox['handle']>().returns.resolves.toEqualTypeOf<{ response: Response; drop: boolean }>();
    expectTypeOf<RunningSandbox['baseUrl']>().toEqualTypeOf<string>();
  });
});
