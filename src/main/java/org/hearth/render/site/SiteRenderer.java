package org.hearth.render.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostic;
import org.hearth.model.Entry;
import org.hearth.model.Routes;
import org.hearth.model.Workbook;
import org.hearth.render.OutputFile;
import org.hearth.render.OutputSink;
import org.hearth.render.Templates;
import org.hearth.render.Theme;

/**
 * Stage 5a, render the site: one HTML page per entry plus home, 404, robots.txt and (with a base
 * URL) sitemap.xml, the theme's static files under content-hashed names with their manifest, the
 * content's media, a web manifest and a service worker, and header files for static hosts, all
 * returned in memory.
 * Every page is a flat {@code id.html} so the site also works opened straight from disk.
 */
public final class SiteRenderer {

    private final Templates templates;
    private final Theme theme;
    private final SiteMemo memo;
    private final org.hearth.i18n.LanguageSet languages;
    private final OutputSink sink;

    /** A renderer that renders every page. */
    public SiteRenderer(Templates templates, Theme theme) {
        this(templates, theme, new SiteMemo());
    }

    /**
     * A renderer that reuses the pages in {@code memo} whose inputs are unchanged and records the
     * pages it renders there.
     */
    public SiteRenderer(Templates templates, Theme theme, SiteMemo memo) {
        this(templates, theme, memo, org.hearth.i18n.LanguageSet.SINGLE);
    }

    /** A renderer for one language of a site built in several, with its language switcher. */
    public SiteRenderer(Templates templates, Theme theme, SiteMemo memo, org.hearth.i18n.LanguageSet languages) {
        this(templates, theme, memo, languages, OutputSink.KEEP);
    }

    /**
     * As above, handing each page to {@code sink} as soon as it is rendered (a plain build writes
     * it at once, so the pages of a large site are not all held in memory until the end).
     */
    public SiteRenderer(Templates templates, Theme theme, SiteMemo memo, org.hearth.i18n.LanguageSet languages, OutputSink sink) {
        this.templates = templates;
        this.theme = theme;
        this.memo = memo;
        this.languages = languages;
        this.sink = sink;
    }

    /** Renders every file of the site; paths are relative to the site folder. */
    public List<OutputFile> render(Workbook full) {
        // A page's language switcher depends on what the other editions hold: when that changes, no
        // page is reused.
        memo.languages(languages);
        // Site templates see the outline; each entry's body reaches only its own page.
        Workbook workbook = memo.outline(full);
        // Assets first: pages refer to them by their content-hashed names.
        Map<String, OutputFile> plain = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> f : theme.files("site/assets/").entrySet()) {
            String name = f.getKey().substring("site/assets/".length());
            plain.put(name, new OutputFile(name, f.getValue()));
        }
        for (Map.Entry<String, byte[]> f : theme.files("fonts/").entrySet()) {
            // The site uses the WOFF2 subsets in site/assets/fonts/; the full TTFs are for the PDF only.
            if (!f.getKey().endsWith(".ttf")) {
                plain.put(f.getKey(), new OutputFile(f.getKey(), f.getValue()));
            }
        }
        plain.put("search-index.js", SearchIndex.script(full, memo, templates.messages(full.book().language())));
        AssetManifest assets = AssetManifest.of(plain, memo::hash);
        String safety = memo.safetyHref(workbook);
        String strings = SitePage.scriptStrings(templates.messages(workbook.book().language()));
        freemarker.core.TemplateHTMLOutputModel stringsHtml = Templates.html(strings);
        List<OutputFile> files = new ArrayList<>();
        files.add(page(Routes.HOME, "site/home.ftlh", workbook, null, "home", "the home page", assets, safety, strings, stringsHtml));
        // The prompt library lists every prompt of the book, so with thousands of exercises it is
        // by far the largest page (53 MB at 10,000): it starts on another core while the entries
        // render here, and takes its place in the list below, where its failure is reported as before.
        CompletableFuture<OutputFile> library = CompletableFuture.supplyAsync(() ->
                page(Routes.LIBRARY, "site/library.ftlh", workbook, null, "library", "the prompt library", assets, safety, strings, stringsHtml));
        // Pages are independent and Freemarker templates are thread-safe: render them on every core.
        List<Object> pages = memo.entryPages(full.entries(), templates, workbook, assets,
                entry -> page(entry.id() + ".html", "site/entry.ftlh", workbook, entry, "entry", entry.sourceFile(), assets, safety,
                        strings, stringsHtml));
        // A broken template fails every page alike: report each problem once, for the first page in book order.
        Map<String, Diagnostic> problems = new LinkedHashMap<>();
        for (Object page : pages) {
            if (page instanceof BuildFailure f) {
                f.diagnostics().forEach(d -> problems.putIfAbsent(d.position().toString(), d));
            } else {
                files.add((OutputFile) page);
            }
        }
        if (!problems.isEmpty()) {
            throw new BuildFailure(List.copyOf(problems.values()));
        }
        if (!workbook.plan().isEmpty()) {
            files.add(page(Routes.PLAN, "site/plan.ftlh", workbook, null, "plan", "the daily plan", assets, safety, strings, stringsHtml));
        }
        files.add(join(library));
        files.add(page(Routes.ANSWERS, "site/answers.ftlh", workbook, null, "answers", "the answers page", assets, safety, strings, stringsHtml));
        files.add(page(Routes.SEARCH, "site/search.ftlh", workbook, null, "search", "the search page", assets, safety, strings, stringsHtml));
        files.add(page(Routes.NOT_FOUND, "site/404.ftlh", workbook, null, "notfound", "the 404 page", assets, safety, strings, stringsHtml));
        String base = workbook.book().baseUrl();
        StringBuilder robots = new StringBuilder("User-agent: *\nAllow: /\n");
        if (!base.isEmpty()) {
            robots.append("Sitemap: ").append(base).append(Routes.SITEMAP).append('\n');
            files.add(OutputFile.text(Routes.SITEMAP, sitemap(base, workbook)));
        }
        files.add(OutputFile.text(Routes.ROBOTS, robots.toString()));
        files.addAll(assets.files());
        files.add(OutputFile.text("asset-manifest.json", assets.json()));
        full.media().forEach((path, bytes) -> files.add(new OutputFile(Routes.MEDIA + path, bytes)));
        // The worker lists and hashes every file above, whatever it is named.
        files.add(OfflineFiles.manifest(workbook.book(), assets.url("favicon.svg"), assets.url("icon-192.png"), assets.url("icon-512.png")));
        files.add(OfflineFiles.worker(files, theme.file("site/sw.js").orElseThrow(
                () -> BuildFailure.of(org.hearth.diag.Position.ofFile("theme site/sw.js"), "the theme has no site/sw.js",
                        "copy it from the bundled theme ('hearth init --theme'), or remove your copy's templates/site folder")), memo));
        // The header files list every other file, so they come last.
        List<String> paths = files.stream().map(OutputFile::path).toList();
        String basePath = HostHeaders.basePath(base);
        files.add(OutputFile.text("_headers", HostHeaders.headersFile(basePath, paths)));
        files.add(OutputFile.text(".htaccess", HostHeaders.htaccess()));
        memo.keepOnly(workbook, files, full.entries(), plain.keySet());
        return files;
    }

    /** A page rendered on another thread, its failure rethrown as it was. */
    private static OutputFile join(CompletableFuture<OutputFile> page) {
        try {
            return page.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** One page from its template, or as rendered last time when nothing it shows has changed. */
    private OutputFile page(String path, String template, Workbook outline, Entry entry, String kind, String forFile,
            AssetManifest assets, String safetyHref, String scriptStrings, freemarker.core.TemplateHTMLOutputModel scriptStringsHtml) {
        return memo.page(path, templates, outline, entry, assets, used -> sink.put(new OutputFile(path,
                templates.renderUtf8(template, new SitePage(outline, entry, kind, path, used, safetyHref,
                        templates.messages(outline.book().language()),
                        // The 404 page's switcher goes to each language's home: the missing page has no translation.
                        languages.links(outline.book().language(), Routes.NOT_FOUND.equals(path) ? Routes.HOME : path,
                                entry == null ? null : entry.id()), scriptStrings, scriptStringsHtml), forFile))));
    }

    private static String sitemap(String base, Workbook workbook) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
                .append("  <url><loc>").append(escape(base)).append("</loc></url>\n");
        for (Entry e : workbook.entries()) {
            xml.append("  <url><loc>").append(escape(base + e.id() + ".html")).append("</loc></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
