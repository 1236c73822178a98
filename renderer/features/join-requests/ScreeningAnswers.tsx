import type { ScreeningAnswer } from '@shared/domain/join-request';
import { LongText } from '../../ui/LongText';

/** Every screening question with its full answer. */
export function ScreeningAnswers({ answers }: { answers: readonly ScreeningAnswer[] }) {
  if (answers.length === 0) return <p className="mb-muted">No screening questions were answered.</p>;
  return (
    <dl className="jr-answers">
      {answers.map((answer, index) => (
        <div key={index}>
          <dt>
            <LongText text={answer.question} />
          </dt>
          <dd>{answer.answer.trim() ? <LongText text={answer.answer} /> : <span className="mb-muted">(no answer)</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
