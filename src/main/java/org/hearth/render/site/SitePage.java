package org.hearth.render.site;

import java.util.List;
import org.hearth.model.Entry;
import org.hearth.model.Routes;
import org.hearth.model.Workbook;

/**
 * What a site template sees for one page.
 *
 * @param workbook the workbook's outline, for navigation and the header: every part and entry
 *     with its title, summary and prompts, but without its body (only the entry's own page shows
 *     that, which lets {@code serve} re-render just the page of an edited exercise)
 * @param entry the page or exercise shown, or null on the home and 404 pages
 * @param kind "home", "entry" or "notfound"
 * @param path the output path of this page, e.g. {@code safety.html}
 * @param assets the fingerprinted assets, as this page asks for them
 * @param safetyHref where every page's crisis link points, from {@link #safetyHref(Workbook)}: worked
 *     out once per build, not once per page (it looks through every entry)
 * @param messages the interface strings of the workbook's language
 * @param languages the language switcher (empty for a single-language site)
 * @param scriptStrings the scripts' interface strings, from {@link #scriptStrings(org.hearth.i18n.Catalogue)}:
 *     the same 11 KB on every page, so made once per build
 * @param scriptStringsHtml {@code scriptStrings} escaped for the page's attribute, also once per
 *     build ({@link org.hearth.render.Templates#html}), which the layout prints as it is
 */
public record SitePage(Workbook workbook, Entry entry, String kind, String path, PageAssets assets, String safetyHref,
        org.hearth.i18n.Catalogue messages, List<org.hearth.i18n.LanguageLink> languages, String scriptStrings,
        freemarker.core.TemplateHTMLOutputModel scriptStringsHtml)
        implements org.hearth.i18n.CatalogueView {

    /**
     * The scripts' interface strings (the catalogue's {@code js.*} keys) as a JSON object, for the
     * body's {@code data-strings} attribute (a data attribute, so the pages keep no inline script).
     */
    static String scriptStrings(org.hearth.i18n.Catalogue messages) {
        StringBuilder json = new StringBuilder("{");
        messages.messages().forEach((key, text) -> {
            if (key.startsWith("js.")) {
                json.append(json.length() > 1 ? "," : "").append(SearchIndex.js(key)).append(':').append(SearchIndex.js(text));
            }
        });
        return json.append('}').toString();
    }

    /** {@code asset("site.css")} in a template: the asset's content-hashed URL, such as {@code assets/site.3f9a1c07de.css}. */
    public String asset(String name) {
        return assets.url(name);
    }

    /** Every asset's content-hashed URL. */
    public List<String> assetUrls() {
        return assets.all();
    }

    /**
     * Where every page's crisis link points: the content's safety page, or empty when the content
     * has none (a link to a page that does not exist would fail someone looking for help).
     */
    public static String safetyHref(Workbook workbook) {
        for (org.hearth.model.Section s : workbook.sections()) {
            for (Entry e : s.entries()) {
                if (e.id().equals(Routes.SAFETY_ID)) {
                    return Routes.SAFETY_ID + ".html";
                }
            }
        }
        return "";
    }

    /** The Content-Security-Policy of every page; the header files for hosts set the same one. */
    public String csp() {
        return SitePolicy.CSP;
    }

    /** The 404 page's inline script (without base_url), which the CSP allows by its hash. */
    public String notFoundScript() {
        return NotFoundScript.SOURCE;
    }
}
