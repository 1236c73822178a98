import { useRef, useState } from 'react';
import { ANNOUNCEMENT_STATUSES, type AnnouncementStatus } from '@shared/domain/announcements';
import { deskKeyIntent } from '@shared/keyboard/announcement-keys';
import { useApi } from '../../client/ApiProvider';
import { useWindowSource } from '../../client/useWindowSource';
import { QueueTable } from '../../ui/QueueTable';
import { SearchBox } from '../../ui/SearchBox';
import { useTableState } from '../../ui/useTableState';
import { ViewHeader } from '../../ui/ViewHeader';
import { announcementColumns } from './announcementColumns';
import { AnnouncementPane } from './AnnouncementPane';
import './announcements.css';

/**
 * The announcement desk: every announcement in a table on the left, the open one on
 * the right (a draft's editor, or a sent one's receipts).
 */
export function AnnouncementsView() {
  const api = useApi();
  const table = useTableState([{ column: 'updatedAt', desc: true }]);
  const [status, setStatus] = useState<AnnouncementStatus | ''>('');
  const [search, setSearch] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = useRef<HTMLElement>(null);
  const source = useWindowSource('announcements.window', { sort: table.sort, filters: status ? { status } : {}, search }, ['announcements']);

  const create = () =>
    void api.call('announcements.create', {}).then((result) => {
      setError(result.ok ? null : result.error.message);
      if (result.ok) setOpenId(result.value.id);
    });
  const backToList = () => {
    setOpenId(null);
    list.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
  };

  return (
    <>
      <ViewHeader title="Announcements" count={source.totalKnown ? `${source.total.toLocaleString()} announcements` : undefined}>
        <select className="mb-select" aria-label="Status" value={status} onChange={(event) => setStatus(event.target.value as AnnouncementStatus | '')}>
          <option value="">Every status</option>
          {ANNOUNCEMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <button type="button" className="mb-button mb-button--primary" onClick={create}>
          New announcement <kbd className="an-kbd">n</kbd>
        </button>
        {error && (
          <span role="alert" className="mb-error">
            {error}
          </span>
        )}
        <SearchBox label="Search announcements" onSearch={setSearch} />
      </ViewHeader>
      <div className={`an-body${openId ? '' : ' an-body--closed'}`}>
        <section ref={list} className="an-list" aria-label="Announcements list">
          <QueueTable
            table={table}
            ariaLabel="Announcements"
            columns={announcementColumns}
            getRowId={(row) => row.id}
            source={source}
            onActivate={(row) => setOpenId(row.id)}
            onKeyDown={(event) => {
              if (deskKeyIntent(event, 'list').kind !== 'new') return;
              event.preventDefault();
              create();
            }}
            emptyState="No announcements yet. Press n to write one."
          />
        </section>
        {openId && <AnnouncementPane key={openId} id={openId} onClose={backToList} onOpen={setOpenId} />}
      </div>
    </>
  );
}
