import { SVG_MAX_DEPTH, SVG_MAX_ELEMENTS, SvgSanitiser, svgComplexity, svgSize } from './svg-sanitiser';

const NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
const sanitiser = new SvgSanitiser();
const sanitiseSvg = (svg: string) => sanitiser.sanitise(svg);

async function clean(svg: string): Promise<string> {
  const result = await sanitiseSvg(svg);
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.svg;
}

afterAll(() => sanitiser.stop());

describe('SvgSanitiser', () => {
  it('keeps drawing content, gradients and in-document references intact', async () => {
    const out = await clean(
      `<?xml version="1.0"?><svg ${NS} viewBox="0 0 200 100" width="400" height="200">` +
        `<defs><linearGradient id="g"><stop offset="0" stop-color="#eee"/></linearGradient></defs>` +
        `<rect x="0" y="0" width="200" height="100" fill="url(#g)" style="stroke:#333;stroke-width:2"/>` +
        `<path d="M0 0 L200 100"/><use xlink:href="#g"/><text x="5" y="20">Raum 2.14 &amp; Flur</text></svg>`,
    );
    expect(out).toContain('viewBox="0 0 200 100"');
    expect(out).toContain('<linearGradient id="g">');
    expect(out).toContain('fill="url(#g)"');
    expect(out).toContain('style="stroke:#333;stroke-width:2"');
    expect(out).toContain('xlink:href="#g"');
    expect(out).toContain('Raum 2.14 &amp; Flur');
  });

  it('removes scripts, event handlers and foreignObject, whatever their spelling', async () => {
    const out = await clean(
      `<svg ${NS} onload="alert(1)"><script>alert(2)</script><script xlink:href="https://evil.example/x.js"/>` +
        `<rect width="1" height="1" onclick="alert(3)" ONMOUSEOVER="alert(4)"/>` +
        `<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(5)"/></foreignObject>` +
        `<a href="javascript:alert(6)"><text>x</text></a><a xlink:href="javascript:alert(7)"><text>y</text></a>` +
        `<set attributeName="href" to="javascript:alert(8)"/><animate attributeName="href" values="javascript:alert(9)"/>` +
        `<handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">alert(10)</handler></svg>`,
    );
    expect(out).not.toMatch(
      /script|alert\(|onload|onclick|onmouseover|foreignObject|iframe|javascript|<set|<animate|handler/i,
    );
    expect(out).toContain('<text>x</text>');
  });

  it('allows only #fragments and embedded PNG/JPEG as references', async () => {
    const out = await clean(
      `<svg ${NS}><image href="https://evil.example/track.png"/><image xlink:href="file:///etc/passwd"/>` +
        `<image href="data:image/svg+xml;base64,PHN2Zy8+"/><image href="data:image/png;base64,iVBORw0KGgo="/>` +
        `<use href="other.svg#a"/><use xlink:href="#ok"/><feImage href="//evil.example/x"/>` +
        `<rect fill="url(https://evil.example/p#x)" filter="url('#f')"/><a href="https://example.com"><text>z</text></a></svg>`,
    );
    expect(out).not.toMatch(/evil|passwd|svg\+xml|other\.svg|example\.com/);
    expect(out).toContain('href="data:image/png;base64,iVBORw0KGgo="');
    expect(out).toContain('xlink:href="#ok"');
    expect(out).toContain(`filter="url('#f')"`);
  });

  it('drops <style> that imports or fetches from outside, keeps harmless styles (also in CDATA)', async () => {
    const out = await clean(
      `<svg ${NS}><style>@import url(https://evil.example/a.css);</style>` +
        `<style><![CDATA[ rect { fill: url(https://evil.example/p) } ]]></style>` +
        `<style>.w { background: image-set("https://evil.example/i.png" 1x) }</style>` +
        `<style>.e { background: \\75 rl(https://evil.example/escaped) }</style>` +
        `<style><![CDATA[ .wall { stroke: #222; fill: url(#hatch) } ]]></style>` +
        `<rect style="background:url(https://evil.example/attr)"/></svg>`,
    );
    expect(out).not.toMatch(/evil|@import|image-set/);
    expect(out).toContain('.wall { stroke: #222; fill: url(#hatch) }');
  });

  it('refuses entity declarations (XXE, billion laughs) and drops the DOCTYPE', async () => {
    const xxe = await sanitiseSvg(
      `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg ${NS}><text>&x;</text></svg>`,
    );
    expect(xxe.ok).toBe(false);
    const lol = `<!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><svg ${NS}><text>&b;</text></svg>`;
    expect((await sanitiseSvg(lol)).ok).toBe(false);
    const out = await clean(
      `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg ${NS}><rect/></svg>`,
    );
    expect(out).not.toContain('DOCTYPE');
    expect(out).not.toContain('w3.org/Graphics');
  });

  it('refuses what is not a well-formed SVG document', async () => {
    expect(await sanitiseSvg(`<svg ${NS}><rect></svg>`)).toEqual({ ok: false, message: 'not well-formed XML' });
    expect((await sanitiseSvg('<svg><rect/></svg>')).ok).toBe(false); // no SVG namespace: a browser would not draw it
    expect((await sanitiseSvg(`<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`)).ok).toBe(false);
    expect((await sanitiseSvg(`<svg ${NS}><text>&nbsp;</text></svg>`)).ok).toBe(false);
  });

  it('reads the size from width/height, units and viewBox', async () => {
    expect(await clean(`<svg ${NS} width="120" height="80"/>`)).toContain('width="120"');
    expect(await sanitiseSvg(`<svg ${NS} width="120" height="80"/>`)).toMatchObject({ width: 120, height: 80 });
    expect(await sanitiseSvg(`<svg ${NS} viewBox="0 0 1000 500"/>`)).toMatchObject({ width: 1000, height: 500 });
    expect(svgSize('100%', '100%', '0,0,40,30')).toEqual({ width: 40, height: 30 });
    expect(svgSize('80', null, '0 0 40 30')).toEqual({ width: 80, height: 60 });
    expect(svgSize('10cm', '1in', null)).toEqual({ width: 378, height: 96 });
    expect(svgSize(null, null, null)).toEqual({ width: null, height: null });
    expect(svgSize('1e12', '-5', 'nonsense')).toEqual({ width: null, height: null });
  });
});

describe('SvgSanitiser under hostile load', () => {
  it('refuses documents nested too deeply or with too many elements before parsing them', async () => {
    const deep = `<svg ${NS}>${'<g>'.repeat(SVG_MAX_DEPTH + 1)}${'</g>'.repeat(SVG_MAX_DEPTH + 1)}</svg>`;
    expect(await sanitiseSvg(deep)).toMatchObject({ ok: false, message: expect.stringContaining('too complex') });
    const many = `<svg ${NS}>${'<rect/>'.repeat(SVG_MAX_ELEMENTS)}</svg>`;
    expect(await sanitiseSvg(many)).toMatchObject({ ok: false, message: expect.stringContaining('too complex') });
  });

  it('replaces a worker that takes too long, and keeps serving afterwards', async () => {
    sanitiser.timeoutMs = 1;
    expect(await sanitiseSvg(`<svg ${NS}>${'<rect/>'.repeat(5000)}</svg>`)).toEqual({
      ok: false,
      message: 'the SVG is too complex',
    });
    sanitiser.timeoutMs = 30_000;
    expect(await clean(`<svg ${NS}><rect/></svg>`)).toContain('<rect/>');
  });
});

describe('svgComplexity', () => {
  it('counts elements and nesting, skipping comments, CDATA and quoted ">"', () => {
    const doc = `<?xml version="1.0"?><!DOCTYPE svg><svg ${NS}><!-- <g><g> --><g><text title="a > b">x</text><style><![CDATA[ <g><g> ]]></style></g><rect/></svg>`;
    expect(svgComplexity(doc)).toEqual({ elements: 5, depth: 3 });
  });
});

describe('CSS in style attributes', () => {
  it.each([
    ['fill: #fff', true],
    ['fill: url(#a); stroke: url( "#b" )', true],
    ['fill: url(data:image/png;base64,AAAA)', true],
    ['fill: url(https://evil.example/x)', false],
    ['fill: url(//evil.example/x)', false],
    ['fill: url(data:image/svg+xml;base64,AAAA)', false],
    ['fill: url(#a', false],
    ['background: \\75 rl(x)', false],
    ['background: u/**/rl(#a) url(x)', false],
    ['background: image-set("x.png" 1x)', false],
  ])('%p is kept: %p', async (css, kept) => {
    const out = await clean(`<svg ${NS}><rect style='${css}'/></svg>`);
    expect(out.includes('style=')).toBe(kept);
  });
});
