/**
 * The only two IPC channels between the Electron renderer and main. Every contract call
 * travels on the first and every contract event on the second, so main checks one
 * handler and the preload exposes no channel names at all.
 */
export const CALL_CHANNEL = 'modboard:call';
export const EVENT_CHANNEL = 'modboard:event';
