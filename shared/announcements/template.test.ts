import { describe, expect, it } from 'vitest';
import { placeholderValues } from './community-values';
import { renderTemplate } from './template';

const community = { name: 'Bakers · Berlin', memberCount: 12400, rulesUrl: 'https://example.test/rules', language: 'en', fields: { venue: 'Hall 3' } };
const values = placeholderValues(community, ['venue', 'parking']);

describe('renderTemplate', () => {
  it('fills built-in and custom placeholders, with or without spaces inside the braces', () => {
    const out = renderTemplate('Hi {{community.name}} ({{ community.memberCount }}): {{community.rulesUrl}} at {{community.venue}}', values);
    expect(out).toEqual({ text: 'Hi Bakers · Berlin (12,400): https://example.test/rules at Hall 3', missing: [], unknown: [] });
  });

  it('reports a known placeholder without a value and keeps it in the text as written', () => {
    const noRules = placeholderValues({ ...community, rulesUrl: null }, ['venue', 'parking']);
    const out = renderTemplate('Rules: {{community.rulesUrl}}; parking {{community.parking}}', noRules);
    expect(out.text).toBe('Rules: {{community.rulesUrl}}; parking {{community.parking}}');
    expect(out.missing).toEqual(['community.rulesUrl', 'community.parking']);
    expect(out.unknown).toEqual([]);
  });

  it('reports unknown placeholders: typos, undefined fields, other namespaces', () => {
    const out = renderTemplate('{{community.nmae}} {{user.name}} {{}} {{community.name}}', values);
    expect(out.unknown).toEqual(['community.nmae', 'user.name', '']);
    expect(out.text).toBe('{{community.nmae}} {{user.name}} {{}} Bakers · Berlin');
  });

  it('inserts hostile values as plain text: no markup, no second expansion, no replacement patterns', () => {
    const hostile = placeholderValues(
      { ...community, name: '<img src=x onerror=alert(1)> \u202Egroup', fields: { venue: '{{community.name}} $& $1 $` $\'' } },
      ['venue'],
    );
    const out = renderTemplate('[{{community.name}}] [{{community.venue}}]', hostile);
    expect(out.text).toBe('[<img src=x onerror=alert(1)> \u202Egroup] [{{community.name}} $& $1 $` $\']');
    expect(out.missing).toEqual([]);
    expect(out.unknown).toEqual([]);
  });

  it('treats a value of only spaces as missing', () => {
    const blank = placeholderValues({ ...community, fields: { venue: '   ' } }, ['venue']);
    expect(renderTemplate('{{community.venue}}', blank).missing).toEqual(['community.venue']);
  });

  it('formats the member count the way the community language writes numbers', () => {
    const german = placeholderValues({ ...community, language: 'de' }, []);
    expect(renderTemplate('{{community.memberCount}}', german).text).toBe('12.400');
    const odd = placeholderValues({ ...community, language: 'not a tag!' }, []);
    expect(renderTemplate('{{community.memberCount}}', odd).text).toBe('12,400');
  });
});
