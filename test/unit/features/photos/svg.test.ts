/**
 * #21 item 7: SVG pictures that could run a script or load from elsewhere on the site's origin are
 * refused (the usual vectors, each alone); safe drawings pass, and every SVG gets the size its page reserves.
 */
import { expect, test } from "vitest";
import { cssProblems, inspectSvg } from "../../../../src/features/photos/svg.ts";

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"';
const svg = (inner: string, attributes = `${NS} viewBox="0 0 100 50"`) => `<svg ${attributes}>${inner}</svg>`;
const problems = (text: string | Uint8Array) => inspectSvg(typeof text === "string" ? Buffer.from(text) : text).problems;

test.each([
  ["a script element", svg("<script>alert(1)</script>"), /a <script> element \(line 1\)/],
  ["a script in CDATA", svg("<script><![CDATA[alert(document.cookie)]]></script>"), /a <script> element/],
  ["an uppercase SCRIPT", svg("<SCRIPT>alert(1)</SCRIPT>"), /a <SCRIPT> element/],
  [
    "a script in another prefix of the SVG namespace",
    `<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></s:svg>`,
    /a <s:script> element/,
  ],
  ["an HTML script", svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'), /an HTML element <h:script>/],
  [
    "an HTML element by default namespace",
    svg('<div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div>'),
    /an HTML element <div>.*an event handler: the attribute onerror of <img>/,
  ],
  [
    "foreignObject with HTML",
    svg('<foreignObject width="100" height="50"><body xmlns="http://www.w3.org/1999/xhtml"><p>x</p></body></foreignObject>'),
    /a <foreignObject> element.*an HTML element <body>/,
  ],
  ["a lowercase foreignobject", svg("<foreignobject/>"), /a <foreignobject> element/],
  ["an onload attribute", svg("", `${NS} onload="alert(1)"`), /an event handler: the attribute onload of <svg>/],
  [
    "an uppercase event handler",
    svg('<rect ONCLICK="alert(1)" width="1" height="1"/>'),
    /an event handler: the attribute ONCLICK of <rect>/,
  ],
  ["an animation event", svg('<animate attributeName="x" onbegin="alert(1)"/>'), /an event handler: the attribute onbegin/],
  ["a javascript: link", svg('<a href="javascript:alert(1)"><text>x</text></a>'), /a javascript: URL in the attribute href of <a>/],
  [
    "a javascript: xlink:href hidden by character references and a tab",
    svg(`<a xlink:href="&#x6A;ava&#9;script:alert(1)"><text>x</text></a>`, `${NS} ${XLINK}`),
    /a javascript: URL in the attribute xlink:href of <a>/,
  ],
  ["a javascript: URL with leading spaces and uppercase", svg('<a href="  JavaScript:alert(1)"/>'), /a javascript: URL/],
  [
    "an external use",
    svg('<use href="https://evil.example/sprite.svg#icon"/>'),
    /a reference to another file \(https:\/\/evil\.example\/sprite\.svg#icon\) in the attribute href of <use>/,
  ],
  [
    "a use of another file of the site",
    svg('<use xlink:href="/images/other.svg#a"/>', `${NS} ${XLINK}`),
    /a reference to another file \(\/images\/other\.svg#a\)/,
  ],
  ["a reference that only looks like a fragment (a no-break space first)", svg('<use href="\u00a0#p"/>'), /a reference to another file/],
  [
    "a protocol-relative image",
    svg('<image href="//evil.example/track.png" width="1" height="1"/>'),
    /a reference to another file \(\/\/evil\.example/,
  ],
  [
    "a data: SVG with a script",
    svg('<image href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"/>'),
    /a data: URL \(data:image\/svg\+xml/,
  ],
  ["a data: HTML link", svg('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"/>'), /a data: URL \(data:text\/html/],
  ["a raster data: URL where it is not a picture", svg('<a href="data:image/png;base64,AAAA"/>'), /a data: URL/],
  [
    "an animation that sets a link's href",
    svg('<a href="#x"><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'),
    /an animation of href on <set>.*a javascript: URL in the attribute to of <set>/,
  ],
  [
    "an animation of xlink:href",
    svg('<a><animate attributeName="xlink:href" values="#a;#b"/></a>'),
    /an animation of xlink:href on <animate>/,
  ],
  ["an animation of an event handler", svg('<set attributeName="onclick" to="x"/>'), /an animation of onclick/],
  ["a style element with @import", svg("<style>@import url(https://evil.example/a.css);</style>"), /a CSS @import in a <style> element/],
  [
    "a style element with an external url()",
    svg("<style>rect { fill: url(https://evil.example/p.svg#g) }</style>"),
    /a reference to another file \(https:\/\/evil\.example\/p\.svg#g\) in CSS url\(\) in a <style> element/,
  ],
  [
    "a style in CDATA with an escaped url(",
    svg("<style><![CDATA[rect { background: \\75 rl(https://evil.example/x) }]]></style>"),
    /a reference to another file \(https:\/\/evil\.example\/x\) in CSS url\(\)/,
  ],
  ["an escaped @import", svg('<style>@\\69mport "https://evil.example/a.css";</style>'), /a CSS @import/],
  [
    "a style attribute loading a picture",
    svg("<rect style=\"background-image: url('//evil.example/x.png')\"/>"),
    /in CSS url\(\) in the attribute style of <rect>/,
  ],
  [
    "a presentation attribute pointing elsewhere",
    svg('<rect fill="url(https://evil.example/g.svg#p)" width="1" height="1"/>'),
    /in CSS url\(\) in the attribute fill of <rect>/,
  ],
  ["a CSS image-set", svg('<style>rect { background: image-set("https://evil.example/a.png" 1x) }</style>'), /a CSS image-set\(\)/],
  [
    "an xml-stylesheet instruction",
    `<?xml-stylesheet type="text/xsl" href="https://evil.example/x.xsl"?>${svg("")}`,
    /an <\?xml-stylesheet\?> instruction/,
  ],
  [
    "an entity that hides a script",
    `<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]>${svg("&x;")}`,
    /a DOCTYPE with declarations of its own/,
  ],
  [
    "an external entity",
    `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>${svg("<text>&x;</text>")}`,
    /a DOCTYPE with declarations of its own/,
  ],
  ["an xml:base", svg('<a xml:base="javascript:alert(1)//" href="#x"/>'), /an xml:base attribute on <a>/],
  ["an iframe-like element of SVG 1.2", svg('<handler type="application/ecmascript">alert(1)</handler>'), /a <handler> element/],
  [
    "a font loaded from elsewhere",
    svg('<font-face><font-face-src><font-face-uri xlink:href="https://evil.example/f.svg"/></font-face-src></font-face>', `${NS} ${XLINK}`),
    /a <font-face> element/,
  ],
])("refuses %s", (_name, text, expected) => {
  expect(problems(text).join("; ")).toMatch(expected);
});

test("refuses what a browser would not show as an SVG picture: broken XML, another root, no namespace, bytes that are not text", () => {
  expect(problems(`<svg ${NS}><rect></svg>`)).toEqual([
    expect.stringMatching(/^XML that is not well-formed \(1:\d+: unexpected close tag/),
  ]);
  expect(problems("<html><body/></html>")).toEqual([
    expect.stringMatching(/^a root element <html> in no namespace \(expected <svg xmlns="http:\/\/www\.w3\.org\/2000\/svg">\)/),
  ]);
  expect(problems("<svg><script>alert(1)</script></svg>")[0]).toMatch(/a root element <svg> in no namespace/);
  expect(problems(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toEqual(["bytes that are not UTF-8 text"]);
  expect(problems("")).toEqual([expect.stringMatching(/^XML that is not well-formed/)]);
});

test("lists every problem of a file with its line, at most ten", () => {
  const text = `<svg ${NS}>\n<script>a</script>\n<rect onclick="b"/>\n${'<use href="https://e.example/x.svg#a"/>\n'.repeat(12)}</svg>`;
  const found = problems(text);
  expect(found.slice(0, 2)).toEqual(["a <script> element (line 2)", "an event handler: the attribute onclick of <rect> (line 3)"]);
  expect(found).toHaveLength(10);
});

test("keeps safe drawings: gradients, own fragments, raster data pictures, Inkscape's namespaces, comments, an external DTD, UTF-16", () => {
  const inkscape = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg ${NS} ${XLINK} xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
  xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#" width="210mm" height="297mm" viewBox="0 0 210 297">
  <sodipodi:namedview id="base" inkscape:zoom="0.35"/>
  <metadata><rdf:RDF><cc:Work rdf:about=""><cc:license rdf:resource="http://creativecommons.org/licenses/by/4.0/"/></cc:Work></rdf:RDF></metadata>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><path id="p" d="M0 0h10"/>
    <filter id="f"><feGaussianBlur stdDeviation="2"/><feImage href="data:image/png;base64,iVBORw0KGgo="/></filter></defs>
  <style>rect { fill: url(#g); } .a { stroke: url( "#g" ) }</style>
  <rect width="10" height="10" style="fill:url(#g);filter:url(#f)" fill="url('#g')"/>
  <use xlink:href="#p"/><use href=" #p "/><a href="#p"><text><textPath href="#p">Sông Mã</textPath></text></a>
  <image width="4" height="4" xlink:href="data:image/jpeg;base64,/9j/4AAQ"/>
  <animate attributeName="opacity" values="0;1" dur="1s"/>
  <text><![CDATA[a < b & "javascript" is only text here]]> onload=</text>
</svg>`;
  expect(problems(inkscape)).toEqual([]);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(svg("<title>Ảnh</title>"), "utf16le")]);
  expect(inspectSvg(utf16)).toEqual({ problems: [], width: 100, height: 50 });
});

test("the size a page reserves: absolute width and height, else the viewBox (or its ratio with one of them)", () => {
  const size = (attributes: string) => {
    const { width, height } = inspectSvg(Buffer.from(`<svg ${NS} ${attributes}/>`));
    return [width, height];
  };
  expect(size('viewBox="0 0 1200 675"')).toEqual([1200, 675]);
  expect(size('viewBox="-10,-10, 24.4,12.2"')).toEqual([24, 12]);
  expect(size('width="640" height="360" viewBox="0 0 1200 675"')).toEqual([640, 360]);
  expect(size('width="640px" height="10.5cm"')).toEqual([640, 397]);
  expect(size('width="72pt" height="1in"')).toEqual([96, 96]);
  expect(size('width="100%" height="100%" viewBox="0 0 300 200"')).toEqual([300, 200]);
  expect(size('width="600" viewBox="0 0 300 200"')).toEqual([600, 400]);
  expect(size('height="5em" viewBox="0 0 300 200"')).toEqual([300, 200]);
  expect(size('height="100" viewBox="0 0 300 200"')).toEqual([150, 100]);
  expect(size('width="10" height="0" viewBox="0 0 0 5"')).toEqual([undefined, undefined]);
  expect(size('width="50%"')).toEqual([undefined, undefined]);
  expect(size('viewBox="0 0 0.2 0.1"')).toEqual([1, 1]);
});

test("CSS: escapes decoded as a browser's tokenizer does; fragments and raster data allowed", () => {
  expect(cssProblems("fill: url(#a); stroke: URL('#b')")).toEqual([]);
  expect(cssProblems("background: url(data:image/png;base64,AAAA)")).toEqual([]);
  expect(cssProblems("background: u\\72 l(https://e.example/x)")).toEqual([
    "a reference to another file (https://e.example/x) in CSS url()",
  ]);
  expect(cssProblems("background: url(data:image/svg+xml;utf8,<svg onload=alert(1)>)")[0]).toMatch(/^a data: URL/);
  expect(cssProblems("width: expression(alert(1))")).toEqual(["a legacy CSS script (expression, binding or behavior)"]);
  expect(cssProblems("background: -webkit-image-set('a.png' 1x)")).toEqual(["a CSS -webkit-image-set() (it may load from elsewhere)"]);
  expect(cssProblems("background-image: none; color: red")).toEqual([]);
});
