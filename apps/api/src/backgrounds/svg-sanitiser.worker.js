/*
 * Sanitises uploaded SVG documents in a worker thread (see svg-sanitiser.ts for why). Plain
 * CommonJS on purpose: the worker runs as it is, from the sources under Jest and copied next to the
 * bundle in a build, and loads jsdom with Node's own require (jsdom's ESM-only dependencies are
 * out of reach of Jest's module system).
 *
 * Request: { text }. Answer: { ok: true, svg, width, height, viewBox } (the root's size attributes
 * as written) or { ok: false, message }.
 */
const { parentPort } = require('node:worker_threads');

const SVG_NS = 'http://www.w3.org/2000/svg';

/*
 * References an SVG background may keep: fragments inside the document, and embedded PNG/JPEG
 * bitmaps. Anything else would make the browser fetch something (or run something) when the plan
 * is shown, and an SVG must stay a picture.
 */
const SAFE_REF = /^\s*(#[^\s"'()\\<>]*|data:image\/(png|jpeg);base64,[a-z0-9+/=\s]*)\s*$/i;
const CSS_URL = /url\(\s*(['"]?)(.*?)\1\s*\)/gi;
// CSS that loads or runs something without a plain `url(`: imports, image-set() strings, old IE
// and Firefox hooks. A backslash is refused too: CSS escapes can spell `url(` or `@import` unseen.
const CSS_FORBIDDEN = /@import|image-set\(|expression\(|-moz-binding|behavior\s*:|javascript:|\\/i;
const MAY_REFERENCE = /url\(|\\|@import|image-set\(/i;

/** CSS (a `<style>` element or a `style`/presentation attribute) that loads nothing from outside. */
function isSafeCss(css) {
  const withoutComments = css.replace(/\/\*[\s\S]*?(\*\/|$)/g, '');
  for (const text of [css, withoutComments]) {
    if (CSS_FORBIDDEN.test(text)) return false;
    const urls = [...text.matchAll(CSS_URL)];
    if (urls.some((m) => !SAFE_REF.test(m[2]))) return false;
    // An unclosed or odd `url(` that the pattern did not pair up.
    if ((text.match(/url\(/gi) ?? []).length !== urls.length) return false;
  }
  return true;
}

let purifier = null;

/** One DOM and one DOMPurify per worker: creating them costs far more than a sanitising run. */
function instance() {
  if (purifier) return purifier;
  const { JSDOM } = require('jsdom');
  const createDOMPurify = require('dompurify');
  const dom = new JSDOM('');
  const purify = createDOMPurify(dom.window);
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName.toLowerCase();
    if (name === 'href' || name === 'xlink:href') {
      if (!SAFE_REF.test(data.attrValue)) data.keepAttr = false;
    } else if (name === 'style' || MAY_REFERENCE.test(data.attrValue)) {
      // Presentation attributes (fill, filter, clip-path, marker-*) take url() references too.
      if (!isSafeCss(data.attrValue)) data.keepAttr = false;
    }
  });
  purifier = { window: dom.window, purify };
  return purifier;
}

function sanitise(text) {
  const { window, purify } = instance();
  const doc = new window.DOMParser().parseFromString(text, 'image/svg+xml');
  const root = doc.documentElement;
  if (!root || root.localName === 'parsererror' || root.getElementsByTagName('parsererror').length) {
    return { ok: false, message: 'not well-formed XML' };
  }
  if (root.localName !== 'svg' || root.namespaceURI !== SVG_NS) {
    return { ok: false, message: 'the root element is not <svg> in the SVG namespace' };
  }
  const size = {
    width: root.getAttribute('width'),
    height: root.getAttribute('height'),
    viewBox: root.getAttribute('viewBox'),
  };

  // DOMPurify drops CDATA sections; styles are often wrapped in one, so keep their text.
  const walker = doc.createTreeWalker(root, window.NodeFilter.SHOW_CDATA_SECTION);
  const sections = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) sections.push(n);
  for (const s of sections) s.parentNode?.replaceChild(doc.createTextNode(s.nodeValue ?? ''), s);
  for (const style of [...root.getElementsByTagNameNS(SVG_NS, 'style')]) {
    if (!isSafeCss(style.textContent ?? '')) style.remove();
  }

  // In place: the XML DOM keeps the case of viewBox, linearGradient etc. (an HTML re-parse would not).
  purify.sanitize(root, {
    IN_PLACE: true,
    USE_PROFILES: { svg: true, svgFilters: true },
    // <use> is safe once its reference can only point inside the document (see the hook).
    ADD_TAGS: ['use'],
    // What a removed element contained goes with it (e.g. the text of an unknown event handler).
    KEEP_CONTENT: false,
    FORBID_TAGS: ['foreignObject', 'script', 'iframe', 'embed', 'object'],
  });
  const svg = new window.XMLSerializer().serializeToString(root);

  // What is stored must still parse as an SVG document, as the browser will read it.
  const check = new window.DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  if (!check || check.localName !== 'svg' || check.namespaceURI !== SVG_NS) {
    return { ok: false, message: 'the SVG could not be sanitised into a well-formed document' };
  }
  return { ok: true, svg: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, ...size };
}

parentPort?.on('message', (request) => {
  let answer;
  try {
    answer = sanitise(String(request.text));
  } catch (e) {
    // E.g. a document nested so deep that the DOM's recursion gives up.
    answer = { ok: false, message: `the SVG could not be read (${e instanceof Error ? e.name : 'error'})` };
  }
  parentPort?.postMessage(answer);
});
