import { useEffect, useRef, useState } from 'react';
import { PLATFORM_NAMES, type ConnectionListItem, type ConnectionTest } from '@shared/domain/connection';
import { useApi } from '../../../client/ApiProvider';
import { formatAge } from '../../../ui/format';
import { CapabilityList } from './CapabilityList';
import { EditConnectionForm, type ConnectionEdit } from './EditConnectionForm';
import { ReconnectForm } from './ReconnectForm';
import { RemoveConnectionDialog } from './RemoveConnectionDialog';
import { TestResult } from './TestResult';

const STATE_TEXT = { active: 'active', paused: 'paused', 'needs-reauth': 'needs reconnecting' } as const;
const STATE_TONE = { active: 'mb-pill--good', paused: 'mb-pill--warn', 'needs-reauth': 'mb-pill--bad' } as const;

type Panel = { readonly kind: 'none' } | { readonly kind: 'testing' } | { readonly kind: 'tested'; readonly result: ConnectionTest } | { readonly kind: 'reconnect' } | { readonly kind: 'edit' } | { readonly kind: 'remove' };

type Outcome = { ok: true } | { ok: false; error: { message: string } };

/**
 * One connection: what it is, its state and why, what it can do, and the buttons that act
 * on it, each named with the connection so a screen reader (and a test) can tell them apart.
 */
export function ConnectionCard({
  connection,
  onDone,
  onRemoving,
}: {
  connection: ConnectionListItem;
  onDone(message: string, error: boolean): void;
  /** Removal was confirmed: the card (and the button that had focus) may leave before the answer does, so the parent moves focus once it is gone. */
  onRemoving(): void;
}) {
  const api = useApi();
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const { name, state } = connection;
  const platform = PLATFORM_NAMES[connection.kind];
  const editButton = useRef<HTMLButtonElement>(null);
  const reconnectButton = useRef<HTMLButtonElement>(null);
  /** Where focus goes once a form closes: its form unmounts with focus inside, which would drop it to <body>. */
  const returnFocus = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (panel.kind !== 'none' || !returnFocus.current) return;
    returnFocus.current.focus();
    returnFocus.current = null;
  }, [panel]);
  const closeFormTo = (button: HTMLElement | null) => {
    returnFocus.current = button;
    setPanel({ kind: 'none' });
  };

  const run = async (work: Promise<Outcome>, done: string, focusAfter: HTMLElement | null = null) => {
    const result = await work;
    if (result.ok) closeFormTo(focusAfter);
    onDone(result.ok ? done : result.error.message, !result.ok);
  };
  const test = async () => {
    if (panel.kind === 'testing') return;
    setPanel({ kind: 'testing' });
    const result = await api.call('connections.test', { id: connection.id });
    if (result.ok) setPanel({ kind: 'tested', result: result.value });
    else {
      setPanel({ kind: 'none' });
      onDone(result.error.message, true);
    }
    if (result.ok && result.value.outcome === 'refused') onDone(`${name} needs reconnecting.`, true);
  };
  const edit = (change: ConnectionEdit) => run(api.call('connections.update', { id: connection.id, ...change }), `${change.name} saved.`, editButton.current);
  const reconnect = (token: string | undefined) =>
    run(api.call('connections.reconnect', { id: connection.id, ...(token ? { token } : {}) }), `${name} reconnected; syncing.`, reconnectButton.current);
  const pauseOrResume = () =>
    state === 'paused'
      ? run(api.call('connections.resume', { id: connection.id }), `${name} resumed; syncing.`)
      : run(api.call('connections.pause', { id: connection.id }), `${name} paused.`);
  const remove = async () => {
    onRemoving();
    await run(api.call('connections.remove', { id: connection.id }), `${name} removed.`);
  };

  return (
    <section className="mb-card" aria-label={`Connection ${name}`}>
      <h4 style={{ margin: '0 0 4px' }}>
        <span className="mb-text">{name}</span> <span className="mb-pill">{platform}</span>{' '}
        <span className={`mb-pill ${STATE_TONE[state]}`}>{STATE_TEXT[state]}</span>
      </h4>
      {connection.stateReason && <p className={state === 'paused' ? 'mb-muted' : 'mb-error'}>{connection.stateReason}</p>}
      <p className="mb-muted">
        {connection.communityCount.toLocaleString()} communities · {connection.pendingPushes.toLocaleString()} waiting to be sent ·{' '}
        {connection.lastSyncAt ? `last synced ${formatAge(connection.lastSyncAt)}` : 'not synced yet'}
      </p>
      {connection.lastError && state === 'active' && <p className="mb-error">{connection.lastError}</p>}
      {connection.capabilities ? (
        <CapabilityList capabilities={connection.capabilities} platform={platform} />
      ) : (
        <p className="mb-muted">What it can do is unknown until it is reconnected.</p>
      )}
      <p style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
        {/* aria-disabled, not disabled: a disabled button drops the focus it holds to <body>. */}
        <button type="button" className="mb-button" aria-disabled={panel.kind === 'testing'} aria-busy={panel.kind === 'testing'} onClick={() => void test()}>
          Test {name}
        </button>
        {/*
          One button that changes its words, so focus stays on it across Pause and Resume. None while the
          connection needs reconnecting: it already sends nothing, and main refuses to pause it so Resume cannot skip the new token.
        */}
        {state !== 'needs-reauth' && (
          <button type="button" className="mb-button" onClick={() => void pauseOrResume()}>
            {state === 'paused' ? 'Resume' : 'Pause'} {name}
          </button>
        )}
        <button
          ref={editButton}
          type="button"
          className="mb-button"
          aria-expanded={panel.kind === 'edit'}
          onClick={() => setPanel(panel.kind === 'edit' ? { kind: 'none' } : { kind: 'edit' })}
        >
          Edit {name}
        </button>
        {connection.kind !== 'facebook-manual' && (
          <button
            ref={reconnectButton}
            type="button"
            className="mb-button"
            aria-expanded={panel.kind === 'reconnect'}
            onClick={() => setPanel(panel.kind === 'reconnect' ? { kind: 'none' } : { kind: 'reconnect' })}
          >
            Reconnect {name}
          </button>
        )}
        <button type="button" className="mb-button" onClick={() => setPanel({ kind: 'remove' })}>
          Remove {name}
        </button>
      </p>
      {panel.kind === 'testing' && <p role="status">Asking {platform}…</p>}
      {panel.kind === 'tested' && <TestResult result={panel.result} platform={platform} />}
      {panel.kind === 'edit' && <EditConnectionForm connection={connection} onSubmit={edit} onCancel={() => closeFormTo(editButton.current)} />}
      {panel.kind === 'reconnect' && <ReconnectForm connection={connection} onSubmit={reconnect} onCancel={() => closeFormTo(reconnectButton.current)} />}
      {panel.kind === 'remove' && <RemoveConnectionDialog connection={connection} onCancel={() => setPanel({ kind: 'none' })} onConfirm={remove} />}
    </section>
  );
}

