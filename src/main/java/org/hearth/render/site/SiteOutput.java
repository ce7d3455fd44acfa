package org.hearth.render.site;

import java.util.List;
import org.hearth.model.Workbook;
import org.hearth.render.OutputFile;
import org.hearth.render.OutputSink;
import org.hearth.render.Renderer;
import org.hearth.render.Templates;
import org.hearth.render.Theme;

/** The static site as one of a build's outputs: every file of {@link SiteRenderer} under {@code site/}. */
public final class SiteOutput implements Renderer {

    /** The site's folder inside the output folder. */
    public static final String FOLDER = "site";

    private final SiteRenderer site;

    /** The site, reusing the pages in {@code memo} whose inputs are unchanged. */
    public SiteOutput(Templates templates, Theme theme, SiteMemo memo) {
        this(templates, theme, memo, org.hearth.i18n.LanguageSet.SINGLE);
    }

    /** One language's site of a multilingual project, whose pages link to the other languages. */
    public SiteOutput(Templates templates, Theme theme, SiteMemo memo, org.hearth.i18n.LanguageSet languages) {
        this(templates, theme, memo, languages, OutputSink.KEEP);
    }

    /**
     * As above, handing each page to {@code sink} as it is rendered, with its path inside the site
     * folder (the caller puts the sink under the folder the site's files end up in).
     */
    public SiteOutput(Templates templates, Theme theme, SiteMemo memo, org.hearth.i18n.LanguageSet languages, OutputSink sink) {
        this.site = new SiteRenderer(templates, theme, memo, languages, sink);
    }

    @Override
    public List<String> owns() {
        return List.of(FOLDER);
    }

    @Override
    public Output render(Workbook workbook) {
        List<OutputFile> files = site.render(workbook);
        int pages = (int) files.stream().filter(f -> f.path().endsWith(".html")).count();
        return new Output(files.stream().map(f -> f.at(FOLDER + "/" + f.path())).toList(), pages, null);
    }

    /** Renders the whole site: it has no slow stage to leave out, and its files are checked for name clashes. */
    @Override
    public Output check(Workbook workbook) {
        return render(workbook);
    }
}
