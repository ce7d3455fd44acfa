package org.hearth.render.site;

import java.util.List;

/**
 * The site's security and cache policy, in one place: the pages' meta Content-Security-Policy
 * and the header files for hosts ({@code _headers}, {@code .htaccess}) are both made from it.
 */
public final class SitePolicy {

    /**
     * What a page may load: only its own site's files, no inline script or style (but the 404
     * page's one script, allowed by its hash), no network requests, no form posts. Pages carry it in a meta tag, which works on every host and from disk.
     * {@code manifest-src} lets the web manifest load (added over http(s), to install the workbook);
     * {@code connect-src 'self'} lets the service worker fetch the site's own files into its cache,
     * since a header CSP governs the worker's fetches too (pages themselves fetch nothing).
     */
    public static final String CSP = "default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'self' "
            + NotFoundScript.HASH_SOURCE + "; font-src 'self'; manifest-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

    /**
     * The same policy as an HTTP header, plus what only a header can say: no other site may frame
     * the journal (a meta tag's frame-ancestors is ignored by browsers).
     */
    public static final String HEADER_CSP = CSP + "; frame-ancestors 'none'";

    /** Browser features the site never uses, all turned off (interest-cohort and browsing-topics opt out of ad tracking). */
    public static final String PERMISSIONS = "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), "
            + "encrypted-media=(), geolocation=(), gyroscope=(), hid=(), idle-detection=(), interest-cohort=(), magnetometer=(), "
            + "microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), "
            + "serial=(), usb=(), xr-spatial-tracking=()";

    /** Cache-Control of fingerprinted assets: their name changes with their content, so they never go stale. */
    public static final String CACHE_IMMUTABLE = "public, max-age=31536000, immutable";

    /** Cache-Control of everything else (pages, robots.txt, a service worker): ask the server each time. */
    public static final String CACHE_REVALIDATE = "no-cache";

    /** The headers every response of the site gets, in the order the header files list them. */
    public static final List<Header> SECURITY_HEADERS = List.of(
            new Header("Content-Security-Policy", HEADER_CSP),
            // For browsers older than frame-ancestors.
            new Header("X-Frame-Options", "DENY"),
            new Header("X-Content-Type-Options", "nosniff"),
            new Header("Referrer-Policy", "no-referrer"),
            new Header("Permissions-Policy", PERMISSIONS));

    private SitePolicy() {
    }

    /**
     * One HTTP response header.
     *
     * @param name its name, such as {@code Referrer-Policy}
     * @param value its value
     */
    public record Header(String name, String value) {
    }
}
