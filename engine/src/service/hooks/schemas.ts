import { Type } from '@sinclair/typebox';

/**
 * The answer of `POST /hooks/:hookId`: the run that the delivery started (or, for a repeated
 * `Idempotency-Key`, the run it started the first time).
 *
 * @example
 * { runId: 'run_3q2-7wEjRk6YJb0cZc1tCg' }
 */
export const HookAcceptedSchema = Type.Object(
  { runId: Type.String({ description: 'The run (workflow) id.' }) },
  { $id: 'HookAccepted' },
);
