/** The sections and tags feature: each one's paginated pages, and an index of each kind. */
import type { FeatureContext } from "../../kernel/feature.ts";
import type { NewsroomOptions } from "../../options/types.ts";

/** Registers the topic pages (from `newsroom.render.topicPages`) and the section and tag indexes. */
export function registerTopics(
  options: { sections: NewsroomOptions["sections"]; tags: NewsroomOptions["tags"]; layout: string; indexLayout: string },
  context: FeatureContext,
): void {
  const { sections, tags } = options;
  if (sections.enabled || tags.enabled) {
    context.addPage("topics", options.layout, {
      pagination: { data: "newsroom.render.topicPages", size: 1, alias: "topicPage", addAllPagesToCollections: false },
      permalink: (data: { topicPage: { url: string } }) => data.topicPage.url,
    });
  }
  if (sections.enabled)
    context.addPage("section-index", options.indexLayout, { permalink: sections.index, topicIndex: { kind: "section" } });
  if (tags.enabled) context.addPage("tag-index", options.indexLayout, { permalink: tags.index, topicIndex: { kind: "tag" } });
}
