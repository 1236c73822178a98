import type { FlagAction } from '@shared/contract/flagged';
import type { FlaggedRow } from '@shared/domain/flagged';
import { MAX_WARNING_LENGTH, renderWarning } from '@shared/flags/warning-template';
import { LongText } from '../../ui/LongText';
import { ReasonPicker, type ReasonPick } from '../../ui/queue/pickers/ReasonPicker';
import type { ReasonLibrary } from '../../ui/queue/pickers/useReasonLibrary';

interface Props {
  readonly description: string;
  /** The first message it applies to: the preview is rendered for it. */
  readonly sample: FlaggedRow | undefined;
  readonly library: ReasonLibrary;
  readonly onChoose: (action: FlagAction) => void;
  readonly onCancel: () => void;
}

const ONE_OFF_RULE = 'the community rules';

/** The warning as the author will read it: the reason's template (or the one-off) with its placeholders filled in. */
function warningText(pick: ReasonPick, sample: FlaggedRow | undefined): string {
  const [template, rule] = pick.kind === 'one-off' ? [pick.text, ONE_OFF_RULE] : [pick.reason.text, pick.reason.label];
  return renderWarning(template, { rule, community: sample?.communityName ?? '', author: sample?.authorName ?? '' });
}

/** Remove and warn: the warning from the removal-reason library (1–9) or a one-off, previewed as the author will read it. */
export function WarningPicker({ description, sample, library, onChoose, onCancel }: Props) {
  const words = {
    title: `Remove and warn: ${description}`,
    legend: 'Removal reason',
    empty: 'The library is empty: type a warning below, or add reasons.',
    oneOffLabel: <>One-off warning ({'{{community}}'}, {'{{author}}'} and {'{{rule}}'} are filled in)</>,
    oneOffMaxLength: MAX_WARNING_LENGTH,
    confirm: 'Remove and warn',
    edit: 'Edit removal reasons',
  };
  const choose = (pick: ReasonPick) => onChoose(pick.kind === 'one-off' ? { kind: 'remove-warn', warningText: pick.text } : { kind: 'remove-warn', reasonId: pick.reason.id });
  return (
    <ReasonPicker words={words} name="fl-warning" library={library} onChoose={choose} onCancel={onCancel}>
      {(pick) => (
        <section aria-label="Warning preview" className="fl-preview">
          <h3 className="mb-muted">The author will read{sample ? ` (in ${sample.communityName.slice(0, 80)})` : ''}:</h3>
          {pick ? <LongText text={warningText(pick, sample)} /> : <p className="mb-muted">Pick a reason or type a warning.</p>}
        </section>
      )}
    </ReasonPicker>
  );
}
