import type { IconButtonProps, TemplatesType } from '@rjsf/utils';
import { Button } from '../ui/index.js';

/** The props RJSF hands a list's buttons that a `<button>` takes (the rest are RJSF's own). */
function buttonProps(props: IconButtonProps) {
  const { id, onClick, disabled } = props;
  return { id, onClick, disabled };
}

/**
 * The install form's list buttons (a template's lists: exempt roles, reward steps…): RJSF's own draw Bootstrap
 * glyph icons from a font the builder does not load, i.e. empty boxes. These say what they do.
 *
 * @example
 * <Form templates={{ ButtonTemplates: INSTALL_BUTTONS }} … />
 */
export const INSTALL_BUTTONS: Partial<TemplatesType['ButtonTemplates']> = {
  AddButton: (props) => {
    const addLabel = props.uiSchema?.['ui:options']?.addLabel;
    return (
      <Button
        size="small"
        aria-label={typeof addLabel === 'string' ? addLabel : undefined}
        {...buttonProps(props)}
      >
        + Add
      </Button>
    );
  },
  MoveUpButton: (props) => (
    <Button size="small" variant="ghost" aria-label="Move up" {...buttonProps(props)}>
      ↑
    </Button>
  ),
  MoveDownButton: (props) => (
    <Button size="small" variant="ghost" aria-label="Move down" {...buttonProps(props)}>
      ↓
    </Button>
  ),
  RemoveButton: (props) => (
    <Button size="small" variant="ghost" {...buttonProps(props)}>
      Remove
    </Button>
  ),
};
