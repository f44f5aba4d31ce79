import Form from '@rjsf/core';
import type { ErrorSchema } from '@rjsf/utils';
import { useMemo, useState } from 'react';
import { ApiError } from '../api/client.js';
import {
  useGuildDiscord,
  useInstallTemplate,
  type TemplateInstallAnswer,
  type TemplateSummary,
} from '../api/queries.js';
import { Button, Dialog, errorMessage } from '../ui/index.js';
import { INSTALL_BUTTONS } from './install-buttons.js';
import { installSchema, installUiSchema, missingRequired, varErrors } from './install-form.js';
import { GuildDiscordProvider, type GuildDiscordState } from '../config/guild-discord.js';
import { GUILD_PICKER_WIDGETS } from '../config/guild-picker.js';
import { formValidator } from '../ui/rjsf-validator.js';

const FORM_ID = 'gf-install-form';

/**
 * Installs a template into a guild: a form generated from the template's parameters (channels,
 * roles and members picked from the server), checked by the service; its per-setting problems
 * are shown under each field.
 */
export function InstallDialog(props: {
  template: TemplateSummary;
  guildId: string;
  guildName: string;
  onClose(): void;
  onInstalled(answer: TemplateInstallAnswer): void;
}) {
  const { template, guildId } = props;
  const directory = useGuildDiscord(guildId);
  const install = useInstallTemplate(guildId);
  const [vars, setVars] = useState<Record<string, unknown>>({});
  const schema = useMemo(() => installSchema(template.parameters), [template.parameters]);
  const uiSchema = useMemo(() => installUiSchema(template.parameters), [template.parameters]);
  // The pickers read the server's channels, roles and members from here.
  const guild: GuildDiscordState = {
    data: directory.data,
    loading: directory.isPending,
    error: directory.isError ? errorMessage(directory.error) : undefined,
  };
  const [missing, setMissing] = useState<ErrorSchema | undefined>();
  const apiError = install.error instanceof ApiError ? install.error : undefined;
  const extraErrors =
    missing ?? (apiError?.code === 'invalid_vars' ? varErrors(apiError.details) : undefined);

  const count = template.graphs.length;
  return (
    <Dialog
      title={`Install “${template.name}”`}
      description={
        count > 1
          ? `Into ${props.guildName}, as ${count} graphs that share these settings (${template.graphs.map((g) => g.name).join(', ')}). They are saved as drafts: publish each one to turn it on.`
          : `Into ${props.guildName}. It is saved as a draft: publish it in the editor to turn it on.`
      }
      size="wide"
      onClose={props.onClose}
      footer={
        <>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" form={FORM_ID} variant="primary" busy={install.isPending}>
            {count > 1 ? `Install ${count} graphs` : 'Install and open'}
          </Button>
        </>
      }
    >
      {directory.isPending ? (
        <p role="status" className="gf-muted">
          Loading the server’s channels and roles…
        </p>
      ) : guild.error ? (
        <p role="status" className="gf-notice">
          The server’s channels and roles could not be read ({guild.error}); type their ids instead.
        </p>
      ) : null}
      <div className="gf-install-form">
        <GuildDiscordProvider value={guild}>
          <Form
            id={FORM_ID}
            schema={schema}
            uiSchema={uiSchema}
            formData={vars}
            validator={formValidator}
            noValidate
            widgets={GUILD_PICKER_WIDGETS}
            templates={{ ButtonTemplates: INSTALL_BUTTONS }}
            noHtml5Validate
            showErrorList={false}
            {...(extraErrors ? { extraErrors } : {})}
            onChange={(event) => {
              const changed = (event.formData ?? {}) as Record<string, unknown>;
              setVars(changed);
              // Problems go away as they are fixed, not at the next submit.
              if (missing) setMissing(missingRequired(template.parameters, changed));
              if (install.isError) install.reset();
            }}
            onSubmit={(event) => {
              const submitted = (event.formData ?? {}) as Record<string, unknown>;
              const empty = missingRequired(template.parameters, submitted);
              setMissing(empty);
              if (!empty)
                install.mutate(
                  { templateId: template.id, vars: submitted },
                  { onSuccess: props.onInstalled },
                );
            }}
          />
        </GuildDiscordProvider>
      </div>
      {install.isError && !extraErrors && !missing ? (
        <p className="gf-field-error" role="alert">
          Not installed: {errorMessage(install.error)}
        </p>
      ) : extraErrors ? (
        <p className="gf-field-error" role="alert">
          Some settings need another value: see the messages under them.
        </p>
      ) : null}
    </Dialog>
  );
}
