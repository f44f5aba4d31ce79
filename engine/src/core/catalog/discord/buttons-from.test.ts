import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { checkConfig, getNodeType, type NodeDeclaration } from '../index.js';
import { buttonsFromItems } from './buttons-from.js';

const ajv = new Ajv({ allErrors: true, strict: false });

/** Schema errors (ajv keywords) or the declaration's cross-field issues. */
function problems(type: string, config: Record<string, unknown>): unknown[] {
  const declaration = getNodeType(type) as NodeDeclaration;
  const validate = ajv.compile(declaration.config);
  if (!validate(config)) return (validate.errors ?? []).map((e) => e.instancePath || e.keyword);
  return checkConfig(declaration, config);
}

const menu = {
  items: '{{ vars.roles }}',
  label: 'label',
  id: 'roleId',
  emoji: 'emoji',
  customIdPrefix: 'rolemenu:{{ vars.menuId }}:',
  style: 'secondary',
};

describe('buttonsFrom in the message declarations', () => {
  it('sendMessage, editMessage and reply accept it with an expression for the list', () => {
    expect(
      problems('discord.sendMessage', { channelId: '1', content: 'x', buttonsFrom: menu }),
    ).toEqual([]);
    // an edit may change only the buttons
    expect(
      problems('discord.editMessage', { channelId: '1', messageId: '2', buttonsFrom: menu }),
    ).toEqual([]);
    expect(problems('discord.reply', { content: 'x', buttonsFrom: menu })).toEqual([]);
  });

  it('refuses missing or unknown fields, key names that are not plain names, link style', () => {
    const send = (buttonsFrom: unknown) =>
      problems('discord.sendMessage', { channelId: '1', content: 'x', buttonsFrom });
    expect(send({ ...menu, customIdPrefix: undefined })).not.toEqual([]);
    expect(send({ ...menu, colour: 'red' })).not.toEqual([]);
    expect(send({ ...menu, label: 'role.label' })).toEqual(['/buttonsFrom/label']);
    expect(send({ ...menu, style: 'link' })).toEqual(['/buttonsFrom/style']);
    expect(send({ ...menu, id: 'constructor' })).toEqual([
      {
        path: '/buttonsFrom/id',
        message:
          '"constructor" cannot name a property of the items (__proto__, constructor and prototype are reserved).',
      },
    ]);
  });

  it('checks a literal list like the buttons: 25 in all, unique custom ids, items by index', () => {
    const items = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ label: `R${i}`, roleId: i }));
    const send = (config: Record<string, unknown>) =>
      problems('discord.sendMessage', { channelId: '1', content: 'x', ...config });
    expect(send({ buttonsFrom: { ...menu, items: items(25) } })).toEqual([]);
    expect(
      send({
        buttons: [{ label: 'Help', customId: 'h' }],
        buttonsFrom: { ...menu, items: items(25) },
      }),
    ).toEqual([
      {
        path: '/buttonsFrom/items',
        message:
          'buttonsFrom.items has 25 items: with the 1 other button(s) that is 26 buttons; Discord allows at most 25 (5 rows of 5).',
      },
    ]);
    expect(
      send({
        buttonsFrom: {
          ...menu,
          customIdPrefix: 'r:',
          items: [
            { label: 'A', roleId: '1' },
            { label: 'B', roleId: 1 },
          ],
        },
      }),
    ).toEqual([
      {
        path: '/buttonsFrom/items/1/customId',
        message: 'Custom id "r:1" is used twice in this message.',
      },
    ]);
    expect(
      send({ buttonsFrom: { ...menu, items: [{ label: 'A', roleId: '1' }, 'B', {}] } }),
    ).toEqual([
      { path: '/buttonsFrom/items/1', message: 'Item 1: is not an object.' },
      { path: '/buttonsFrom/items/2', message: 'Item 2: has no "label" (the button label).' },
    ]);
  });

  it('builds label, custom id, style and emoji; ignores inherited properties', () => {
    const inherited = Object.create({ label: 'from the prototype' }) as Record<string, unknown>;
    inherited.roleId = '3';
    expect(
      buttonsFromItems({
        items: [
          { label: 'Gamer', roleId: '1', emoji: '🎮' },
          { label: 'Artist', roleId: 2, emoji: '' },
        ],
        label: 'label',
        id: 'roleId',
        emoji: 'emoji',
        customIdPrefix: 'rm:',
        style: 'success',
      }),
    ).toEqual({
      buttons: [
        { label: 'Gamer', customId: 'rm:1', style: 'success', emoji: '🎮' },
        { label: 'Artist', customId: 'rm:2', style: 'success' },
      ],
      issues: [],
    });
    expect(
      buttonsFromItems({ items: [inherited], label: 'label', id: 'roleId', customIdPrefix: '' })
        .issues,
    ).toEqual([
      { path: '/buttonsFrom/items/0', message: 'Item 0: has no "label" (the button label).' },
    ]);
  });
});
