import type { ButtonHTMLAttributes } from 'react';
import './ui.css';

/** How a button looks: `primary` for the one main action of a view, `danger` for destructive ones. */
export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'normal' | 'small';
  /** Shows a spinner and disables the button while an action runs. */
  busy?: boolean;
}

/**
 * The builder's button (`type="button"` unless told otherwise, so it never submits a form by
 * accident).
 *
 * @example
 * <Button variant="primary" busy={save.isPending} onClick={save.mutate}>Publish</Button>
 */
export function Button({
  variant = 'secondary',
  size = 'normal',
  busy = false,
  className,
  type = 'button',
  disabled,
  children,
  ...rest
}: ButtonProps) {
  const classes = [
    'gf-button',
    `gf-button-${variant}`,
    size === 'small' ? 'gf-button-small' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type={type}
      className={classes}
      disabled={disabled === true || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy ? <span className="gf-spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}
