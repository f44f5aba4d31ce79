/** The service's MongoDB storage: models, indexes, and the helpers that keep writes whole. */
export { openStore, type Store } from './store.js';
export { connectStore } from './connect.js';
export { recordAudit, type AuditEntry } from './audit.js';
export {
  isDuplicateKey,
  isStoreUnavailable,
  storeUnavailable,
  StoreUnavailableError,
} from './store-errors.js';
export { newId, GRAPH_ID_PATTERN } from './ids.js';
export { secretBox, sha256Hex, type SecretBox } from './secret-box.js';
export { startSweeper, sweepExpired } from './sweeper.js';
export { withKeyLock } from './keyed-lock.js';
export type {
  GraphRecord,
  GraphVersionRecord,
  GuildRecord,
  WebhookRecord,
  WebhookSigning,
} from './graph-models.js';
export type {
  CollectEntryRecord,
  CollectWindowRecord,
  DataKeyRecord,
  HookDeliveryRecord,
  TriggerRecord,
  WaitRecord,
} from './runtime-models.js';
export type {
  Actor,
  AuditAction,
  AuditRecord,
  AuditState,
  SessionRecord,
  UserRecord,
} from './account-models.js';
export type { StatsRecord } from './stats-models.js';
export type { CredentialRecord, CredentialType } from './credential-models.js';
export type { CounterRecord, GatewayRecord } from './gateway-models.js';
export type { StripeObjectKind, StripeObjectRecord, StripeRecordedVia } from './stripe-models.js';
