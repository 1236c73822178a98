import { describe, expect, it } from 'vitest';
import { chooseVariant } from './variants';

const content = { body: 'Hello', variants: { es: 'Hola', 'pt-BR': 'Olá (BR)', pt: 'Olá', de: '  ' } };

describe('chooseVariant', () => {
  it('picks the exact language, then the primary language, then the default body', () => {
    expect(chooseVariant(content, 'pt-BR')).toEqual({ variant: 'pt-BR', template: 'Olá (BR)' });
    expect(chooseVariant(content, 'pt-br')).toEqual({ variant: 'pt-BR', template: 'Olá (BR)' });
    expect(chooseVariant(content, 'pt-PT')).toEqual({ variant: 'pt', template: 'Olá' });
    expect(chooseVariant(content, 'es-MX')).toEqual({ variant: 'es', template: 'Hola' });
    expect(chooseVariant(content, 'fr')).toEqual({ variant: 'default', template: 'Hello' });
    expect(chooseVariant(content, null)).toEqual({ variant: 'default', template: 'Hello' });
  });

  it('ignores a variant left empty', () => {
    expect(chooseVariant(content, 'de')).toEqual({ variant: 'default', template: 'Hello' });
  });
});
