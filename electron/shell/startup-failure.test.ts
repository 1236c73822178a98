import { describe, expect, it } from 'vitest';
import { startupFailureDialog } from './startup-failure';

describe('startupFailureDialog', () => {
  it('shows the services’ own message and where the data is', () => {
    const dialog = startupFailureDialog(
      new Error('This database was written by a newer Modboard (schema 9; this version knows 4). Install the newer version.'),
      '/home/me/.config/Modboard',
    );
    expect(dialog.type).toBe('error');
    expect(dialog.detail).toContain('written by a newer Modboard');
    expect(dialog.detail).toContain('/home/me/.config/Modboard');
    expect(dialog.buttons).toEqual(['Quit']);
  });

  it('copes with something thrown that is not an Error', () => {
    expect(startupFailureDialog('disk full', '/data').detail).toContain('disk full');
  });
});
