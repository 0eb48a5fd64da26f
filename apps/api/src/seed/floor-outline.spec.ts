import { SvgSanitiser } from '../backgrounds/svg-sanitiser';
import { floorOutlineSvg } from './floor-outline';

describe('floorOutlineSvg', () => {
  const sanitiser = new SvgSanitiser();
  afterAll(() => sanitiser.stop());

  it('draws walls, rooms with a door gap and zones that the upload sanitiser accepts unchanged', async () => {
    const zone = [
      { x: 40, y: 40 },
      { x: 600, y: 40 },
      { x: 600, y: 370 },
      { x: 40, y: 370 },
    ];
    const svg = floorOutlineSvg(1200, 800, [zone], [{ x: 60, y: 450, width: 220, height: 160 }]);
    expect(svg).toContain('viewBox="0 0 1200 800"');
    expect(svg).toContain('<polygon points="40,40 600,40 600,370 40,370"');
    // The room's wall starts and ends at the door gap in its lower wall.
    expect(svg).toContain('<path d="M145 620 L50 620 L50 440 L290 440 L290 620 L195 620"');
    const result = await sanitiser.sanitise(svg);
    expect(result).toMatchObject({ ok: true, width: 1200, height: 800 });
    expect(result.ok && result.svg.match(/<(rect|polygon|path) /g)?.length).toBe(4);
  });
});
