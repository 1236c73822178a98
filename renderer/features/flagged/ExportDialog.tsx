import { useState } from 'react';
import { useApi } from '../../client/ApiProvider';
import { OptionPicker } from '../../ui/queue/pickers/OptionPicker';
import { downloadText } from './downloadText';

const FORMATS = [
  { id: 'json', label: 'JSON', detail: 'every snapshot whole, with its hash and whether it still verifies', value: 'json' as const },
  { id: 'csv', label: 'CSV', detail: 'a line per message and report, for a spreadsheet', value: 'csv' as const },
];

/** `e`: the focused case with its evidence, for an appeal or a platform's trust team. */
export function ExportDialog({ flagId, onClose }: { flagId: string; onClose: () => void }) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const exportAs = (format: 'json' | 'csv') =>
    void api.call('flagged.export', { flagId, format }).then((result) => {
      if (!result.ok) {
        setError(`Could not export the case: ${result.error.message}`);
        return;
      }
      downloadText(result.value);
      onClose();
    });
  return (
    <OptionPicker title="Export this case with its evidence" legend="Format" options={FORMATS} confirmLabel="Download" onChoose={exportAs} onCancel={onClose}>
      {() =>
        error && (
          <p role="alert" className="mb-error">
            {error}
          </p>
        )
      }
    </OptionPicker>
  );
}
