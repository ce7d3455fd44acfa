package org.hearth.render.site;

import org.hearth.model.Entry;
import org.hearth.model.Workbook;

/**
 * What a site template sees for one page.
 *
 * @param workbook the whole workbook (for navigation and the header)
 * @param entry the page or exercise shown, or null on the home and 404 pages
 * @param kind "home", "entry" or "notfound"
 * @param path the output path of this page, e.g. {@code safety.html}
 */
public record SitePage(Workbook workbook, Entry entry, String kind, String path) {
}
