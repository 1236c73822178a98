import { ReasonForm } from './ReasonForm';
import type { ReasonLibrary } from './useReasonLibrary';

/** Add, edit and delete the reasons the picker offers. */
export function ReasonLibraryEditor({ library }: { library: ReasonLibrary }) {
  return (
    <section className="jr-reason-editor" aria-label="Reason library" data-reason-editor="">
      {library.reasons.map((reason, index) => (
        <ReasonForm
          key={`${reason.id}|${reason.label}|${reason.text}`}
          legend={`Reason ${index + 1}`}
          initial={reason}
          submitLabel="Save"
          onSubmit={(input) => library.save({ id: reason.id, ...input })}
          onDelete={() => void library.remove(reason.id)}
        />
      ))}
      <ReasonForm key={`new-${library.reasons.length}`} legend="New reason" initial={{ label: '', text: '' }} submitLabel="Add reason" onSubmit={library.save} />
    </section>
  );
}
