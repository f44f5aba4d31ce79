/**
 * The expression scope at a node: what `validateGraph` lets a node's expressions read, as data
 * for the builder (autocomplete). Both use the rules in `scope-rules.ts`.
 */
export { nodeReferenceRefusal, rootRefusal } from './scope-rules.js';
export {
  membersAt,
  outputSchemaOf,
  rootMembers,
  rootSchema,
  scopeAt,
  type NodeScope,
  type ScopeNode,
  type ScopeVariable,
} from './scope-at.js';
export {
  childSchema,
  schemaAt,
  schemaMembers,
  typeLabel,
  type SchemaMember,
} from './schema-members.js';
