import { useState } from 'react';
import type { TargetList, TargetSpec } from '@shared/domain/announcements';
import { useApi } from '../../client/ApiProvider';
import { withRule } from './targetRules';

interface Props {
  readonly targets: TargetSpec;
  readonly lists: readonly TargetList[];
  readonly onChange: (targets: TargetSpec) => void;
}

/** Saved target lists: add one to the targets, save the current rules as one, delete one. */
export function TargetLists({ targets, lists, onChange }: Props) {
  const api = useApi();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const report = (text: string, error = false) => setMessage({ text, error });
  const save = () =>
    void api.call('announcements.saveTargetList', { name: name.trim(), targets }).then((result) => {
      if (!result.ok) return report(result.error.message, true);
      setName('');
      report(`Saved the list ${result.value.name}.`);
    });
  const remove = (list: TargetList) =>
    void api.call('announcements.deleteTargetList', { id: list.id }).then((result) => {
      if (!result.ok) return report(result.error.message, true);
      setChosen('');
      report(`Deleted the list ${list.name}.`);
    });
  const selected = lists.find((list) => list.id === chosen);
  return (
    <div className="an-adders">
      <select className="mb-select" aria-label="Saved target list" value={chosen} onChange={(e) => setChosen(e.target.value)}>
        <option value="">Saved lists…</option>
        {lists.map((list) => (
          <option key={list.id} value={list.id}>
            {list.name}
          </option>
        ))}
      </select>
      <button type="button" className="mb-button" disabled={!selected} onClick={() => selected && onChange(withRule(targets, 'lists', selected.id))}>
        Add the list
      </button>
      <button type="button" className="mb-button" disabled={!selected} onClick={() => selected && remove(selected)}>
        Delete the list
      </button>
      <form
        className="an-inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() !== '') save();
        }}
      >
        <input className="an-input an-short" aria-label="Name for a new saved list" placeholder="List name" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="mb-button" disabled={name.trim() === ''}>
          Save these targets as a list
        </button>
      </form>
      {message && (
        <span role={message.error ? 'alert' : 'status'} className={message.error ? 'mb-error' : 'mb-muted'}>
          {message.text}
        </span>
      )}
    </div>
  );
}
