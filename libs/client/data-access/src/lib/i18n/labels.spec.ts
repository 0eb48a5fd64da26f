import { TestBed } from '@angular/core/testing';
import { I18n } from './i18n';
import { attributeLabel, isKnownAttribute } from './labels';

describe('attributeLabel', () => {
  it('names known attributes in the UI language and shows invented ones as they are', () => {
    const i18n = TestBed.inject(I18n);
    i18n.adopt('de');
    expect(isKnownAttribute('monitor')).toBe(true);
    expect(attributeLabel(i18n, 'window')).toBe('Fensterplatz');
    expect(isKnownAttribute('Stehpult')).toBe(false);
    expect(attributeLabel(i18n, 'Stehpult')).toBe('Stehpult');
    i18n.adopt('en');
    expect(attributeLabel(i18n, 'window')).toBe('Window seat');
  });
});
