import { describe, expect, it } from 'vitest';
import { MAX_MATCHED_LENGTH, SENSITIVE_CATEGORIES, SENSITIVE_WORDS, sensitiveCategories } from './sensitive-text';

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
    // Checked by behaviour, not by the clock (speed targets live in test/bench): a word
    // past MAX_MATCHED_LENGTH is never seen, one inside it still is.
    const filler = 'word '.repeat(50_000);
    expect(filler.length).toBeGreaterThan(MAX_MATCHED_LENGTH);
    expect(sensitiveCategories(`${filler} kill`, ['violence'])).toEqual([]);
    expect(sensitiveCategories(`kill ${filler}`, ['violence'])).toEqual(['violence']);
  });

  it('every category has a small, non-empty starting list', () => {
    for (const category of SENSITIVE_CATEGORIES) {
      expect(SENSITIVE_WORDS[category].length).toBeGreaterThan(3);
      expect(SENSITIVE_WORDS[category].length).toBeLessThan(40);
    }
  });
});
