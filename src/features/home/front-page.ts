/** The front page: a lead story, a block per section, then the latest posts. Pure. */
import type { FrontPage, HomePage, Topic } from "../../posts/collections.ts";
import type { FrontPageOptions } from "../../options/types.ts";
import type { Post } from "../../posts/post.ts";

/** The home pages with the front page's blocks on the first one. */
export function withFrontPage(
  homes: HomePage[],
  posts: readonly Post[],
  sections: readonly Topic[],
  options: FrontPageOptions,
): HomePage[] {
  const [first, ...rest] = homes;
  if (!first) return homes;
  const lead = options.lead ? (posts.find((p) => p.featured) ?? posts[0]) : undefined;
  const notLead = (p: Post) => p !== lead;
  const front: FrontPage = {
    lead,
    sections:
      options.sectionPosts > 0
        ? sections.map(({ name, label, url, posts: sectionPosts }) => ({
            name,
            label,
            url,
            posts: sectionPosts.filter(notLead).slice(0, options.sectionPosts),
          }))
        : [],
    latest: first.posts.filter(notLead),
  };
  front.sections = front.sections.filter((s) => s.posts.length > 0);
  if (!front.lead && front.sections.length === 0) return homes; // nothing above the list: the plain first page
  return [{ ...first, front }, ...rest];
}

/** Every post the front page shows above its list. */
export function frontPosts(front: FrontPage | undefined): Post[] {
  return front ? [...(front.lead ? [front.lead] : []), ...front.sections.flatMap((s) => s.posts)] : [];
}
