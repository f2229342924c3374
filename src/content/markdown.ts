/** The markdown renderer for post bodies. Bodies are markdown only: `{{ }}` and `{% %}` stay literal text. */
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";

/** markdown-it with raw HTML off (a pasted `<script>` shows as text), safe link validation on, quotes left as written. */
export function createMarkdown(): MarkdownIt {
  return new MarkdownIt({ html: false, linkify: true, typographer: false });
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
