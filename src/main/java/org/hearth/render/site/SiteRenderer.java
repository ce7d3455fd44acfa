package org.hearth.render.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostic;
import org.hearth.model.Entry;
import org.hearth.model.Workbook;
import org.hearth.render.OutputFile;
import org.hearth.render.Templates;
import org.hearth.render.Theme;

/**
 * Stage 5a, render the site: one HTML page per entry plus home, 404, robots.txt and (with a base
 * URL) sitemap.xml, the theme's static files and the content's media, all returned in memory.
 * Every page is a flat {@code id.html} so the site also works opened straight from disk.
 */
public final class SiteRenderer {

    private final Templates templates;
    private final Theme theme;

    public SiteRenderer(Templates templates, Theme theme) {
        this.templates = templates;
        this.theme = theme;
    }

    /** Renders every file of the site; paths are relative to the site folder. */
    public List<OutputFile> render(Workbook workbook) {
        List<OutputFile> files = new ArrayList<>();
        files.add(OutputFile.text("index.html",
                templates.render("site/home.ftlh", new SitePage(workbook, null, "home", "index.html"), "the home page")));
        // Pages are independent and Freemarker templates are thread-safe: render them on every core.
        List<Object> pages = workbook.entries().parallelStream().map(entry -> {
            String path = entry.id() + ".html";
            try {
                return (Object) OutputFile.text(path,
                        templates.render("site/entry.ftlh", new SitePage(workbook, entry, "entry", path), entry.sourceFile()));
            } catch (BuildFailure f) {
                return f;
            }
        }).toList();
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
            files.add(OutputFile.text("plan.html",
                    templates.render("site/plan.ftlh", new SitePage(workbook, null, "plan", "plan.html"), "the daily plan")));
        }
        files.add(OutputFile.text("prompts.html",
                templates.render("site/library.ftlh", new SitePage(workbook, null, "library", "prompts.html"), "the prompt library")));
        files.add(OutputFile.text("answers.html",
                templates.render("site/answers.ftlh", new SitePage(workbook, null, "answers", "answers.html"), "the answers page")));
        files.add(OutputFile.text("search.html",
                templates.render("site/search.ftlh", new SitePage(workbook, null, "search", "search.html"), "the search page")));
        files.add(OutputFile.text("assets/search-index.js", SearchIndex.script(workbook)));
        files.add(OutputFile.text("404.html",
                templates.render("site/404.ftlh", new SitePage(workbook, null, "notfound", "404.html"), "the 404 page")));
        String base = workbook.book().baseUrl();
        StringBuilder robots = new StringBuilder("User-agent: *\nAllow: /\n");
        if (!base.isEmpty()) {
            robots.append("Sitemap: ").append(base).append("sitemap.xml\n");
            files.add(OutputFile.text("sitemap.xml", sitemap(base, workbook)));
        }
        files.add(OutputFile.text("robots.txt", robots.toString()));
        for (Map.Entry<String, byte[]> f : theme.files("site/assets/").entrySet()) {
            files.add(new OutputFile("assets/" + f.getKey().substring("site/assets/".length()), f.getValue()));
        }
        for (Map.Entry<String, byte[]> f : theme.files("fonts/").entrySet()) {
            files.add(new OutputFile("assets/" + f.getKey(), f.getValue()));
        }
        workbook.media().forEach((path, bytes) -> files.add(new OutputFile("media/" + path, bytes)));
        return files;
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
