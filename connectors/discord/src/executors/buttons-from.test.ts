import { describe, expect, it } from 'vitest';
import {
  actionContext,
  failureOf,
  inActivity,
  SANDBOX_IDS,
  useHarness,
} from '../testing/harness.js';
import { editMessageExecutor, sendMessageExecutor } from './messages.js';

const { channels } = SANDBOX_IDS;

/** `count` role-like items: { name, roleId, icon } (every other one without an icon). */
function roles(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    name: `Role ${i}`,
    roleId: `13000000000000002${String(i).padStart(2, '0')}`,
    ...(i % 2 === 0 ? { icon: '🎮' } : { icon: '' }),
  }));
}

const spec = (items: unknown) => ({
  items,
  label: 'name',
  id: 'roleId',
  emoji: 'icon',
  customIdPrefix: 'rolemenu:roles:',
  style: 'secondary' as const,
});

describe('buttonsFrom: buttons built from a list, against the sandbox', () => {
  const h = useHarness();

  it('sendMessage makes one button per item after the buttons of `buttons`, in rows of five', async () => {
    const items = roles(7);
    const out = await inActivity(() =>
      sendMessageExecutor(h.deps)({
        config: {
          channelId: channels.general,
          content: 'Pick your roles',
          buttons: [{ label: 'Help', style: 'link', url: 'https://example.com/help' }],
          buttonsFrom: spec(items),
        },
        context: actionContext(),
      }),
    );
    const [message] = h.sandbox.messages({ channelId: channels.general });
    expect(message?.id).toBe(out.messageId);
    const rows = message?.components as { components: Record<string, unknown>[] }[];
    expect(rows.map((r) => r.components.length)).toEqual([5, 3]);
    const buttons = rows.flatMap((r) => r.components);
    expect(buttons[0]).toMatchObject({ label: 'Help', style: 5, url: 'https://example.com/help' });
    expect(buttons.slice(1)).toEqual(
      items.map((item, i) => ({
        type: 2,
        style: 2,
        label: item.name,
        custom_id: `rolemenu:roles:${item.roleId}`,
        ...(i % 2 === 0 ? { emoji: { name: '🎮' } } : {}),
      })),
    );
  });

  it('takes numeric ids as text, 25 buttons in five rows, and editMessage replaces the buttons', async () => {
    const items = Array.from({ length: 25 }, (_, i) => ({ n: `#${i}`, k: i }));
    const posted = await inActivity(() =>
      sendMessageExecutor(h.deps)({
        config: {
          channelId: channels.general,
          content: 'Numbers',
          buttonsFrom: { items, label: 'n', id: 'k', customIdPrefix: 'num:' },
        },
        context: actionContext(),
      }),
    );
    const rows = () =>
      h.sandbox.messages({ channelId: channels.general })[0]?.components as {
        components: { custom_id?: string; style: number }[];
      }[];
    expect(rows().map((r) => r.components.length)).toEqual([5, 5, 5, 5, 5]);
    expect(rows()[4]?.components[4]).toMatchObject({ custom_id: 'num:24', style: 1 });
    await inActivity(() =>
      editMessageExecutor(h.deps)({
        config: {
          ...posted,
          buttonsFrom: {
            items: [{ n: 'Only', k: 'x' }],
            label: 'n',
            id: 'k',
            customIdPrefix: 'p:',
          },
        },
        context: actionContext(),
      }),
    );
    expect(rows()).toEqual([
      { type: 1, components: [{ type: 2, style: 1, label: 'Only', custom_id: 'p:x' }] },
    ]);
  });

  it.each([
    [
      'a list that is not a list',
      'general',
      'buttonsFrom.items is not a list (it is the text "general")',
    ],
    [
      'an item without its label',
      [{ name: 'A', roleId: '1' }, { roleId: '2' }],
      'buttonsFrom.items[1]: Item 1: has no "name" (the button label).',
    ],
    [
      'a label that is not text',
      [{ name: 7, roleId: '1' }],
      'buttonsFrom.items[0]: Item 0: its "name" is not text (the button label).',
    ],
    [
      'an item without its id',
      [{ name: 'A' }],
      'buttonsFrom.items[0]: Item 0: has no "roleId" (the end of its custom id).',
    ],
    [
      'more than 25 buttons with `buttons`',
      roles(25),
      'buttonsFrom.items has 25 items: with the 1 other button(s) that is 26 buttons',
    ],
    [
      'a custom id over 100 characters',
      [{ name: 'A', roleId: 'x'.repeat(90) }],
      'buttonsFrom.items[0]: Item 0: its custom id',
    ],
  ])('refuses %s: InvalidConfig naming the item, before any request', async (_, items, text) => {
    const failure = await failureOf(
      inActivity(() =>
        sendMessageExecutor(h.deps)({
          config: {
            channelId: channels.general,
            content: 'x',
            buttons: [{ label: 'Help', customId: 'help' }],
            buttonsFrom: spec(items),
          },
          context: actionContext(),
        }),
      ),
    );
    expect(failure).toMatchObject({ type: 'InvalidConfig', nonRetryable: true });
    expect(failure.message).toContain(text);
    expect(h.sandbox.requests()).toEqual([]);
  });
});
