/**
 * @contractbeheer/sdk/webhooks — signing and verification of Contractbeheer webhooks on WebCrypto, so it runs on
 * Node, edge runtimes and browsers alike.
 */
export {
  constructEvent,
  EVENT_ID_HEADER,
  generateTestHeaders,
  SIGNATURE_HEADER,
  signWebhook,
  verifyWebhook,
  type VerifyFailure,
  type VerifyResult,
} from './webhooks/webhook-signature.js';
export {
  verifySignedRequest,
  type SignedRequestFailure,
  type SignedRequestMessages,
  type SignedRequestResult,
} from './webhooks/signed-request.js';
export {
  WEBHOOK_EVENT_TYPES,
  webhookEventSchema,
  type WebhookEvent,
  type WebhookEventType,
} from './webhooks/webhook-event.js';
