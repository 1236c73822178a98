import type { ExportedCase } from '@shared/domain/flagged';

/**
 * Offers a file the main side wrote as text: a Blob behind a temporary link with
 * `download`, so nothing navigates and no URL outlives the click.
 */
export function downloadText(file: ExportedCase): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
