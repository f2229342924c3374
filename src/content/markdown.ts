/** The markdown renderer for post bodies. Bodies are markdown only: `{{ }}` and `{% %}` stay literal text. */
import MarkdownIt from "markdown-it";

/** markdown-it with raw HTML off (a pasted `<script>` shows as text), safe link validation on, quotes left as written. */
export function createMarkdown(): MarkdownIt {
  return new MarkdownIt({ html: false, linkify: true, typographer: false });
}
