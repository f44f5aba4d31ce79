import type {
  ArrayFieldItemTemplateProps,
  ArrayFieldTemplateProps,
  FieldTemplateProps,
  IconButtonProps,
  ObjectFieldTemplateProps,
  TemplatesType,
} from '@rjsf/utils';
import type { ValidationIssue } from '@guildflow/engine/core';
import type { ReactNode } from 'react';
import { fieldIds, useConfigContext } from './form-context.js';
import { fieldOptions } from './form-schema.js';
import { formatPath, issueConfigPath } from './issue-paths.js';

/**
 * Text with `code` spans (the catalog's descriptions use backticks), as React nodes.
 *
 * @example
 * <p>{withCode('Set `channelId` or `userId`.')}</p>
 */
export function withCode(text: string): ReactNode[] {
  return text
    .split(/(`[^`]+`)/g)
    .map((part, i) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 2 ? (
        <code key={i}>{part.slice(1, -1)}</code>
      ) : (
        part
      ),
    );
}

/**
 * Issues as a list under a field (`id` is what the input's `aria-describedby` names).
 *
 * @example
 * <IssueList id={ids.issues} issues={issues} />
 */
export function IssueList({
  id,
  issues,
  prefix,
}: {
  id?: string | undefined;
  issues: readonly ValidationIssue[];
  prefix?: (issue: ValidationIssue) => string | undefined;
}) {
  if (issues.length === 0) return null;
  return (
    <ul className="gf-config-issues" id={id}>
      {issues.map((issue, i) => {
        const where = prefix?.(issue);
        return (
          <li key={`${issue.code}-${i}`} className="gf-config-issue">
            {where ? <span className="gf-config-issue-where">{where}: </span> : null}
            {issue.message}
          </li>
        );
      })}
    </ul>
  );
}

function FieldTemplate(props: FieldTemplateProps) {
  const { label, required, children, hidden, schema, uiSchema, fieldPathId } = props;
  const { issuesAt } = useConfigContext();
  if (hidden) return <div hidden>{children}</div>;
  const path = formatPath(fieldPathId.path);
  if (path === '') return children;
  const options = fieldOptions(uiSchema);
  const ids = fieldIds(path);
  const item = typeof fieldPathId.path[fieldPathId.path.length - 1] === 'number';
  // Fields that place the issues of their parts themselves show only their own here.
  const all = issuesAt(path);
  const own = INNER_ISSUES.has(options?.kind ?? '')
    ? all.filter((i) => issueConfigPath(i) === path)
    : all;
  const help = [schema.description, options?.help].filter((t): t is string => Boolean(t));
  const helpNode =
    help.length > 0 ? (
      <div className="gf-config-help" id={ids.help}>
        {help.map((text, i) => (
          <p key={i}>{withCode(text)}</p>
        ))}
      </div>
    ) : null;
  const labelText = (
    <>
      {label}
      {required ? (
        <span className="gf-config-required">
          <span aria-hidden="true"> *</span>
          <span className="gf-sr-only"> (required)</span>
        </span>
      ) : null}
    </>
  );
  if (!options && item) {
    // An item of a list RJSF lays out: the list item already frames and names it.
    return (
      <div className="gf-config-object" data-config-path={path}>
        {children}
        <IssueList id={ids.issues} issues={own} />
      </div>
    );
  }
  if (!options) {
    // An object or a list RJSF lays out: a group with a legend.
    return (
      <fieldset className="gf-config-group" data-config-path={path}>
        <legend className="gf-config-label">{labelText}</legend>
        {helpNode}
        {children}
        <IssueList id={ids.issues} issues={own} />
      </fieldset>
    );
  }
  const ownLabel = options.kind === 'toggle';
  return (
    <div className={`gf-config-field gf-config-field--${options.kind}`} data-config-path={path}>
      {ownLabel || item ? null : (
        <label
          className="gf-config-label"
          id={ids.label}
          htmlFor={ids.input}
          // A CodeMirror field is not a form control: focus it by hand.
          onClick={() => document.getElementById(ids.input)?.focus()}
        >
          {labelText}
        </label>
      )}
      {children}
      {ownLabel ? null : helpNode}
      <IssueList id={ids.issues} issues={own} />
    </div>
  );
}

/** Field kinds that show the issues of their parts next to those parts. */
const INNER_ISSUES = new Set(['buttons', 'embeds', 'list', 'keyValue']);

function ObjectFieldTemplate({ properties }: ObjectFieldTemplateProps) {
  return <div className="gf-config-object">{properties.map((p) => p.content)}</div>;
}

function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { items, canAdd, onAddClick, disabled, readonly, title, fieldPathId, uiSchema } = props;
  const noun = singular(
    String((uiSchema as { 'ui:title'?: string })?.['ui:title'] ?? title ?? 'item'),
  );
  return (
    <div className="gf-config-array" id={fieldPathId.$id}>
      {items.length === 0 ? <p className="gf-config-empty">None yet.</p> : <ol>{items}</ol>}
      {canAdd ? (
        <button
          type="button"
          className="gf-config-button"
          onClick={onAddClick}
          disabled={disabled || readonly}
        >
          Add {noun.toLowerCase()}
        </button>
      ) : null}
    </div>
  );
}

function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, index, buttonsProps, hasToolbar, parentUiSchema } = props;
  const title = (parentUiSchema as { 'ui:title'?: string } | undefined)?.['ui:title'] ?? 'Item';
  const noun = `${singular(title)} ${index + 1}`;
  const b = buttonsProps;
  return (
    <li className="gf-config-item">
      <div className="gf-config-item-head">
        <span className="gf-config-item-title">{noun}</span>
        {hasToolbar ? (
          <span className="gf-config-item-tools">
            <button
              type="button"
              className="gf-config-icon"
              aria-label={`Move ${noun} up`}
              disabled={!b.hasMoveUp}
              onClick={b.onMoveUpItem}
            >
              ↑
            </button>
            <button
              type="button"
              className="gf-config-icon"
              aria-label={`Move ${noun} down`}
              disabled={!b.hasMoveDown}
              onClick={b.onMoveDownItem}
            >
              ↓
            </button>
            {b.hasRemove ? (
              <button
                type="button"
                className="gf-config-icon"
                aria-label={`Remove ${noun}`}
                onClick={b.onRemoveItem}
              >
                ✕
              </button>
            ) : null}
          </span>
        ) : null}
      </div>
      {children}
    </li>
  );
}

function singular(word: string): string {
  return word.replace(/ies$/, 'y').replace(/(?<!s)s$/, '');
}

function Nothing() {
  return null;
}

function IconButton(props: IconButtonProps) {
  const { icon: _icon, iconType: _iconType, uiSchema: _ui, registry: _registry, ...rest } = props;
  return <button type="button" className="gf-config-icon" {...rest} />;
}

/**
 * The RJSF templates of the config form: plain, labelled HTML; issues from validateGraph
 * under their fields (RJSF's own validation and error lists are not used).
 *
 * @example
 * <Form templates={CONFIG_TEMPLATES} … />
 */
export const CONFIG_TEMPLATES: Partial<TemplatesType> = {
  FieldTemplate,
  ObjectFieldTemplate,
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
  ErrorListTemplate: Nothing,
  FieldErrorTemplate: Nothing,
  FieldHelpTemplate: Nothing,
  DescriptionFieldTemplate: Nothing,
  TitleFieldTemplate: Nothing,
  ArrayFieldTitleTemplate: Nothing,
  ArrayFieldDescriptionTemplate: Nothing,
  ButtonTemplates: {
    SubmitButton: Nothing,
    AddButton: IconButton,
    CopyButton: IconButton,
    MoveDownButton: IconButton,
    MoveUpButton: IconButton,
    RemoveButton: IconButton,
    ClearButton: IconButton,
  },
};
