import type { EventName, EventPayload } from '@shared/contract';
import type { EventListener } from '../app/host';

/** Fans contract events out to the transports (Electron IPC, WebSocket). */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const listener of this.listeners) listener(name, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
