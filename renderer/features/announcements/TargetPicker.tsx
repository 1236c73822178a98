import type { AnnouncementPreview, TargetSpec } from '@shared/domain/announcements';
import { useQuery } from '../../client/hooks';
import { TargetAdders } from './TargetAdders';
import { TargetLists } from './TargetLists';
import { describeRules } from './targetRules';

interface Props {
  readonly targets: TargetSpec;
  readonly preview: AnnouncementPreview | undefined;
  readonly onChange: (targets: TargetSpec) => void;
}

/** Who gets the announcement: rules by tree, tag, platform, name or saved list, with the count and reach. */
export function TargetPicker({ targets, preview, onChange }: Props) {
  const candidates = useQuery('announcements.targetCandidates', {}, ['communities']);
  const lists = useQuery('announcements.targetLists', {}, ['views']);
  const rules = describeRules(targets, candidates.data ?? [], lists.data ?? []);
  return (
    <section className="an-section" aria-labelledby="an-targets-title">
      <h3 id="an-targets-title">
        Targets{' '}
        <span className="mb-muted" aria-live="polite">
          {preview ? `${preview.count} ${preview.count === 1 ? 'community' : 'communities'}, reach ${preview.reach.toLocaleString()} members` : ''}
          {preview && preview.excluded > 0 ? `, ${preview.excluded} excluded` : ''}
        </span>
      </h3>
      {rules.length === 0 ? (
        <p className="mb-muted">No targets yet: add a community tree, a tag, a platform, a name search or a saved list.</p>
      ) : (
        <ul className="an-chips" aria-label="Target rules">
          {rules.map((rule) => (
            <li key={rule.key} className="an-chip">
              <bdi>{rule.label}</bdi>
              <button type="button" className="mb-button an-small" aria-label={`Remove ${rule.label}`} onClick={() => onChange(rule.remove(targets))}>
                ✕
              </button>
            </li>
          ))}
          {targets.excluded.length > 0 && (
            <li className="an-chip">
              {targets.excluded.length} excluded
              <button type="button" className="mb-button an-small" onClick={() => onChange({ ...targets, excluded: [] })}>
                Include them all back
              </button>
            </li>
          )}
        </ul>
      )}
      <TargetAdders targets={targets} candidates={candidates.data ?? []} onChange={onChange} />
      <TargetLists targets={targets} lists={lists.data ?? []} onChange={onChange} />
    </section>
  );
}
