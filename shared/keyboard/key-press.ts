import type { QueueKeyPress } from './queue-keys';

/** A key press with no modifier unless given: how tests (and any caller without a DOM event) name one. */
export const keyPress = (key: string, modifiers: Partial<Omit<QueueKeyPress, 'key'>> = {}): QueueKeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});
