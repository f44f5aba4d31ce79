import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useCreateCredential, type CredentialType } from '../api/credential-queries.js';
import { Button, Dialog } from '../ui/index.js';
import {
  credentialBody,
  CREDENTIAL_TYPES,
  inputId,
  placeErrors,
  type CredentialDraft,
  type PlacedErrors,
} from './credential-form.js';

const NO_ERRORS: PlacedErrors = { fields: {}, form: null };

/**
 * Adds a credential: a name, a type and that type's fields (secrets in password inputs that no
 * browser offers to remember). A refusal shows at its field, and the first one takes focus.
 */
export function CredentialDialog(props: {
  guildId: string;
  onClose(): void;
  onCreated(name: string): void;
}) {
  const create = useCreateCredential(props.guildId);
  const [draft, setDraft] = useState<CredentialDraft>({ name: '', type: 'bearer', values: {} });
  const [errors, setErrors] = useState<PlacedErrors>(NO_ERRORS);
  const form = useRef<HTMLFormElement>(null);
  const kind = CREDENTIAL_TYPES[draft.type];

  useEffect(() => {
    const first = Object.keys(errors.fields)[0];
    if (first) form.current?.querySelector<HTMLElement>(`#${inputId(first)}`)?.focus();
  }, [errors]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors(NO_ERRORS);
    create.mutate(credentialBody(draft), {
      onSuccess: (saved) => props.onCreated(saved.name),
      onError: (error) => setErrors(placeErrors(error, draft)),
    });
  };
  const field = (key: string, label: string, input: React.ReactElement, hint?: string) => {
    const id = inputId(key);
    const error = errors.fields[key];
    return (
      <div className="gf-field" key={key}>
        <label htmlFor={id}>{label}</label>
        {input}
        {hint ? (
          <span id={`${id}-hint`} className="gf-field-hint">
            {hint}
          </span>
        ) : null}
        {error ? (
          <span id={`${id}-error`} className="gf-field-error">
            {error}
          </span>
        ) : null}
      </div>
    );
  };
  const described = (key: string, hint?: string) => {
    const id = inputId(key);
    const ids = [hint ? `${id}-hint` : '', errors.fields[key] ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    return {
      id,
      'aria-invalid': errors.fields[key] ? true : undefined,
      'aria-describedby': ids || undefined,
    };
  };

  const nameHint = 'Letters, digits, _ and -, starting with a letter. Graphs use it by this name.';
  return (
    <Dialog
      title="Add a credential"
      description="The value is stored encrypted and never shown again: to change it, delete the credential and add it anew."
      onClose={props.onClose}
      footer={
        <>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" form="gf-credential-form" variant="primary" busy={create.isPending}>
            Add credential
          </Button>
        </>
      }
    >
      <form id="gf-credential-form" ref={form} onSubmit={submit} autoComplete="off">
        {field(
          'name',
          'Name',
          <input
            {...described('name', nameHint)}
            value={draft.name}
            maxLength={64}
            spellCheck={false}
            placeholder="crm_token"
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          />,
          nameHint,
        )}
        {field(
          'type',
          'Type',
          <select
            {...described('type', kind.description)}
            value={draft.type}
            // A new type starts empty: no secret typed for one type is sent as another's.
            onChange={(event) => {
              setDraft({ ...draft, type: event.target.value as CredentialType, values: {} });
              // The old type's field errors are about fields no longer shown.
              setErrors(({ fields }): PlacedErrors => {
                const { name } = fields;
                return { fields: name === undefined ? {} : { name }, form: null };
              });
            }}
          >
            {Object.entries(CREDENTIAL_TYPES).map(([type, { label }]) => (
              <option key={type} value={type}>
                {label}
              </option>
            ))}
          </select>,
          kind.description,
        )}
        {kind.fields.map((f) => {
          const key = f.key ? `value.${f.key}` : 'value';
          return field(
            key,
            f.label,
            <input
              {...described(key, f.hint)}
              type={f.secret ? 'password' : 'text'}
              // Not a password of this site: keep password managers from saving or filling it.
              autoComplete={f.secret ? 'new-password' : 'off'}
              spellCheck={false}
              placeholder={f.placeholder}
              value={draft.values[f.key] ?? ''}
              onChange={(event) =>
                setDraft({ ...draft, values: { ...draft.values, [f.key]: event.target.value } })
              }
            />,
            f.hint,
          );
        })}
        {errors.form ? (
          <p className="gf-field-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        {Object.keys(errors.fields).length > 0 ? (
          <p className="gf-visually-hidden" role="alert">
            Not added: {Object.values(errors.fields).join(' ')}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
