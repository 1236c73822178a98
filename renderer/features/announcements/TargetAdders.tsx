import { useMemo, useState } from 'react';
import { CONNECTION_KINDS } from '@shared/domain/connection';
import type { TargetCandidate, TargetSpec } from '@shared/domain/announcements';
import { withRule } from './targetRules';

interface Props {
  readonly targets: TargetSpec;
  readonly candidates: readonly TargetCandidate[];
  readonly onChange: (targets: TargetSpec) => void;
}

const indent = (c: TargetCandidate) => `${'\u2003'.repeat(c.depth)}${c.name}`;

/** One select per kind of rule (choosing an option adds it), and a name search. */
export function TargetAdders({ targets, candidates, onChange }: Props) {
  const [search, setSearch] = useState('');
  const parents = useMemo(() => new Set(candidates.map((c) => c.parentId).filter((id) => id !== null)), [candidates]);
  const tags = useMemo(() => [...new Set(candidates.flatMap((c) => c.tags))].sort(), [candidates]);
  const matches = search.trim() === '' ? 0 : candidates.filter((c) => c.name.toLocaleLowerCase().includes(search.trim().toLocaleLowerCase())).length;
  const pick = (field: Parameters<typeof withRule>[1]) => (value: string) => value && onChange(withRule(targets, field, value));
  return (
    <div className="an-adders">
      <select className="mb-select" aria-label="Add a community tree (with its sub-groups)" value="" onChange={(e) => pick('trees')(e.target.value)}>
        <option value="">Add a tree…</option>
        {candidates
          .filter((c) => parents.has(c.id))
          .map((c) => (
            <option key={c.id} value={c.id}>
              {indent(c)} ({c.platform})
            </option>
          ))}
      </select>
      <select className="mb-select" aria-label="Add communities by tag" value="" onChange={(e) => pick('tags')(e.target.value)}>
        <option value="">Add a tag…</option>
        {tags.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </select>
      <select className="mb-select" aria-label="Add every community of a platform" value="" onChange={(e) => pick('platforms')(e.target.value)}>
        <option value="">Add a platform…</option>
        {CONNECTION_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {kind}
          </option>
        ))}
      </select>
      <select className="mb-select" aria-label="Add one community" value="" onChange={(e) => pick('communities')(e.target.value)}>
        <option value="">Add one community…</option>
        {candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {indent(c)}
          </option>
        ))}
      </select>
      <form
        className="an-inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (search.trim() === '') return;
          onChange(withRule(targets, 'searches', search.trim()));
          setSearch('');
        }}
      >
        <input
          className="an-input an-short"
          aria-label="Communities whose name contains"
          placeholder="Name contains…"
          maxLength={200}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <button type="submit" className="mb-button" disabled={matches === 0}>
          Add {matches} {matches === 1 ? 'match' : 'matches'}
        </button>
      </form>
    </div>
  );
}
