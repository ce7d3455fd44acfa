package org.hearth.render.site;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The asset URLs one page's templates asked for. They are recorded so that a rebuild renders the
 * page again when one of those assets got a new name, and only then.
 */
public final class PageAssets {

    private final AssetManifest manifest;
    private final Map<String, String> used = new TreeMap<>();

    PageAssets(AssetManifest manifest) {
        this.manifest = manifest;
    }

    /**
     * The hashed URL of the asset with plain name {@code name} (such as {@code site.css} or
     * {@code fonts/Lato-Bold.ttf}), relative to the site's root.
     *
     * @throws IllegalArgumentException when the theme has no such asset (the template is wrong)
     */
    public synchronized String url(String name) {
        String url = manifest.url(name);
        if (url == null) {
            throw new IllegalArgumentException("there is no asset '" + name + "'; assets are " + manifest.urls().keySet());
        }
        used.put(name, url);
        return url;
    }

    /** Every asset's hashed URL (for a page that lists them all, such as a service worker's cache list). */
    public synchronized List<String> all() {
        used.putAll(manifest.urls());
        return List.copyOf(manifest.urls().values());
    }

    /** What was asked for so far: plain name to hashed URL. */
    synchronized Map<String, String> used() {
        return Map.copyOf(used);
    }
}
