/**
 * SVG pictures of posts: whether a file is safe to serve from the site's origin, and the size the
 * page reserves for it.
 *
 * An SVG opened by its own URL is a document of the site: a script in it runs on the site's origin
 * (the origin of the web editor at `/admin/`). Shown through `<img>`, as the pages show pictures, an
 * SVG can neither run scripts nor load anything from elsewhere, so a picture loses nothing when such
 * content is refused. The file is parsed by saxes, a strict XML 1.0 parser with namespaces (jsdom's),
 * as a browser parses `image/svg+xml`; then every element, attribute, processing instruction and
 * stylesheet is held against these rules:
 *   - elements in the SVG namespace: only the drawing, text, paint, filter and animation elements
 *     (no `<script>`, `<foreignObject>`, `<handler>`, `<font-face>`, `<cursor>`…; names are
 *     case-sensitive, so `<SCRIPT>` is refused too); elements of HTML or MathML refused; other
 *     namespaces (Inkscape's, RDF metadata) are inert and kept;
 *   - no event handler (`on…`, any case), no `xml:base`, no animation of `href` or of a handler;
 *   - references (`href`, `xlink:href`, CSS `url()`) only to the file's own fragments (`#id`), or,
 *     for pictures inside it, to raster `data:image/…` URLs: no other file, origin, `javascript:` or
 *     other `data:` URL; no CSS `@import` or image functions (CSS escapes decoded first);
 *   - no `<?xml-stylesheet?>` and no DOCTYPE with declarations of its own (entities can hide markup).
 */
import { SaxesParser, type SaxesTagNS } from "saxes";

export interface SvgReport {
  /** What the file may not contain or is not, one description each (with its line); empty when it is a safe SVG. */
  problems: string[];
  /** The size, in CSS pixels, the page reserves: from the root's `width`/`height`, else its `viewBox`. */
  width?: number;
  height?: number;
}

const SVG_NS = "http://www.w3.org/2000/svg";
const FOREIGN_NS: Record<string, string> = {
  "http://www.w3.org/1999/xhtml": "an HTML element",
  "http://www.w3.org/1998/Math/MathML": "a MathML element",
};
/** SVG elements that draw, paint, filter, animate or describe, and can do nothing else. */
const ALLOWED = new Set(
  (
    "svg g defs symbol use switch view a title desc metadata style image " +
    "path rect circle ellipse line polyline polygon text tspan textPath tref " +
    "altGlyph altGlyphDef altGlyphItem glyph glyphRef missing-glyph font hkern vkern " +
    "linearGradient radialGradient stop pattern clipPath mask marker filter " +
    "animate animateColor animateMotion animateTransform set mpath " +
    "feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting " +
    "feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR " +
    "feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset fePointLight " +
    "feSpecularLighting feSpotLight feTile feTurbulence"
  ).split(" "),
);
const ANIMATIONS = new Set(["animate", "animateColor", "animateMotion", "animateTransform", "set"]);
/** Elements whose `href` may be a raster picture as a `data:` URL. */
const PICTURES = new Set(["image", "feImage"]);
const RASTER_DATA = /^data:image\/(?:png|jpe?g|gif|webp|avif)[;,]/i;
/** CSS pixels per unit of an absolute length. */
const UNITS: Record<string, number> = { "": 1, px: 1, pt: 4 / 3, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, q: 96 / 101.6 };
const MAX_PROBLEMS = 10;

/** Checks an SVG file's bytes (UTF-8 or UTF-16 with its byte order mark). */
export function inspectSvg(bytes: Uint8Array): SvgReport {
  let text: string;
  try {
    text = new TextDecoder(utf16(bytes) ?? "utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { problems: ["bytes that are not UTF-8 text"] };
  }
  const problems: string[] = [];
  const report: SvgReport = { problems };
  const parser = new SaxesParser({ xmlns: true, position: true });
  const at = () => ` (line ${parser.line})`;
  const found = (what: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(what + at());
  };
  let root = true;
  let style: string[] | undefined;

  parser.on("doctype", (doctype) => {
    if (doctype.includes("[")) found("a DOCTYPE with declarations of its own (entities can hide markup)");
  });
  parser.on("processinginstruction", ({ target }) => {
    if (target.toLowerCase() === "xml-stylesheet") found("an <?xml-stylesheet?> instruction (a stylesheet or XSLT from elsewhere)");
  });
  parser.on("opentag", (tag) => {
    if (root) {
      root = false;
      if (tag.uri !== SVG_NS || tag.local !== "svg")
        found(`a root element <${tag.name}> in ${tag.uri ? `namespace ${tag.uri}` : "no namespace"} (expected <svg xmlns="${SVG_NS}">)`);
      else Object.assign(report, size(tag));
    }
    checkElement(tag, found);
    if (tag.uri === SVG_NS && tag.local === "style") style = [];
  });
  const styleText = (chunk: string) => style?.push(chunk);
  parser.on("text", styleText);
  parser.on("cdata", styleText);
  parser.on("closetag", (tag) => {
    if (style && tag.uri === SVG_NS && tag.local === "style") {
      for (const problem of cssProblems(style.join(""))) found(`${problem} in a <style> element`);
      style = undefined;
    }
  });
  try {
    parser.write(text).close();
  } catch (error) {
    return { problems: [...problems, `XML that is not well-formed (${(error as Error).message.replace(/\.$/, "")})`] };
  }
  if (root) problems.push("no element at all (expected <svg>)");
  return report;
}

function checkElement(tag: SaxesTagNS, found: (what: string) => void): void {
  const { local, uri, name } = tag;
  if (FOREIGN_NS[uri]) found(`${FOREIGN_NS[uri]} <${name}>`);
  else if (/^(?:script|foreignobject)$/i.test(local) || (uri === SVG_NS && !ALLOWED.has(local))) found(`a <${name}> element`);
  const animation = uri === SVG_NS && ANIMATIONS.has(local);
  for (const attribute of Object.values(tag.attributes)) {
    const { value, prefix } = attribute;
    const attributeLocal = attribute.local;
    if (prefix === "xmlns" || attribute.name === "xmlns") continue;
    const what = `the attribute ${attribute.name} of <${name}>`;
    if (/^on/i.test(attributeLocal)) found(`an event handler: ${what}`);
    else if (attribute.name === "xml:base") found(`an xml:base attribute on <${name}> (it changes where references point)`);
    else if (attributeLocal.toLowerCase() === "href") {
      const problem = referenceProblem(value, PICTURES.has(local) && uri === SVG_NS);
      if (problem) found(`${problem} in ${what}`);
    } else if (/javascript:/i.test(value.replace(/\s/g, ""))) found(`a javascript: URL in ${what}`);
    else for (const problem of cssProblems(value)) found(`${problem} in ${what}`);
    if (animation && attributeLocal === "attributeName" && /^(?:[^:]*:)?(?:href$|on)/i.test(value.trim())) {
      found(`an animation of ${value.trim()} on <${name}>`);
    }
  }
}

/** Why a reference may not stay, or undefined: only the file's own fragments and (for pictures) raster data. */
function referenceProblem(value: string, rasterData: boolean): string | undefined {
  // As URL parsers read it: tabs and newlines anywhere, and spaces around it, do not count (XML allows no other controls).
  const url = value.replace(/[\t\n\r]/g, "").replace(/^ +| +$/g, "");
  if (url === "" || url.startsWith("#")) return undefined;
  if (/^javascript:/i.test(url)) return "a javascript: URL";
  if (/^data:/i.test(url)) return rasterData && RASTER_DATA.test(url) ? undefined : `a data: URL (${shorten(url, 30)})`;
  return `a reference to another file (${shorten(url, 60)})`;
}

/** What a stylesheet or a presentation attribute may not do: load from elsewhere, or script (its escapes decoded first). */
export function cssProblems(css: string): string[] {
  if (!/[\\@(:]/.test(css)) return [];
  const text = decodeCssEscapes(css);
  const problems: string[] = [];
  if (/@import/i.test(text)) problems.push("a CSS @import");
  for (const match of text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))/gi)) {
    const problem = referenceProblem(match[1] ?? match[2] ?? match[3] ?? "", true);
    if (problem) problems.push(`${problem} in CSS url()`);
  }
  for (const match of text.matchAll(/(?<![\w-])((?:-webkit-)?(?:image-set|image|cross-fade|element))\(/gi)) {
    problems.push(`a CSS ${match[1]!.toLowerCase()}() (it may load from elsewhere)`);
  }
  if (/expression\(|-moz-binding|behavior\s*:/i.test(text)) problems.push("a legacy CSS script (expression, binding or behavior)");
  return problems;
}

/** CSS escapes as a browser's tokenizer reads them (`\75 rl(` is `url(`); an escaped newline is dropped. */
function decodeCssEscapes(css: string): string {
  return css.replace(
    /\\(?:([0-9a-fA-F]{1,6})(?:\r\n|[ \t\n\r\f])?|(\r\n|[\n\r\f])|([\s\S]))/g,
    (_all, hex?: string, newline?: string, char?: string) => {
      if (newline !== undefined) return "";
      if (char !== undefined) return char;
      const code = Number.parseInt(hex!, 16);
      return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? "\ufffd" : String.fromCodePoint(code);
    },
  );
}

/** The root's size in CSS pixels: absolute `width` and `height`, one of them and the viewBox's ratio, or the viewBox. */
function size(tag: SaxesTagNS): { width?: number; height?: number } {
  const attribute = (name: string) => tag.attributes[name]?.value;
  const viewBox = attribute("viewBox")
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  const box =
    viewBox?.length === 4 && viewBox.every(Number.isFinite) && viewBox[2]! > 0 && viewBox[3]! > 0
      ? { width: viewBox[2]!, height: viewBox[3]! }
      : undefined;
  const width = length(attribute("width"));
  const height = length(attribute("height"));
  if (width && height) return pixels(width, height);
  if (box && width) return pixels(width, (width * box.height) / box.width);
  if (box && height) return pixels((height * box.width) / box.height, height);
  return box ? pixels(box.width, box.height) : {};
}

/** An absolute length in CSS pixels; undefined for a percentage, em, ex or anything else. */
function length(value: string | undefined): number | undefined {
  const match = value?.trim().match(/^\+?((?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(px|pt|pc|in|cm|mm|q)?$/i);
  if (!match) return undefined;
  const result = Number(match[1]) * UNITS[(match[2] ?? "").toLowerCase()]!;
  return result > 0 && Number.isFinite(result) ? result : undefined;
}

function pixels(width: number, height: number): { width: number; height: number } {
  return { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
}

function utf16(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
