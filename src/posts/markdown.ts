/** The markdown renderer for post bodies. Bodies are markdown only: `{{ }}` and `{% %}` stay literal text. */
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";

/**
 * markdown-it with raw HTML off (a pasted `<script>` shows as text), safe link validation on,
 * quotes left as written; extended by the site's `setup` (option markdown), after which the
 * safety defaults are put back: a plugin cannot turn raw HTML on or link validation off.
 */
export function createMarkdown(settings: { setup?: ((md: MarkdownIt) => unknown) | undefined; html?: boolean } = {}): MarkdownIt {
  const md = new MarkdownIt({ html: settings.html ?? false, linkify: true, typographer: false });
  const validateLink = md.validateLink;
  if (settings.setup) {
    const returned = settings.setup(md);
    if (returned instanceof Promise) throw new Error("markdown.setup must configure markdown-it synchronously (it returned a Promise)");
  }
  md.set({ html: settings.html ?? false });
  md.validateLink = validateLink;
  return md;
}

/**
 * Renders a body, or says it is nested too deeply. markdown-it stops parsing where lists,
 * quotes or links nest past its limit (`maxNesting`, 100 levels) and drops the rest of the text
 * without a word: such a body is refused rather than published cut.
 */
export function renderMarkdown(md: MarkdownIt, body: string): { ok: true; html: string } | { ok: false; levels: number } {
  const env = {};
  const tokens = md.parse(body, env);
  // Block tokens only: inline nesting (emphasis, links) never loses text.
  const limit = (md.options as { maxNesting?: number }).maxNesting ?? 100;
  const deepest = tokens.reduce((level, token: Token) => Math.max(level, token.level), 0);
  if (deepest >= limit - 2) return { ok: false, levels: limit };
  return { ok: true, html: md.renderer.render(tokens, md.options, env) };
}
