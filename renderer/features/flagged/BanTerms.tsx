import { useId } from 'react';
import { BAN_CHOICES, DELETE_HISTORY_CHOICES } from './durations';

export interface BanTermsValue {
  /** Index into BAN_CHOICES. */
  readonly length: number;
  /** Index into DELETE_HISTORY_CHOICES. */
  readonly history: number;
}

interface Props {
  readonly value: BanTermsValue;
  /** Why a ban for a time cannot reach every chosen community; null when it can. */
  readonly timedBlock: string | null;
  readonly onChange: (value: BanTermsValue) => void;
}

/**
 * How long the ban lasts and how much of the person's history the platform deletes with
 * it. Radios (Tab to the group, arrows move); the picker's digits stay with the scope. A
 * timed length the platforms cannot do is disabled, with the reason shown beside it.
 */
export function BanTerms({ value, timedBlock, onChange }: Props) {
  const name = useId();
  const reasonId = useId();
  return (
    <div className="fl-ban-terms">
      <fieldset className="jr-reasons">
        <legend>For how long</legend>
        {BAN_CHOICES.map((choice, index) => {
          const blocked = choice.minutes !== null && timedBlock !== null;
          return (
            <label key={choice.label} className="jr-reason" title={blocked ? timedBlock : undefined}>
              <input
                type="radio"
                name={`${name}-length`}
                checked={value.length === index}
                disabled={blocked}
                aria-describedby={blocked ? reasonId : undefined}
                onChange={() => onChange({ ...value, length: index })}
              />
              <span className="jr-reason-label">{choice.label}</span>
            </label>
          );
        })}
        {timedBlock && (
          <p id={reasonId} className="mb-muted">
            Timed bans are off: {timedBlock}
          </p>
        )}
      </fieldset>
      <fieldset className="jr-reasons">
        <legend>Also delete their messages from</legend>
        {DELETE_HISTORY_CHOICES.map((choice, index) => (
          <label key={choice.label} className="jr-reason">
            <input type="radio" name={`${name}-history`} checked={value.history === index} onChange={() => onChange({ ...value, history: index })} />
            <span className="jr-reason-label">{choice.label}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
