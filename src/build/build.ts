/**
 * One Eleventy build, in two steps that read top to bottom:
 *   before(): read the posts, keep the published ones, plan the pages, start the search index;
 *   after():  finish the search index, write the service worker, log the summary.
 * One `NewsroomBuild` lives as long as the plugin: the dev server runs it again at each rebuild.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Logger } from "../kernel/log.ts";
import type { EleventyEventArgs } from "../kernel/eleventy.ts";
import type { NewsroomOptions } from "../options/index.ts";
import { publishedPosts } from "../posts/collections.ts";
import { PostLoader } from "../posts/load-posts.ts";
import type { Post } from "../posts/post.ts";
import { withRelated } from "../features/articles/related.ts";
import { withTopicNames } from "../features/topics/topics.ts";
import { checkPageUrls } from "../render/url-collisions.ts";
import { ResponsiveImages } from "../features/photos/images.ts";
import { pageUrls, RenderPlanner } from "../render/render-plan.ts";
import { OutputFolders, outputFile, RemovalWatcher, removePages } from "./dev-rebuilds.ts";
import { type NewsroomData, siteData, topicSettings } from "../render/site-data.ts";
import { IndexCache } from "../features/search/cache.ts";
import { type IndexSummary, SearchIndexer } from "../features/search/indexer.ts";
import { generatedPagePatterns, writeServiceWorker } from "../features/offline/service-worker.ts";
import { canaryKey, pageKeys } from "../render/page-keys.ts";
import { globalKey, scanSiteTemplates } from "./global-key.ts";
import { type Canary, PageStore } from "./page-store.ts";
import { PostCache } from "./post-cache.ts";

export interface BuildSettings {
  options: NewsroomOptions;
  projectRoot: string;
  inputDir: string;
  postsDir: string;
  /** The date as search results show it. */
  displayDate: (post: Post) => string;
  /** Adds the deploy path prefix to a site path. */
  prefix: (url: string) => string;
  /** Where the build's summary and warnings go (this Eleventy configuration's logger). */
  log: Logger;
}

export class NewsroomBuild {
  /** What templates see as `newsroom`: one object, refilled at each build. */
  readonly data: NewsroomData;
  readonly #settings: BuildSettings;
  readonly #planner = new RenderPlanner();
  /** The dev server's watcher of removed posts (Eleventy 3's own watcher ignores removals). */
  readonly removals: RemovalWatcher;
  readonly #outputFolders = new OutputFolders();
  readonly #indexer: SearchIndexer;
  readonly #indexCache: IndexCache | undefined;
  /** Responsive photos (undefined when option images is off). */
  readonly images: ResponsiveImages | undefined;
  #loader: PostLoader | undefined;
  #started = 0;
  #devServer = false;
  #unpublished = 0;
  #outputDir = "";
  /** The page store of an incremental `newsroom build` (undefined: every page is rendered). */
  #store: { store: PageStore; dir: string; full: boolean; output: string } | undefined;
  /**
   * This build's use of the store: why everything is rendered, the canaries, the pages
   * rendered from the plan's lists, whether the post cache served.
   */
  #storeBuild: { fullBecause: string | undefined; canaries: Canary[]; rendered: Set<string>; postsCached: boolean } | undefined;
  /** How long this build's related lists took (they are in the summary: their cost grows with the archive). */
  #relatedSeconds = 0;

  constructor(settings: BuildSettings) {
    this.#settings = settings;
    this.#indexer = new SearchIndexer(settings.log);
    this.data = siteData(settings.options, []);
    // The output folder may lie in the posts folder (postsDir "."): its pages are not posts.
    this.removals = new RemovalWatcher(
      settings.postsDir,
      settings.log,
      (file) => this.#outputDir !== "" && isInside(file, this.#outputDir),
    );
    const cache = settings.options.search.cache;
    this.#indexCache = cache ? new IndexCache(path.resolve(settings.projectRoot, cache)) : undefined;
    const images = settings.options.images;
    this.images = images.enabled
      ? new ResponsiveImages({
          inputDir: settings.inputDir,
          cacheDir: path.resolve(settings.projectRoot, images.cache),
          url: images.url,
          widths: images.widths,
          formats: images.formats,
          prefix: settings.prefix,
          log: settings.log,
        })
      : undefined;
  }

  /**
   * `newsroom build`: reuse the pages whose inputs did not change from the page store in `dir`
   * (`full`: render everything, and store it). `output` is the output folder the build replaces.
   * Production builds only: the dev server plans its own rebuilds.
   */
  usePageStore(settings: { dir: string; full: boolean; output: string }): void {
    this.#store = { store: new PageStore(settings.dir), ...settings };
  }

  /** `newsroom build` failed: stops the work still going on beside Eleventy in its output folder, and waits for it. */
  async abandon(): Promise<void> {
    await this.#store?.store.stopStaging();
  }

  /** The dev server's watcher saw these files change (before the rebuild). */
  filesChanged(files: readonly string[]): void {
    this.#planner.filesChanged(files);
  }

  async before({ runMode, directories }: EleventyEventArgs): Promise<void> {
    const { options } = this.#settings;
    this.#started = performance.now();
    this.#devServer = runMode !== "build";
    this.#outputDir = path.resolve(directories.output);
    this.removals.buildStarted(this.#devServer);

    // An incremental `newsroom build` takes the posts whose files did not change from the post cache.
    const store = this.#store && !this.#devServer ? this.#store : undefined;
    const global = store && this.#globalKey(store, directories);
    // The stored pages linked into the output on a thread of their own while the posts are read and the lists made.
    if (store && global && !store.full) store.store.stage(global, this.#outputDir);
    const postCache = store && global ? new PostCache(store.dir, global) : undefined;
    const cached = postCache && store && !store.full ? postCache.read((read) => this.#postLoader().remember(read)) : false;
    const all = await this.#postLoader().load();
    // Kept for the next build as soon as they are read (they hold whether or not this build succeeds), before
    // Eleventy holds every page: at 100,000 posts the cache is 750 MB.
    if (postCache && store) this.#keepPosts(postCache, store.dir, cached);
    const includeUnpublished = options.drafts === "auto" ? this.#devServer : options.drafts;
    const listed = withTopicNames(publishedPosts(all, { now: options.now ?? new Date(), includeUnpublished }), options.sections.categories);
    // Checks every picture whole (a missing, damaged or unsafe one stops the build naming its posts) and starts encoding the photos.
    if (this.images) await this.images.prepare(listed, this.#outputDir);
    // A production build indexes beside the rest of the build and Eleventy's rendering (finished, and its errors raised,
    // in after()): a post's record needs neither its related lists nor its pictures' markup. The dev server starts it
    // once the pages are written, so as not to delay them.
    if (options.search.enabled && !this.#devServer) {
      this.#startIndex(listed, directories.output);
      await this.#indexer.underway; // the indexing thread under way before the long synchronous steps below
    }
    const relatedStart = performance.now();
    let published = withRelated(listed, options.related);
    this.#relatedSeconds = (performance.now() - relatedStart) / 1000;
    if (this.images) published = this.images.withPictures(published);
    this.#unpublished = all.length - published.length;

    Object.assign(this.data, siteData(options, published, { devServer: this.#devServer }));
    checkPageUrls(options, this.data); // two pages on one URL: stop now, naming their posts and options
    // An edit in place rewrites only the pages showing the post: that needs the other pages on
    // disk. If the output folder was deleted meanwhile (the day index, always written, is gone),
    // everything is written again.
    const outputIntact = existsSync(path.join(directories.output, this.data.urls.dayIndex));
    if (this.#devServer && !outputIntact) this.#outputFolders.restore(); // Eleventy would not make them again
    this.data.render = this.#planner.plan(all, published, this.data.render, this.#devServer && outputIntact);
    this.#storeBuild = undefined;
    if (store && global) {
      await store.store.statsStaged();
      this.#planFromStore(store, { global, directories, postsCached: cached });
    }
  }

  async after({ directories, results }: EleventyEventArgs): Promise<void> {
    const { options, log } = this.#settings;
    const stale = this.#planner.finished();
    const summary = this.#summary();
    const outputDir = path.resolve(directories.output); // now: the dev server's index is written later
    if (this.#devServer) {
      const written = (results ?? []).flatMap(({ outputPath }) => (outputPath ? [path.resolve(outputPath)] : []));
      this.#outputFolders.wrote(written);
      // Eleventy never deletes output, and the dev server serves what is on disk: the pages of
      // removed posts (and of periods, sections and tags left empty) go, unless a page of this build took their place.
      const removed = stale.length > 0 ? removePages(outputDir, stale, new Set(written), this.#settings.log) : 0;
      if (removed > 0) summary.parts.push(`${count(removed)} outdated pages deleted`);
    }
    const storeBuild = this.#storeBuild;
    if (this.#store && storeBuild && !this.#devServer) {
      // Before the service worker lists the output: the reused pages are part of it.
      await this.#store.store.linkInto(outputDir);
    }
    const photos = this.images ? await this.images.publish() : undefined;
    if (photos?.files) summary.parts.push(`${count(photos.files)} photo renditions`);

    if (this.#devServer) {
      if (!options.search.enabled) return log.info(summary.line());
      log.info(`${summary.line()}; search index building`);
      // After Eleventy has finished (and told the browser to reload): the index follows on its own.
      setImmediate(() => {
        this.#startIndex(this.data.posts, outputDir);
        this.#indexer.finish().then(
          (index) => log.info(describeIndex(index)),
          (error: Error) => log.warn(error.message),
        );
      });
      return;
    }

    const index = options.search.enabled ? await this.#indexer.finish() : undefined;
    if (options.search.enabled) summary.parts.push(describeIndex(index));
    if (this.data.urls.serviceWorker) {
      // After the index: the worker lists (and fingerprints) the index's files.
      const worker = await writeServiceWorker(
        {
          outputDir,
          options: options.offline,
          prefix: this.#settings.prefix,
          search: index ? { bundle: this.data.urls.bundle, bytes: index.bytes } : undefined,
          warmPages: ["/", this.data.urls.search, this.data.urls.archiveIndex].filter((url) => url !== ""),
          files: [this.data.urls.dayIndex],
          generated: generatedPagePatterns(options),
          bypass: options.cms.enabled ? [options.cms.path] : [],
        },
        log,
      );
      summary.parts.push(
        `offline: ${count(worker.files)} files, ${megabytes(worker.bytes)}${worker.fullIndex ? " (whole search index)" : ""}`,
      );
    }
    if (this.#store && storeBuild) {
      // Last, once everything else is written: a canary that fires throws (the command builds again, in full); a
      // build that failed before this point leaves the store as it was.
      this.#store.store.checkCanaries(outputDir, storeBuild.canaries);
      const contents = new Map((results ?? []).flatMap((r) => (r.outputPath ? [[path.resolve(r.outputPath), r.content] as const] : [])));
      const rendered = new Map<string, string | Uint8Array | undefined>();
      for (const url of storeBuild.rendered) {
        const content = contents.get(outputFile(outputDir, url) ?? "");
        rendered.set(url, typeof content === "string" || content instanceof Uint8Array ? content : undefined);
      }
      await this.#store.store.save(outputDir, rendered, storeBuild.canaries);
    }
    log.info(summary.line());
  }

  /** Writes the post cache's segments whose posts changed. A failure (a full disk) costs the next build time, not this one its site. */
  #keepPosts(cache: PostCache, dir: string, fromCache: boolean): void {
    try {
      // readPosts() walks every post: only when the cache is out of date (most deploys change a post or two).
      if (this.#postLoader().changed || !fromCache) cache.write(this.#postLoader().readPosts());
    } catch (error) {
      this.#settings.log.warn(
        `could not keep the posts for the next build in ${path.relative(process.cwd(), dir) || "."} (${(error as Error).message}): it will read every post again`,
      );
    }
  }

  /** What every page and post of an incremental build depends on besides its own file (global-key.ts). */
  #globalKey(store: { output: string }, directories: EleventyEventArgs["directories"]): string {
    const { options, projectRoot, postsDir, prefix } = this.#settings;
    const caches = [options.search.cache, options.images.cache].flatMap((c) => (c ? [path.resolve(projectRoot, c)] : []));
    return globalKey({
      options,
      pathPrefix: prefix("/"),
      projectRoot,
      directories,
      skip: [postsDir, this.#outputDir, path.resolve(store.output), ...caches],
    });
  }

  /** An incremental build: the pages whose keys the store holds, with their files intact, leave the plan's lists. */
  #planFromStore(
    store: { store: PageStore; full: boolean },
    { global, directories, postsCached }: { global: string; directories: EleventyEventArgs["directories"]; postsCached: boolean },
  ): void {
    const { options, projectRoot } = this.#settings;
    const keys = pageKeys(this.data, { pictureKey: (src) => this.images?.pictureKey(src) ?? "" });
    const { layouts } = options;
    const refusals = scanSiteTemplates(directories, [layouts.article, layouts.home, layouts.archive, layouts.topic]);
    const refusal = refusals[0]
      ? `${path.relative(projectRoot, refusals[0].file)}:${refusals[0].line} reads ${refusals[0].read}, which Newsroom cannot fingerprint${refusals.length > 1 ? ` (and ${refusals.length - 1} more)` : ""}`
      : undefined;
    const { plan, fullBecause } = store.store.plan(this.data.render, keys, global, { full: store.full, refusal });
    this.data.render = plan;
    const canaryUrls = [options.notFoundPage || "", options.offline.enabled ? options.offline.page : ""].filter((url) => url !== "");
    this.#storeBuild = {
      fullBecause,
      canaries: canaryUrls.map((url) => ({ url, key: canaryKey(this.data, url) })),
      rendered: pageUrls(plan),
      postsCached,
    };
  }

  /**
   * The post whose article page is (or would be, for its folder) at `file`, a path from the
   * working folder: a file-system error while Eleventy writes can then name the post.
   */
  postWrittenTo(file: string): Post | undefined {
    const relative = path.relative(this.#outputDir, path.resolve(file)).split(path.sep).join("/");
    return this.data.posts.find((post) => {
      const page = post.url.replace(/^\//, "");
      return relative === (page.endsWith("/") || page === "" ? `${page}index.html` : page) || `${relative}/` === page;
    });
  }

  #postLoader(): PostLoader {
    const { options, postsDir, projectRoot, inputDir, log } = this.#settings;
    this.#loader ??= new PostLoader({
      postsDir,
      projectRoot,
      inputDir,
      timeZone: options.timeZone,
      permalink: options.permalink,
      archives: options.archives,
      excerptLength: options.excerptLength,
      dateRange: { ...options.dateRange, now: options.now ?? new Date() },
      topics: topicSettings(options),
      markdown: options.markdown,
      outputDir: this.#outputDir,
      log,
    });
    return this.#loader;
  }

  #startIndex(posts: readonly Post[], outputDir: string): void {
    const { options, displayDate } = this.#settings;
    this.#indexer.start(posts, {
      outputDir: path.resolve(outputDir),
      language: options.site.language.split("-")[0] ?? "en",
      displayDate,
      partSize: options.search.partSize,
      cache: this.#indexCache,
      reuseRecords: this.#devServer,
    });
  }

  /** The build's one-line summary, as parts that after() completes. */
  #summary(): { parts: string[]; line: () => string } {
    const { render, posts, archives } = this.data;
    const parts = [
      `${count(posts.length)} posts${this.#unpublished > 0 ? ` (${count(this.#unpublished)} drafts or future posts left out)` : ""}`,
      render.full
        ? `${count(archives.pages.length)} archive pages`
        : `edited in place: ${count(render.articles.length + render.homePages.length + render.archivePages.length)} pages rewritten`,
      ...(this.#storeBuild
        ? [
            `${count(pageUrls(render).size)} pages rendered, ${count(render.reused)} reused${this.#storeBuild.fullBecause ? ` (all rendered: ${this.#storeBuild.fullBecause})` : ""}`,
            `${count(this.#postLoader().parsed)} post file${this.#postLoader().parsed === 1 ? "" : "s"} parsed${this.#storeBuild.postsCached ? " (the others from the post cache)" : ""}`,
          ]
        : []),
      ...(this.#settings.options.related.count > 0 ? [`related articles ${this.#relatedSeconds.toFixed(1)} s`] : []),
    ];
    return { parts, line: () => `${parts.join(", ")} in ${((performance.now() - this.#started) / 1000).toFixed(1)} s` };
  }
}

function describeIndex(index: IndexSummary | undefined): string {
  if (!index) return "search index unchanged";
  const parts = index.parts === 1 ? "" : `, ${index.indexed} of ${count(index.parts)} parts indexed`;
  return `search index ${megabytes(index.bytes)}${parts} (${index.cached ? "posts unchanged: from the cache, " : ""}${index.seconds.toFixed(1)} s)`;
}

function isInside(file: string, folder: string): boolean {
  return file === folder || file.startsWith(folder + path.sep);
}

function count(n: number): string {
  return n.toLocaleString("en");
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
