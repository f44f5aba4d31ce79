import { useState, type FormEvent } from 'react';
import { Button } from '../ui/index.js';
import { useSandboxCommands, type SandboxCommand, type SandboxGuild } from './sandbox-queries.js';

type Option = SandboxCommand['options'][number];
type Value = string | boolean;

// Discord's option types (https://discord.com/developers/docs/interactions/application-commands).
const USER = 6;
const CHANNEL = 7;
const ROLE = 8;
const BOOLEAN = 5;
const NUMBERS = new Set([4, 10]);

/**
 * Runs a slash command as the member acted as: the commands the bot registered in the sandbox
 * server (published command graphs), each option as a field of its declared type — members,
 * channels and roles picked by name.
 */
export function SlashCommandForm(props: {
  guild: SandboxGuild;
  actAs: string | undefined;
  onRun(name: string, options: Record<string, unknown>): void;
}) {
  const commands = useSandboxCommands(props.guild.id);
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, Value>>({});
  const command = commands.data?.find((c) => c.name === name) ?? commands.data?.[0];
  if (commands.isPending) return null;
  if (!commands.data?.length)
    return (
      <p className="gf-muted">
        No slash commands here yet: publish a graph that starts with a slash command.
      </p>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!command) return;
    const options: Record<string, unknown> = {};
    for (const option of command.options) {
      const value = values[option.name];
      if (value === undefined || value === '') continue;
      options[option.name] = NUMBERS.has(option.type) ? Number(value) : value;
    }
    props.onRun(command.name, options);
  };
  return (
    <form className="gf-sandbox-command" onSubmit={submit} aria-label="Use a slash command">
      <label>
        Command
        <select
          value={command?.name ?? ''}
          onChange={(e) => {
            setName(e.target.value);
            setValues({});
          }}
        >
          {commands.data.map((c) => (
            <option key={c.id} value={c.name}>
              /{c.name}
            </option>
          ))}
        </select>
      </label>
      {command?.options.map((option) => (
        <OptionField
          key={`${command.name}:${option.name}`}
          option={option}
          guild={props.guild}
          value={values[option.name]}
          onChange={(value) => setValues((v) => ({ ...v, [option.name]: value }))}
        />
      ))}
      <Button type="submit" disabled={!props.actAs}>
        Run /{command?.name}
      </Button>
    </form>
  );
}

function OptionField(props: {
  option: Option;
  guild: SandboxGuild;
  value: Value | undefined;
  onChange(value: Value): void;
}) {
  const { option, guild } = props;
  const label = `${option.name}${option.required ? ' (required)' : ''}`;
  if (option.type === BOOLEAN)
    return (
      <label className="gf-sandbox-command-check">
        <input
          type="checkbox"
          checked={props.value === true}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        {label}
      </label>
    );
  const choices =
    option.type === USER
      ? guild.members.map((m) => [m.id, m.username] as const)
      : option.type === CHANNEL
        ? guild.channels.map((c) => [c.id, `#${c.name ?? c.id}`] as const)
        : option.type === ROLE
          ? guild.roles.map((r) => [r.id, `@${r.name}`] as const)
          : null;
  return (
    <label title={option.description}>
      {label}
      {choices ? (
        <select
          value={String(props.value ?? '')}
          required={option.required === true}
          onChange={(e) => props.onChange(e.target.value)}
        >
          <option value="">—</option>
          {choices.map(([id, text]) => (
            <option key={id} value={id}>
              {text}
            </option>
          ))}
        </select>
      ) : (
        <input
          type={NUMBERS.has(option.type) ? 'number' : 'text'}
          value={String(props.value ?? '')}
          required={option.required === true}
          placeholder={option.description}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </label>
  );
}
