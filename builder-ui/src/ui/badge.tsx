import type { ReactNode } from 'react';
import './ui.css';

/**
 * A small label (status, count). The tone colours it; the words carry the meaning.
 *
 * @example
 * <Badge tone="success">Enabled</Badge>
 */
export function Badge(props: {
  tone?: 'neutral' | 'success' | 'danger' | 'warning' | 'info';
  children: ReactNode;
  title?: string;
}) {
  const tone = props.tone && props.tone !== 'neutral' ? ` gf-badge-${props.tone}` : '';
  return (
    <span className={`gf-badge${tone}`} title={props.title}>
      {props.children}
    </span>
  );
}
