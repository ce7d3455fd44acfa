package org.hearth.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one list of names Hearth generates itself (site pages and folders, the PDF's own anchors,
 * the dev server's paths): the site renderer writes these, {@code serve} answers them, and content
 * loading refuses a page or exercise id that would collide with one.
 */
public final class Routes {

    /** The home page. */
    public static final String HOME = "index.html";
    /** The prompt library page. */
    public static final String LIBRARY = "prompts.html";
    /** My answers. */
    public static final String ANSWERS = "answers.html";
    /** The search page. */
    public static final String SEARCH = "search.html";
    /** The daily plan, when there is one. */
    public static final String PLAN = "plan.html";
    /** The page a host shows for a missing address. */
    public static final String NOT_FOUND = "404.html";
    /** robots.txt. */
    public static final String ROBOTS = "robots.txt";
    /** sitemap.xml, written when a base URL is set. */
    public static final String SITEMAP = "sitemap.xml";
    /** The theme's static files in the site. */
    public static final String ASSETS = "assets/";
    /** The content's images in the site. */
    public static final String MEDIA = "media/";
    /** The PDF, beside the site in {@code serve}. */
    public static final String PDF = "workbook.pdf";
    /** The dev server's own paths (reload script, event stream); no built file can be under it. */
    public static final String SERVE_PREFIX = "__hearth/";
    /** Id of the page every site page links to for crisis help, when the content has it. */
    public static final String SAFETY_ID = "safety";

    /** Site pages Hearth renders from its own templates, in the order they are written. */
    public static final List<String> GENERATED_PAGES = List.of(HOME, LIBRARY, ANSWERS, SEARCH, PLAN, NOT_FOUND);

    private static final Map<String, String> RESERVED = reserved();

    private Routes() {
    }

    private static Map<String, String> reserved() {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String page : GENERATED_PAGES) {
            ids.put(page.substring(0, page.length() - ".html".length()), "the site's own page " + page);
        }
        ids.put("library", "the name of the prompt library page's template (site/library.ftlh)");
        ids.put("assets", "the site's folder " + ASSETS);
        ids.put("media", "the site's folder " + MEDIA);
        ids.put("workbook", "the PDF's name " + PDF);
        // Anchors the print template gives its own sections; an entry's id is its anchor in the one-file PDF.
        ids.put("contents", "the PDF's table of contents anchor and the home page's #contents");
        ids.put("notes", "the PDF's notes pages anchor");
        ids.put("more-prompts", "the PDF's \"My prompts\" anchor");
        ids.put("main", "the site's #main landmark");
        ids.put("title", "the home page's #title");
        // Answer fields are named <entry>--<prompt>; "mine" names the fields of "My prompts".
        ids.put("mine", "the prefix of the answer fields of \"My prompts\"");
        return Map.copyOf(ids);
    }

    /** Why {@code id} cannot be a page or exercise id, or empty when it can. */
    public static Optional<String> reservedBecause(String id) {
        return Optional.ofNullable(RESERVED.get(id));
    }

    /** Every reserved id, sorted. */
    public static List<String> reservedIds() {
        return RESERVED.keySet().stream().sorted().toList();
    }
}
