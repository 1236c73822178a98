import { useState } from 'react';
import type { BanScopeChoice, FlagAction } from '@shared/contract/flagged';
import type { BanScope, ConnectionCapabilities, FlaggedRow } from '@shared/domain/flagged';
import { useQuery } from '../../client/hooks';
import { CommunityName } from '../../ui/CommunityName';
import { InlineText } from '../../ui/InlineText';
import { OptionPicker, type PickerOption } from '../../ui/queue/pickers/OptionPicker';
import { banConnections, banTerms, timedBanBlock, type BanScopeKind } from './banReach';
import { BanTerms, type BanTermsValue } from './BanTerms';
import { BAN_CHOICES, DELETE_HISTORY_CHOICES } from './durations';

interface Props {
  readonly description: string;
  readonly rows: readonly FlaggedRow[];
  readonly capabilities: readonly ConnectionCapabilities[] | undefined;
  readonly onChoose: (action: FlagAction) => void;
  readonly onCancel: () => void;
}

const CHOOSE = 2;
const SCOPE_KINDS: readonly BanScopeKind[] = ['flag', 'member', 'choose'];
/** Until lifted, keeping their messages: what `b` then Enter did before the terms existed. */
const PERMANENT: BanTermsValue = { length: 0, history: 0 };

/**
 * `b`: where the ban reaches. 1 the message's community, 2 every community the author is
 * in, 3 chosen ones (one author: the list shows where they are and which platforms can ban).
 * Then for how long and how much of their history goes with it (Tab to those).
 */
export function BanScopePicker({ description, rows, capabilities, onChoose, onCancel }: Props) {
  const authors = new Set(rows.map((row) => row.authorMemberId));
  const single = authors.size === 1 && rows[0]?.authorMemberId ? rows[0] : null;
  const scope = useQuery('flagged.banScope', { flagId: single?.id ?? rows[0]?.id ?? '' });
  const data = single ? scope.data : undefined;
  const [chosen, setChosen] = useState<ReadonlySet<string> | null>(null);
  const [terms, setTerms] = useState<BanTermsValue>(PERMANENT);
  const ticked = chosen ?? new Set(data?.communities.filter((c) => c.member && !c.blocked).map((c) => c.communityId) ?? []);
  const memberOf = data?.communities.filter((c) => c.member) ?? [];
  const options: PickerOption<BanScopeChoice>[] = [
    { id: 'flag', label: 'This community', detail: 'where each message was posted', value: { kind: 'flag-community' } },
    {
      id: 'member',
      label: single ? `Every community they are in (${memberOf.filter((c) => !c.blocked).length})` : 'Every community each author is in',
      detail: 'where they posted, joined or are listed; platforms that cannot ban are left out',
      value: { kind: 'member-communities' },
    },
    ...(single
      ? [{ id: 'choose', label: 'Chosen communities…', detail: `${ticked.size} ticked below`, value: { kind: 'communities', communityIds: [...ticked] } as BanScopeChoice }]
      : []),
  ];
  const timedBlockFor = (picked: number) =>
    timedBanBlock(banConnections({ scope: SCOPE_KINDS[picked] ?? 'flag', rows, communities: data?.communities, ticked, capabilities: capabilities ?? [] }));
  const minutes = BAN_CHOICES[terms.length]?.minutes ?? null;
  const toggle = (id: string) => {
    const next = new Set(ticked);
    if (!next.delete(id)) next.add(id);
    setChosen(next);
  };
  return (
    <OptionPicker
      title={`Ban the author of ${description}`}
      legend="Ban from"
      options={options}
      initial={1}
      confirmLabel="Ban"
      ready={(picked) => (picked !== CHOOSE || ticked.size > 0) && (minutes === null || timedBlockFor(picked) === null)}
      onChoose={(value, index) =>
        onChoose({
          kind: 'ban',
          scope: index === CHOOSE ? { kind: 'communities', communityIds: [...ticked] } : value,
          ...banTerms(minutes, DELETE_HISTORY_CHOICES[terms.history]?.seconds ?? 0),
        })
      }
      onCancel={onCancel}
    >
      {(picked) => (
        <>
          {data ? (
            <CommunityChecklist scope={data} ticked={ticked} editable={picked === CHOOSE} onToggle={toggle} />
          ) : single && scope.error ? (
            <p className="mb-error">{scope.error.message}</p>
          ) : null}
          <BanTerms value={terms} timedBlock={timedBlockFor(picked)} onChange={setTerms} />
        </>
      )}
    </OptionPicker>
  );
}

function CommunityChecklist({ scope, ticked, editable, onToggle }: { scope: BanScope; ticked: ReadonlySet<string>; editable: boolean; onToggle: (id: string) => void }) {
  return (
    <fieldset className="fl-communities" aria-label={`Communities of ${scope.displayName.slice(0, 80)}`}>
      <legend>
        <InlineText text={scope.displayName} /> on your platforms {editable ? '' : <span className="mb-muted">(press 3 to choose)</span>}
      </legend>
      <ul className="jr-list">
        {scope.communities.map((c) => (
          <li key={c.communityId}>
            <label title={c.blocked ?? undefined}>
              <input type="checkbox" checked={ticked.has(c.communityId)} disabled={!editable || Boolean(c.blocked)} onChange={() => onToggle(c.communityId)} />{' '}
              <CommunityName name={c.communityName} parentName={c.parentName} />{' '}
              <span className="mb-pill">{c.platform}</span>
              {c.member ? <span className="mb-pill mb-pill--warn">member</span> : <span className="mb-muted">not seen there</span>}
              {c.blocked && <span className="mb-error"> {c.blocked}</span>}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
