import { describe, expect, it } from 'vitest';
import { SENSITIVE_CATEGORIES, SENSITIVE_WORDS, sensitiveCategories } from './sensitive-text';

describe('sensitiveCategories', () => {
  it('finds the chosen categories whose words the text contains, as whole words ignoring case and punctuation', () => {
    expect(sensitiveCategories('I will KILL you!!', ['violence'])).toEqual(['violence']);
    expect(sensitiveCategories('Great skill, well played', ['violence'])).toEqual([]);
    expect(sensitiveCategories('Go back to where you came from.', ['hate', 'violence'])).toEqual(['hate']);
    expect(sensitiveCategories('sometimes I want to die', [...SENSITIVE_CATEGORIES])).toEqual(['self-harm']);
  });

  it('leaves out categories that were not chosen, and answers in a fixed order', () => {
    const text = 'nsfw pics and blood everywhere';
    expect(sensitiveCategories(text, [])).toEqual([]);
    expect(sensitiveCategories(text, ['hate'])).toEqual([]);
    expect(sensitiveCategories(text, ['violence', 'sexual'])).toEqual(['sexual', 'violence']);
  });

  it('matches accented and oddly spaced forms the same way the alert rules do', () => {
    expect(sensitiveCategories('Ｎｕｄｅ photos', ['sexual'])).toEqual(['sexual']);
    expect(sensitiveCategories('self—harm', ['self-harm'])).toEqual(['self-harm']);
  });

  it('stays cheap on a huge text: only its start is read', () => {
    const started = performance.now();
    expect(sensitiveCategories(`${'word '.repeat(50_000)} kill`, ['violence'])).toEqual([]);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('every category has a small, non-empty starting list', () => {
    for (const category of SENSITIVE_CATEGORIES) {
      expect(SENSITIVE_WORDS[category].length).toBeGreaterThan(3);
      expect(SENSITIVE_WORDS[category].length).toBeLessThan(40);
    }
  });
});
