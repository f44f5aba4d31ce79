import {
  cronProblem,
  describeDuration,
  isTimeZone,
  nextCronRuns,
  parseDuration,
} from '@guildflow/engine/core';
import { useMemo } from 'react';
import { useConfigContext } from '../form-context.js';
import { ExprCapable } from './expression-leaf.js';
import type { LeafProps } from './leaf.js';
import { textOf } from './values.js';

function TextInput({
  leaf,
  feedbackId,
  placeholder,
}: {
  leaf: LeafProps;
  feedbackId: string;
  placeholder: string;
}) {
  return (
    <input
      id={leaf.ids.input}
      className="gf-config-input"
      type="text"
      value={textOf(leaf.value)}
      onChange={(e) => leaf.onChange(e.target.value === '' ? undefined : e.target.value)}
      aria-describedby={[leaf.describedBy, feedbackId].filter(Boolean).join(' ')}
      aria-invalid={leaf.issues.length > 0 ? true : undefined}
      placeholder={leaf.options.placeholder ?? placeholder}
      autoComplete="off"
      spellCheck={false}
    />
  );
}

/**
 * A duration (`2h`, `1h30m`, `PT2H`), read by the engine's own parser as you type: it says
 * what it understood ("2 hours") or why it cannot read it.
 *
 * @example
 * <DurationLeaf {...leaf} />
 */
export function DurationLeaf(leaf: LeafProps) {
  const text = textOf(leaf.value);
  const feedbackId = `${leaf.ids.input}__feedback`;
  let feedback: { ok: boolean; text: string } | undefined;
  if (text.trim() !== '') {
    try {
      feedback = { ok: true, text: `= ${describeDuration(parseDuration(text))}` };
    } catch (error) {
      // Validation reports the same problem under the field; say it once.
      if (leaf.issues.length === 0)
        feedback = {
          ok: false,
          text: `Not a duration: ${error instanceof Error ? error.message : String(error)}`,
        };
    }
  }
  return (
    <ExprCapable leaf={leaf}>
      <TextInput leaf={leaf} feedbackId={feedbackId} placeholder="30s, 10m, 2h, 7d, 1w" />
      <p
        id={feedbackId}
        className={`gf-config-feedback${feedback && !feedback.ok ? ' gf-config-feedback--warn' : ''}`}
        aria-live="polite"
      >
        {feedback?.text ?? 'Like 30s, 10m, 2h, 7d, 1w, 1h30m or PT2H.'}
      </p>
    </ExprCapable>
  );
}

const RUNS = 5;

/**
 * A cron expression with its next five fire times in the schedule's time zone (the node's
 * `timezone`, UTC when unset), computed with croner as the engine schedules it.
 *
 * @example
 * <CronLeaf {...leaf} />
 */
export function CronLeaf(leaf: LeafProps) {
  const { config } = useConfigContext();
  const text = textOf(leaf.value).trim();
  const zone =
    typeof config.timezone === 'string' && config.timezone !== '' ? config.timezone : 'UTC';
  const feedbackId = `${leaf.ids.input}__feedback`;
  const result = useMemo(() => {
    if (text === '') return undefined;
    const problem = cronProblem(text);
    if (problem) return { problem };
    if (!isTimeZone(zone)) return { problem: `Unknown time zone "${zone}".` };
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    return { runs: nextCronRuns(text, zone, RUNS, new Date()).map((d) => format.format(d)) };
  }, [text, zone]);
  return (
    <ExprCapable leaf={leaf}>
      <TextInput leaf={leaf} feedbackId={feedbackId} placeholder="0 9 * * MON" />
      <div id={feedbackId} className="gf-config-feedback" aria-live="polite">
        {result === undefined ? (
          <p>minute hour day-of-month month day-of-week, e.g. 0 9 * * MON, or @daily.</p>
        ) : 'problem' in result ? (
          // Validation reports the same problem under the field; say it once.
          leaf.issues.length > 0 ? null : (
            <p className="gf-config-feedback--warn">{result.problem}</p>
          )
        ) : (
          <>
            <p>Next runs ({zone}):</p>
            <ol className="gf-config-runs">
              {result.runs.map((run) => (
                <li key={run}>{run}</li>
              ))}
            </ol>
          </>
        )}
      </div>
    </ExprCapable>
  );
}
