import { describe, expect, it } from 'vitest';
import { MAX_WARNING_LENGTH, renderWarning, unknownPlaceholders } from './warning-template';

const values = { rule: 'No spam', community: 'Gardeners', author: 'Ann' };

describe('renderWarning', () => {
  it('fills every placeholder, with or without inner spaces, in any letter case', () => {
    expect(renderWarning('Removed in {{community}}: “{{ rule }}”. Sorry, {{Author}}.', values)).toBe('Removed in Gardeners: “No spam”. Sorry, Ann.');
  });

  it('fills the same placeholder each time it appears', () => {
    expect(renderWarning('{{rule}} / {{rule}}', values)).toBe('No spam / No spam');
  });

  it('leaves unknown placeholders and stray braces as written', () => {
    expect(renderWarning('{{ban}} {rule} {{community', values)).toBe('{{ban}} {rule} {{community');
  });

  it('never expands placeholders found inside a value', () => {
    expect(renderWarning('In {{community}}', { ...values, community: '{{rule}}' })).toBe('In {{rule}}');
  });

  it('cuts to what platforms take, without splitting an emoji', () => {
    const long = renderWarning(`${'a'.repeat(MAX_WARNING_LENGTH - 2)}😀😀 {{rule}}`, values);
    expect(long.length).toBeLessThanOrEqual(MAX_WARNING_LENGTH);
    expect(long.endsWith('…')).toBe(true);
    expect(long).not.toMatch(/[\uD800-\uDBFF]…$/);
  });
});

describe('unknownPlaceholders', () => {
  it('names the placeholders the template uses but nothing fills', () => {
    expect(unknownPlaceholders('{{rule}} {{date}} {{ Date }} {{community}}')).toEqual(['date', 'Date']);
  });
});
