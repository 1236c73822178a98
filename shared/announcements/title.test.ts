import { describe, expect, it } from 'vitest';
import { displayTitle } from './title';

describe('displayTitle', () => {
  it('uses the title, else the first non-empty line of the text', () => {
    expect(displayTitle('Spring meetup', 'Hello')).toBe('Spring meetup');
    expect(displayTitle(' ', '\n  \nHello {{community.name}}\nmore')).toBe('Hello {{community.name}}');
    expect(displayTitle('', '')).toBe('Untitled announcement');
  });
});
