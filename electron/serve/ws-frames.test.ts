import { describe, expect, it } from 'vitest';
import { parseCallFrame } from './ws-frames';

describe('parseCallFrame', () => {
  it('accepts { id, name, payload } for a contract call', () => {
    expect(parseCallFrame('{"id":7,"name":"app.info","payload":{}}')).toEqual({
      ok: true,
      frame: { id: 7, name: 'app.info', payload: {} },
    });
    expect(parseCallFrame('{"id":"a-1","name":"app.info"}')).toMatchObject({ ok: true, frame: { id: 'a-1' } });
  });

  it.each(['not json', '[]', 'null', '42', '{"name":"app.info"}', '{"id":-1,"name":"app.info"}', '{"id":1.5}', `{"id":"${'x'.repeat(129)}"}`])(
    'refuses %s without an id to answer to',
    (text) => {
      expect(parseCallFrame(text)).toMatchObject({ ok: false, id: null, error: { code: 'invalid-input' } });
    },
  );

  it('answers by id when the id is usable', () => {
    expect(parseCallFrame('{"id":3,"name":5}')).toMatchObject({ ok: false, id: 3, error: { code: 'invalid-input' } });
    expect(parseCallFrame('{"id":4,"name":"nope.nothing"}')).toMatchObject({ ok: false, id: 4, error: { code: 'unknown-method' } });
    expect(parseCallFrame('{"id":5,"name":"toString"}')).toMatchObject({ ok: false, id: 5, error: { code: 'unknown-method' } });
  });
});
