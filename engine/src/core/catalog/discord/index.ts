import { addReaction } from './add-reaction.js';
import { addRole } from './add-role.js';
import { archiveChannel } from './archive-channel.js';
import { banMember } from './ban-member.js';
import { createChannel } from './create-channel.js';
import { deleteMessage } from './delete-message.js';
import { editMessage } from './edit-message.js';
import { kickMember } from './kick-member.js';
import { readMessages } from './read-messages.js';
import { removeRole } from './remove-role.js';
import { reply } from './reply.js';
import { sendMessage } from './send-message.js';
import { timeoutMember } from './timeout-member.js';

/**
 * The Discord action node types, in palette order.
 *
 * @example
 * DISCORD_NODES.every((d) => d.kind === 'action'); // true
 */
export const DISCORD_NODES = [
  sendMessage,
  editMessage,
  deleteMessage,
  readMessages,
  reply,
  addRole,
  removeRole,
  timeoutMember,
  kickMember,
  banMember,
  createChannel,
  archiveChannel,
  addReaction,
] as const;

export {
  addReaction,
  addRole,
  archiveChannel,
  banMember,
  createChannel,
  deleteMessage,
  editMessage,
  kickMember,
  readMessages,
  removeRole,
  reply,
  sendMessage,
  timeoutMember,
};
export { INTERACTION_TRIGGERS } from './reply.js';
export { READ_MESSAGES_MAX } from './read-messages.js';
export { ButtonSchema, CHANNEL_PERMISSIONS, DISCORD_LIMITS, EmbedSchema } from './shared.js';
export { buttonsFromItems, type BuiltButton, type ButtonsFromResult } from './buttons-from.js';
export {
  DISCORD_PERMISSION_BITS,
  PERMISSION_LABELS,
  type DiscordPermission,
  type NodeRequirements,
  type PermissionRule,
} from './permissions.js';
