import { gif, jpeg, png } from '../../test/support/images';
import { inspectBackground as inspect, svgText } from './background-image';
import { SvgSanitiser } from './svg-sanitiser';

const sanitiser = new SvgSanitiser();
const inspectBackground = (bytes: Buffer) => inspect(bytes, sanitiser);
afterAll(() => sanitiser.stop());

describe('inspectBackground', () => {
  it('recognises PNG by its signature and reads the size from IHDR', async () => {
    const result = await inspectBackground(png(64, 32));
    expect(result).toMatchObject({ ok: true, contentType: 'image/png', width: 64, height: 32 });
  });

  it('refuses a truncated or damaged PNG', async () => {
    const good = png(8, 8);
    expect(await inspectBackground(good.subarray(0, good.length - 6))).toMatchObject({ ok: false, reason: 'invalid' });
    const damaged = Buffer.from(good);
    damaged[20] ^= 0xff; // inside IHDR: its CRC no longer matches
    expect(await inspectBackground(damaged)).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: 'PNG chunk IHDR is damaged',
    });
  });

  it('recognises JPEG and reads the size from the frame header', async () => {
    expect(await inspectBackground(jpeg())).toMatchObject({ ok: true, contentType: 'image/jpeg', width: 3, height: 2 });
    expect(await inspectBackground(jpeg().subarray(0, 40))).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('sanitises an SVG and returns its new bytes', async () => {
    const svg = Buffer.from(
      '\ufeff<?xml version="1.0"?>\n<!-- plan --><svg xmlns="http://www.w3.org/2000/svg" width="10" height="5" onload="x()"/>',
    );
    const result = await inspectBackground(svg);
    expect(result).toMatchObject({ ok: true, contentType: 'image/svg+xml', width: 10, height: 5 });
    expect(result.ok && result.bytes.toString('utf8')).not.toContain('onload');
  });

  it('calls other formats unsupported, whatever their name would say', async () => {
    expect(await inspectBackground(gif())).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(await inspectBackground(Buffer.from('just some text, saved as plan.png'))).toMatchObject({
      ok: false,
      reason: 'unsupported',
    });
    expect(await inspectBackground(Buffer.from('<html><body><svg></svg></body></html>'))).toMatchObject({
      ok: false,
      reason: 'unsupported',
    });
    expect(await inspectBackground(Buffer.from([0xff, 0xfe, 0x3c, 0x00]))).toMatchObject({
      ok: false,
      reason: 'unsupported',
    });
  });

  it('calls an SVG that is not well-formed invalid rather than unsupported', async () => {
    expect(await inspectBackground(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>'))).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });
});

describe('svgText', () => {
  it('skips the XML declaration, comments and a DOCTYPE before the root', async () => {
    const doc =
      '<?xml version="1.0"?>\n<!-- a --><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>';
    expect(svgText(Buffer.from(doc))).toBe(doc);
    expect(svgText(Buffer.from('<svgfoo/>'))).toBeNull();
  });
});
