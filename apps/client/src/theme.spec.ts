/**
 * @jest-environment node
 */
import { join } from 'node:path';
import { compile } from 'sass-embedded';

/**
 * The theme's colour pairs meet WCAG AA in light, dark and high-contrast mode: 4.5:1 for text,
 * 3:1 for outlines of controls and the focus ring. Checked on the compiled global stylesheet, so
 * Material's generated tokens are checked as well as the ones set in styles.scss.
 */
type Scheme = Record<string, string>;

function luminance(hex: string): number {
  const channels = hex
    .replace('#', '')
    .match(/../g)
    ?.map((c) => parseInt(c, 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  if (!channels || channels.length !== 3) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = channels;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Custom properties of the blocks matched by `block`, split into light and dark values. */
function tokens(css: string): { light: Scheme; dark: Scheme } {
  const light: Scheme = {};
  const dark: Scheme = {};
  for (const m of css.matchAll(/(--[\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)) {
    light[m[1]] = m[2].toLowerCase();
    dark[m[1]] = m[3].toLowerCase();
  }
  for (const m of css.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)) {
    light[m[1]] = dark[m[1]] = m[2].toLowerCase();
  }
  return { light, dark };
}

const TEXT = 4.5;
const UI = 3;
const sys = (name: string) => `--mat-sys-${name}`;

/** [foreground, background, minimum ratio, what it is used for] */
const PAIRS: [string, string, number, string][] = [
  ...[
    'surface',
    'surface-container-lowest',
    'surface-container-low',
    'surface-container',
    'surface-container-high',
    'surface-container-highest',
  ].flatMap((bg): [string, string, number, string][] => [
    [sys('on-surface'), sys(bg), TEXT, 'text'],
    [sys('on-surface-variant'), sys(bg), TEXT, 'secondary text, labels, hints'],
    [sys('primary'), sys(bg), TEXT, 'links, text buttons'],
    [sys('error'), sys(bg), TEXT, 'error text'],
    [sys('outline'), sys(bg), UI, 'outlines of fields and buttons'],
    ['--fd-focus', sys(bg), UI, 'focus ring'],
  ]),
  [sys('on-primary'), sys('primary'), TEXT, 'filled buttons'],
  [sys('on-primary-container'), sys('primary-container'), TEXT, 'selected items'],
  [sys('on-secondary-container'), sys('secondary-container'), TEXT, 'tonal buttons, selected chips'],
  [sys('on-error'), sys('error'), TEXT, 'danger buttons'],
  [sys('on-error-container'), sys('error-container'), TEXT, 'error alerts'],
  [sys('inverse-on-surface'), sys('inverse-surface'), TEXT, 'snack bar text'],
  [sys('inverse-primary'), sys('inverse-surface'), TEXT, 'snack bar action'],
  ...['free', 'partial', 'booked', 'mine', 'unavailable', 'success'].flatMap(
    (state): [string, string, number, string][] => [
      [`--fd-${state}`, `--fd-${state}-bg`, TEXT, `${state} state`],
      [`--fd-${state}`, sys('surface-container-lowest'), TEXT, `${state} state on a panel`],
    ],
  ),
];

describe('theme contrast', () => {
  let base: { light: Scheme; dark: Scheme };
  let highContrast: { light: Scheme; dark: Scheme };

  beforeAll(() => {
    const { css } = compile(join(__dirname, 'styles.scss'), { loadPaths: [join(__dirname, '../../../node_modules')] });
    const media = css.indexOf('@media (prefers-contrast: more)');
    expect(media).toBeGreaterThan(0);
    const end = css.indexOf('\n}', media);
    base = tokens(css.slice(0, media));
    const overrides = tokens(css.slice(media, end));
    highContrast = {
      light: { ...base.light, ...overrides.light },
      dark: { ...base.dark, ...overrides.dark },
    };
  }, 60_000);

  const schemes = () =>
    [
      ['light', base.light],
      ['dark', base.dark],
      ['light, more contrast', highContrast.light],
      ['dark, more contrast', highContrast.dark],
    ] as const;

  it('defines every colour it checks, in every scheme', () => {
    for (const [name, scheme] of schemes()) {
      const missing = PAIRS.flatMap(([fg, bg]) => [fg, bg]).filter((t) => !scheme[t]);
      expect([name, [...new Set(missing)]]).toEqual([name, []]);
    }
  });

  it('meets WCAG AA for every pair, in every scheme', () => {
    const failures: string[] = [];
    for (const [name, scheme] of schemes()) {
      for (const [fg, bg, min, use] of PAIRS) {
        const ratio = contrast(scheme[fg], scheme[bg]);
        if (ratio < min) failures.push(`${name}: ${fg} on ${bg} (${use}) ${ratio.toFixed(2)} < ${min}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('raises contrast when asked to', () => {
    for (const mode of ['light', 'dark'] as const) {
      const text = (s: Scheme) => contrast(s[sys('on-surface-variant')], s[sys('surface')]);
      expect(text(highContrast[mode])).toBeGreaterThan(text(base[mode]));
      expect(text(highContrast[mode])).toBeGreaterThanOrEqual(7);
    }
  });
});
