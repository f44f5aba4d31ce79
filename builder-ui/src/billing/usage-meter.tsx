import { useId } from 'react';
import { ofLimit } from './billing-words.js';

/**
 * A use against its limit as a labelled `<meter>` (screen readers say the label and the value;
 * the words say the same for everyone). Unlimited: the count only.
 */
export function UsageMeter(props: { label: string; used: number; limit: number | null }) {
  const id = useId();
  const { used, limit } = props;
  const full = limit !== null && used >= limit;
  return (
    <div className="gf-usage">
      <div className="gf-usage-words">
        <span id={id}>{props.label}</span>
        <span>
          {ofLimit(used, limit)}
          {full ? <strong className="gf-usage-full"> · limit reached</strong> : null}
        </span>
      </div>
      {limit !== null ? (
        <meter
          aria-labelledby={id}
          aria-valuetext={ofLimit(used, limit)}
          min={0}
          max={Math.max(limit, 1)}
          value={Math.min(used, limit)}
          low={Math.max(limit, 1) * 0.8}
          high={Math.max(limit, 1) * 0.95}
          optimum={0}
        />
      ) : null}
    </div>
  );
}
