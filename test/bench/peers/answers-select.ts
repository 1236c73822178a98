import { createElement as h } from 'react';
import type { AnswersChoice } from './peer-rows';

/** The same control as Modboard's filter bar ("Answers"), so the bench drives all three alike. */
export function AnswersSelect({ value, onChange }: { value: AnswersChoice; onChange: (value: AnswersChoice) => void }) {
  return h(
    'select',
    { 'aria-label': 'Answers', value, onChange: (event: { target: { value: string } }) => onChange(event.target.value as AnswersChoice) },
    h('option', { value: '' }, 'Answered or not'),
    h('option', { value: 'answered' }, 'Answered'),
    h('option', { value: 'unanswered' }, 'Unanswered'),
  );
}
