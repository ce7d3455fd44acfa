package org.hearth.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.Overrides;
import org.hearth.render.pdf.PrintOptions;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostic;
import org.hearth.diag.Severity;
import org.hearth.testing.Golden;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project in English and Spanish (fixture {@code site-bilingual}) builds both editions: no
 * English interface string in the Spanish site or PDF, a switcher and hreflang links on every page,
 * answers kept apart, missing translations reported, and catalogues checked key by key.
 */
class BilingualBuildTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();

    @TempDir
    static Path tmp;
    static Path out;

    @BeforeAll
    static void build() throws IOException {
        Path content = Golden.copyContent("site-bilingual", tmp.resolve("project/content"));
        out = tmp.resolve("project/output");
        new Hearth(tmp.resolve("project")).build(new BuildRequest(content, ROOT.resolve("templates"), out));
    }

    /** Every English interface string that Spanish says differently, cut at its placeholders. */
    static List<String> englishPhrases() throws IOException {
        Map<String, String> en = catalogue("en");
        Map<String, String> es = catalogue("es");
        List<String> phrases = new ArrayList<>();
        en.forEach((key, text) -> {
            if (key.startsWith("format.") || key.startsWith("quote.") || text.equals(es.get(key))) {
                return;
            }
            for (String piece : text.split("\\{\\d\\}")) {
                String p = piece.strip();
                // A single short word ("Open", "note") could be part of a Spanish or content word.
                if (p.length() >= 6 && (p.contains(" ") || p.length() >= 8)) {
                    phrases.add(p);
                }
            }
        });
        return phrases;
    }

    static Map<String, String> catalogue(String language) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(ROOT.resolve("templates/messages/" + language + ".properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Map<String, String> map = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> map.put(k, p.getProperty(k)));
        return map;
    }

    /** A page's visible text plus the attributes a reader hears or sees (labels, titles, placeholders). */
    static String readable(Path page) throws IOException {
        Document doc = Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8));
        StringBuilder text = new StringBuilder(doc.text());
        for (Element e : doc.getAllElements()) {
            // data-strings: the scripts' status lines and buttons, shown when the journal speaks.
            for (String a : List.of("aria-label", "title", "placeholder", "alt", "content", "data-strings")) {
                if (e.hasAttr(a)) {
                    // data-strings is JSON: its keys ("js.nothingImported") are names, not text anyone reads.
                    text.append('\n').append(e.attr(a).replaceAll("\"js\\.[A-Za-z0-9.]+\":", ""));
                }
            }
        }
        return text.toString();
    }

    static String pdfText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    static List<Path> pages(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** The string literals of a script outside its comments (a small tokenizer: the scripts use no quote inside a regex). */
    static List<String> literals(String js) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < js.length()) {
            if (js.startsWith("//", i)) {
                int eol = js.indexOf('\n', i);
                i = eol < 0 ? js.length() : eol;
            } else if (js.startsWith("/*", i)) {
                i = js.indexOf("*/", i) + 2;
            } else if (js.charAt(i) == '"' || js.charAt(i) == '\'') {
                char q = js.charAt(i);
                int j = i + 1;
                while (js.charAt(j) != q) {
                    j += js.charAt(j) == '\\' ? 2 : 1;
                }
                out.add(js.substring(i + 1, j));
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    @Test
    void scriptsSayEverythingThroughTheCatalogue() throws IOException {
        // Two words in a literal are a sentence a reader would see in English on the Spanish site.
        var words = java.util.regex.Pattern.compile("[A-Za-z]{2,} [A-Za-z]{2,}");
        var glued = java.util.regex.Pattern.compile("^\\s.*[A-Za-z]{2,}|[A-Za-z]{2,}.*\\s$");
        List<String> found = new ArrayList<>();
        for (String script : List.of("journal.js", "journal-answers.js", "site.js")) {
            String js = Files.readString(ROOT.resolve("templates/site/assets/" + script), StandardCharsets.UTF_8);
            List<String> all = literals(js);
            assertTrue(all.stream().anyMatch(l -> l.startsWith("js.")) || script.equals("site.js"), "the tokenizer reads " + script);
            all.stream().filter(l -> words.matcher(l).find() && !l.equals("use strict")).forEach(l -> found.add(script + ": " + l));
            // One word glued into a sentence (" prompts", ") in ") is English on the Spanish site as well.
            all.stream().filter(l -> glued.matcher(l).find()).forEach(l -> found.add(script + ": " + l));
        }
        assertEquals(List.of(), found);
    }

    @Test
    void everyScriptKeyIsInTheCatalogues() throws IOException {
        var key = java.util.regex.Pattern.compile("T\\(\"(js\\.[A-Za-z0-9.]*[A-Za-z0-9])\"");
        Map<String, String> en = catalogue("en");
        Map<String, String> es = catalogue("es");
        List<String> missing = new ArrayList<>();
        for (String script : List.of("journal.js", "journal-answers.js", "site.js")) {
            var m = key.matcher(Files.readString(ROOT.resolve("templates/site/assets/" + script), StandardCharsets.UTF_8));
            while (m.find()) {
                if (!en.containsKey(m.group(1)) || !es.containsKey(m.group(1))) {
                    missing.add(script + ": " + m.group(1));
                }
            }
        }
        assertEquals(List.of(), missing);
        for (String group : List.of("fresh", "newer", "older", "same", "unknown")) {
            for (String n : List.of(".one", ".many")) {
                assertTrue(es.containsKey("js.group." + group + n), group + n);
            }
        }
    }

    @Test
    void calloutTitlesTrackerColumnsAndQuotesAreSpanish() throws IOException {
        Document es = Jsoup.parse(out.resolve("site/es/first.html").toFile());
        assertTrue(es.select(".callout-title").eachText().contains("Un pequeño consejo"), es.select(".callout-title").eachText().toString());
        assertFalse(es.text().contains("A small tip"));
        assertTrue(es.text().contains("Semana 8") && !es.text().contains("Week 8"), "the default tracker columns");
        assertTrue(es.text().contains("«basta»") && !es.text().contains("“basta”"), "Spanish quotation marks in body text");
        String pdf = pdfText(out.resolve("workbook.es.pdf"));
        assertTrue(pdf.contains("Un pequeño consejo") && pdf.contains("«basta»") && pdf.contains("Semana 8"), pdf);
        // English keeps its own marks and titles.
        Document en = Jsoup.parse(out.resolve("site/first.html").toFile());
        assertTrue(en.select(".callout-title").eachText().contains("For facilitators") || en.text().contains("Go gently"));
    }

    @Test
    void spanishAnchorsKeepTheirAccentsAndLinksFindThem() throws IOException {
        // Anchors keep the heading's letters (valid in HTML5 and readable in the address bar); what matters is that links match.
        Document first = Jsoup.parse(out.resolve("site/es/first.html").toFile());
        assertTrue(first.select("h2[id]").eachAttr("id").stream().anyMatch(id -> id.contains("qué")), first.select("h2[id]").eachAttr("id").toString());
        List<String> broken = new ArrayList<>();
        for (Path page : pages(out.resolve("site/es"))) {
            for (Element a : Jsoup.parse(page.toFile()).select("a[href*=#]")) {
                String[] parts = a.attr("href").split("#", 2);
                Path target = parts[0].isEmpty() ? page : page.resolveSibling(parts[0]);
                if (Files.isRegularFile(target) && Jsoup.parse(target.toFile()).getElementById(parts[1]) == null) {
                    broken.add(page.getFileName() + " -> " + a.attr("href"));
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void bothLanguagesAreBuilt() {
        for (String f : List.of("workbook.pdf", "workbook.es.pdf", "site/index.html", "site/es/index.html", "site/es/first.html",
                "site/es/search-index.js".replace("search-index.js", "answers.html"))) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
    }

    @Test
    void spanishSiteHasNoEnglishInterfaceString() throws IOException {
        List<String> phrases = englishPhrases();
        assertTrue(phrases.size() > 100, "the catalogue was read: " + phrases.size());
        String english = readable(out.resolve("site/first.html")) + readable(out.resolve("site/answers.html"));
        // The check can fail: the English pages do show these strings.
        assertTrue(english.contains("Your prompts") && english.contains("Where your answers live")
                && english.contains("Saved on this device at"), english);
        List<String> found = new ArrayList<>();
        for (Path page : pages(out.resolve("site/es"))) {
            String text = readable(page);
            // Fallback content ('extra', 'rate-one') is English by design; the interface around it is not.
            for (String phrase : phrases) {
                if (text.contains(phrase)) {
                    found.add(page.getFileName() + ": " + phrase);
                }
            }
            assertEquals("es", Jsoup.parse(page.toFile()).selectFirst("html").attr("lang"), page.toString());
        }
        assertEquals(List.of(), found);
    }

    @Test
    void spanishPdfHasNoEnglishInterfaceString() throws IOException {
        String english = pdfText(out.resolve("workbook.pdf"));
        assertTrue(english.contains("Before you start: your safety comes first"), "the English PDF has the English strings");
        String spanish = pdfText(out.resolve("workbook.es.pdf"));
        List<String> found = englishPhrases().stream().filter(spanish::contains).toList();
        assertEquals(List.of(), found);
        assertTrue(spanish.contains("Antes de empezar: lo primero es tu seguridad"), spanish);
        assertTrue(spanish.contains("martes, 1 de diciembre de 2026"), "plan dates in Spanish: " + spanish);
        assertTrue(spanish.contains("«La primera práctica»") || spanish.contains("« LA PRIMERA PRÁCTICA »")
                || spanish.toLowerCase(java.util.Locale.ROOT).contains("«la primera práctica»"), "Spanish quotation marks");
        int at = spanish.indexOf("prisa");
        assertTrue(spanish.contains("¿Qué has sentido hoy?") && spanish.contains("¡Sin") && spanish.contains("prisa!"),
                "inverted marks are kept: " + spanish.substring(Math.max(0, at - 20), at + 20));
        try (PDDocument doc = Loader.loadPDF(out.resolve("workbook.es.pdf").toFile())) {
            assertEquals("es", doc.getDocumentCatalog().getLanguage());
        }
        // A cross-reference's printed page number (print.css's "(page N)") says it in the book's language.
        assertTrue(english.replace('\u00a0', ' ').contains("(page "), "the English PDF prints page references");
        assertTrue(spanish.replace('\u00a0', ' ').contains("(pág. ") && !spanish.replace('\u00a0', ' ').contains("(page "),
                "Spanish page references");
    }

    @Test
    void nestedQuotationsTakeEachDepthsMarks() throws IOException {
        // The author wrote "… 'no puedo' …": Spanish sets « “ ” » (README, Languages).
        String nested = "\u00abno digas \u201cno puedo\u201d todav\u00eda\u00bb";
        String site = Jsoup.parse(out.resolve("site/es/welcome.html").toFile()).text();
        assertTrue(site.contains(nested), site);
        assertTrue(pdfText(out.resolve("workbook.es.pdf")).contains(nested), "the Spanish PDF nests quotations too");
    }

    @Test
    void everyPageHasTheSwitcherAndHreflang() throws IOException {
        for (String lang : List.of("", "es/")) {
            for (Path page : pages(out.resolve("site/" + lang))) {
                if (page.getFileName().toString().equals("404.html")) {
                    continue; // below: its switcher goes to each language's home page
                }
                Document doc = Jsoup.parse(page.toFile());
                var alternates = doc.select("link[rel=alternate][hreflang]");
                assertEquals(List.of("en", "es"), alternates.eachAttr("hreflang"), page.toString());
                var switcher = doc.selectFirst("nav.language-switch");
                assertTrue(switcher != null, "switcher on " + page);
                String name = page.getFileName().toString();
                String other = lang.isEmpty() ? "es/" + name : "../" + name;
                assertEquals(other, switcher.selectFirst("a").attr("href"), page.toString());
                assertTrue(Files.isRegularFile(page.getParent().resolve(other).normalize()), other);
            }
        }
    }

    /**
     * The 404 page (served for a missing address at any depth) has the switcher too, to each
     * language's home page, since the missing page has no translation. Built without base_url, its
     * links are pointed at the workbook's folder by the page's script (data-root-href, from there),
     * and the switcher stays hidden until then, as the search link does: at an unknown depth no
     * relative address would work. It has no hreflang alternates: they would name no page.
     */
    @Test
    void the404PageHasTheSwitcherToEachHomePage() throws IOException {
        for (String lang : List.of("", "es/")) {
            Path page = out.resolve("site/" + lang + "404.html");
            Document doc = Jsoup.parse(page.toFile());
            Element switcher = doc.selectFirst("nav.language-switch");
            assertTrue(switcher != null, "switcher on " + page);
            assertEquals(Jsoup.parse(out.resolve("site/" + lang + "index.html").toFile()).selectFirst("nav.language-switch").attr("aria-label"),
                    switcher.attr("aria-label"), "named in the page's language, as on the other pages");
            assertEquals(lang.isEmpty() ? "en" : "es", switcher.selectFirst("[aria-current]").attr("lang"));
            Element other = switcher.selectFirst("a");
            assertEquals(lang.isEmpty() ? "es" : "en", other.attr("hreflang"));
            assertEquals(other.attr("hreflang"), other.attr("lang"));
            String fromRoot = other.attr("data-root-href");
            assertEquals(lang.isEmpty() ? "es/index.html" : "../index.html", fromRoot, page.toString());
            assertTrue(Files.isRegularFile(page.getParent().resolve(fromRoot).normalize()), fromRoot);
            assertTrue(switcher.hasAttr("data-root-only") && switcher.hasAttr("hidden"), "shown once the script found the workbook");
            assertEquals(List.of(), doc.select("link[rel=alternate]").eachAttr("hreflang"));
        }
    }

    /** The language of the structure element around the first text run containing {@code text}, or of the document. */
    static List<String> pdfLanguagesOf(Path pdf) throws IOException {
        List<String> langs = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            var root = doc.getDocumentCatalog().getStructureTreeRoot();
            assertTrue(root != null, "the PDF is tagged");
            java.util.ArrayDeque<Object> todo = new java.util.ArrayDeque<>(root.getKids());
            while (!todo.isEmpty()) {
                if (todo.pop() instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                    if (e.getLanguage() != null) {
                        langs.add(e.getStructureType() + " " + e.getLanguage());
                    }
                    todo.addAll(e.getKids());
                }
            }
        }
        return langs;
    }

    /**
     * A Spanish screen reader reads an English service name with Spanish sounds unless it is marked:
     * a resource's {@code name_lang: en} puts {@code lang="en"} on the name in the Spanish site and a
     * {@code /Lang (en)} on its tag in the Spanish PDF; a Spanish name is left as the page's language.
     */
    @Test
    void englishServiceNamesAreMarkedInSpanishPages() throws IOException {
        Document es = Jsoup.parse(out.resolve("site/es/welcome.html").toFile());
        Element name = es.selectFirst(".resources-table td:contains(Example Crisis Lifeline)");
        assertTrue(name != null, es.select(".resources-table").outerHtml());
        assertEquals(List.of("en"), name.select("[lang]").eachAttr("lang"), name.outerHtml());
        assertEquals("Example Crisis Lifeline", name.selectFirst("[lang]").text());
        Element spanish = es.selectFirst(".resources-table td:contains(Línea de ayuda de ejemplo)");
        assertEquals(List.of(), spanish.select("[lang]").eachAttr("lang"), spanish.outerHtml());
        List<String> tagged = pdfLanguagesOf(out.resolve("workbook.es.pdf"));
        assertTrue(tagged.contains("Span en"), "the English name's tag in the Spanish PDF: " + tagged);
    }

    /** The helplines table is named by its caption, in the page's language, from the catalogues. */
    @Test
    void theResourcesTableHasACaptionInEachLanguage() throws IOException {
        for (String lang : List.of("en", "es")) {
            Document page = Jsoup.parse(out.resolve("site/" + (lang.equals("en") ? "" : "es/") + "welcome.html").toFile());
            Element table = page.selectFirst(".resources-table");
            assertEquals(catalogue(lang).get("resources.caption"), table.child(0).is("caption") ? table.child(0).text() : table.child(0).outerHtml(),
                    "the table's first child is its caption");
        }
        assertNotEquals(catalogue("en").get("resources.caption"), catalogue("es").get("resources.caption"));
    }

    /**
     * In the fillable PDF a deep prompt's fields carry the containment line in their tooltip
     * ({@code /TU}), after the prompt, as the site gives it as the fields' description: a screen
     * reader moving from field to field reads the tooltip, not the printed line above. In each
     * language, from its catalogue's {@code care.deep}; a gentle prompt's fields do not have it.
     */
    @Test
    void deepPromptTooltipsCarryTheContainmentLine() throws IOException {
        Path project = tmp.resolve("deep");
        Path content = Golden.copyContent("site-bilingual", project.resolve("content"));
        for (String file : List.of("prompts/prompts.yml", "es/prompts/prompts.yml")) {
            Path yml = content.resolve(file);
            String text = Files.readString(yml, StandardCharsets.UTF_8);
            assertTrue(text.contains("  kind: letter\n"), file);
            Files.writeString(yml, text.replace("  kind: letter\n", "  kind: letter\n  intensity: deep\n"), StandardCharsets.UTF_8);
        }
        new Hearth(project).build(new BuildRequest(content, ROOT.resolve("templates"), project.resolve("output"), false, true,
                new PrintOptions(null, true, false, false), Overrides.NONE, null));
        for (String lang : List.of("en", "es")) {
            String care = catalogue(lang).get("care.deep");
            String letter = lang.equals("en") ? "Write to the child you were." : "Escribe a la niña o al niño que fuiste.";
            String gentle = lang.equals("en") ? "What did you feel today?" : "¿Qué has sentido hoy?";
            List<String> tips = new ArrayList<>();
            try (PDDocument doc = Loader.loadPDF(project.resolve("output/" + (lang.equals("en") ? "workbook.pdf" : "workbook.es.pdf")).toFile())) {
                for (var field : doc.getDocumentCatalog().getAcroForm().getFieldTree()) {
                    if (field.getAlternateFieldName() != null) {
                        tips.add(field.getAlternateFieldName());
                    }
                }
            }
            List<String> deep = tips.stream().filter(t -> t.startsWith(letter)).toList();
            assertFalse(deep.isEmpty(), lang + ": " + tips);
            for (String tip : deep) {
                assertTrue(tip.startsWith(letter + " " + care), lang + " tooltip: " + tip);
            }
            List<String> light = tips.stream().filter(t -> t.startsWith(gentle)).toList();
            assertFalse(light.isEmpty(), lang + ": " + tips);
            assertTrue(light.stream().noneMatch(t -> t.contains(care)), lang + ": " + light);
        }
    }

    /**
     * Spanish writes lower case after a colon: the exercise's facts read "Tiempo: de 5 a 10 minutos ·
     * Intensidad: suave" although the author wrote the duration "De 5 a 10 minutos" (it stands alone
     * in the front matter) and the intensity's own label is "Suave". English keeps the text as written.
     */
    @Test
    void spanishFactsTakeLowerCaseAfterTheColon() throws IOException {
        String site = Jsoup.parse(out.resolve("site/es/first.html").toFile()).select("ul.facts").text();
        assertTrue(site.contains("Tiempo: de 5 a 10 minutos") && site.contains("Intensidad: suave"), site);
        String pdf = pdfText(out.resolve("workbook.es.pdf"));
        assertFalse(pdf.contains("Tiempo: De") || pdf.contains("Intensidad: Suave"), "the Spanish PDF's facts line");
        assertTrue(pdf.contains("Tiempo: de 5 a 10 minutos"), "the Spanish PDF's facts line");
        String english = Jsoup.parse(out.resolve("site/first.html").toFile()).select("ul.facts").text();
        assertTrue(english.contains("Intensity: Gentle"), english);
    }

    @Test
    void answersAreStoredPerLanguage() throws IOException {
        String en = Jsoup.parse(out.resolve("site/first.html").toFile()).body().attr("data-workbook-id");
        String es = Jsoup.parse(out.resolve("site/es/first.html").toFile()).body().attr("data-workbook-id");
        assertEquals("a-small-book", en, "the default language keeps the key existing answers use");
        assertEquals("a-small-book--es", es, "a language edition's key has '--', which no book or person id has");
        assertNotEquals(en, es);
    }

    /** A person's own site ({@code --people-sites}) is keyed {@code <id>-<name slug>}: never a language edition's key. */
    @Test
    void aPersonCalledEsNeverSharesTheSpanishEditionsKey() {
        String spanish = Translation.editionId("a-small-book", "es");
        for (String name : List.of("Es", "ES", "es-", "E--s", "-- es", "Ès", "es es", "Es\u202E", "Ес")) {
            String person = "a-small-book-" + org.hearth.model.Slug.of(name, "person");
            assertNotEquals(spanish, person, name);
            assertFalse(person.contains("--"), person);
        }
        assertFalse(org.hearth.config.ConfigLoader.ID.matcher("a-small-book--es").matches(), "a book id cannot have '--' either");
    }

    @Test
    void missingTranslationsAreWarningsNamingThem() {
        List<Diagnostic> found = new Hearth(tmp.resolve("project")).check(
                new BuildRequest(tmp.resolve("project/content"), ROOT.resolve("templates"), tmp.resolve("unused")), LocalDate.of(2026, 12, 2));
        List<String> warnings = found.stream().filter(d -> d.severity() == Severity.WARNING).map(Diagnostic::toString).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("page 'extra' has no Spanish translation")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("prompt 'rate-one' has no Spanish translation")), warnings.toString());
        assertEquals(List.of(), found.stream().filter(d -> d.severity() == Severity.ERROR).toList());
    }

    @Test
    void omitLeavesMissingTranslationsOut() throws IOException {
        Path project = tmp.resolve("omit");
        Path content = Golden.copyContent("site-bilingual", project.resolve("content"));
        Path yml = content.resolve("workbook.yml");
        Files.writeString(yml, Files.readString(yml) + "missing: omit\n");
        new Hearth(project).build(new BuildRequest(content, ROOT.resolve("templates"), project.resolve("output")));
        assertFalse(Files.exists(project.resolve("output/site/es/extra.html")));
        assertTrue(Files.exists(project.resolve("output/site/extra.html")));
        Document extra = Jsoup.parse(project.resolve("output/site/extra.html").toFile());
        assertEquals("es/index.html", extra.selectFirst("nav.language-switch a").attr("href"), "no Spanish page: its home instead");
        assertFalse(pdfText(project.resolve("output/workbook.es.pdf")).contains("How calm do you feel?"));
        assertTrue(pdfText(project.resolve("output/workbook.pdf")).contains("How calm do you feel?"));
    }

    @Test
    void aMissingMessageKeyIsAnErrorNamingTheFile() throws IOException {
        Path project = tmp.resolve("keys");
        Path content = Golden.copyContent("site-bilingual", project.resolve("content"));
        Path messages = Files.createDirectories(project.resolve("templates/messages"));
        String es = Files.readString(ROOT.resolve("templates/messages/es.properties"), StandardCharsets.UTF_8);
        Files.writeString(messages.resolve("es.properties"), es.replaceAll("(?m)^entry\\.prompts = .*\\n", ""), StandardCharsets.UTF_8);
        List<Diagnostic> found = new Hearth(project).check(new BuildRequest(content, project.resolve("templates"), project.resolve("out")),
                LocalDate.of(2026, 12, 2));
        List<String> errors = found.stream().filter(d -> d.severity() == Severity.ERROR).map(Diagnostic::toString).toList();
        assertTrue(errors.stream().anyMatch(e -> e.contains("templates/messages/es.properties") && e.contains("'entry.prompts'")), errors.toString());
        // And the build stops at the template line that asks for it.
        BuildFailure f = assertThrows(BuildFailure.class, () -> new Hearth(project).build(new BuildRequest(content,
                project.resolve("templates"), project.resolve("out"))));
        assertTrue(f.diagnostics().toString().contains("no message 'entry.prompts' in templates/messages/es.properties"), f.diagnostics().toString());
    }

    @Test
    void oneLanguageAlone() throws IOException {
        Path project = tmp.resolve("one");
        Path content = Golden.copyContent("site-bilingual", project.resolve("content"));
        new Hearth(project).build(new BuildRequest(content, ROOT.resolve("templates"), project.resolve("output"), false, true,
                PrintOptions.DEFAULT, Overrides.NONE.withLanguage("es"), null));
        assertTrue(Files.exists(project.resolve("output/workbook.es.pdf")));
        assertFalse(Files.exists(project.resolve("output/workbook.pdf")));
        BuildFailure f = assertThrows(BuildFailure.class, () -> new Hearth(project).build(new BuildRequest(content, ROOT.resolve("templates"),
                project.resolve("output"), false, true, PrintOptions.DEFAULT, Overrides.NONE.withLanguage("fr"), null)));
        assertTrue(f.diagnostics().get(0).message().contains("'fr' is not one of this workbook's languages"), f.diagnostics().toString());
    }

    @Test
    void aBatchRowMayNameALanguage() throws IOException {
        Path project = tmp.resolve("batch");
        Path content = Golden.copyContent("site-bilingual", project.resolve("content"));
        Path csv = Files.writeString(project.resolve("people.csv"), "name,language\nMaría López,es\nSam Jones,\n");
        var names = new org.hearth.source.PathNames(project);
        var d = new org.hearth.diag.Diagnostics();
        var rows = new org.hearth.batch.PeopleFile(names).read(csv, d);
        assertEquals(List.of(), d.list());
        Hearth hearth = new Hearth(project);
        new org.hearth.batch.BatchBuilder(hearth).build(new BuildRequest(content, ROOT.resolve("templates"), project.resolve("output"),
                false, true, PrintOptions.DEFAULT, Overrides.NONE, null), rows, "people.csv", org.hearth.batch.BatchBuilder.Progress.quiet());
        assertTrue(pdfText(project.resolve("output/people/maria-lopez.pdf")).contains("Para María López"));
        assertTrue(pdfText(project.resolve("output/people/sam-jones.pdf")).contains("For Sam Jones"));
        Files.writeString(csv, "name,language\nAna,Spanish\n");
        var bad = new org.hearth.diag.Diagnostics();
        new org.hearth.batch.PeopleFile(names).read(csv, bad);
        assertTrue(bad.list().toString().contains("people.csv:2:5") && bad.list().toString().contains("'Spanish' is not a language tag"),
                bad.list().toString());
    }

    @Test
    void aTranslationHoldsOnlyTranslatableKeys() throws IOException {
        Path project = tmp.resolve("keysonly");
        Path content = Golden.copyContent("site-bilingual", project.resolve("content"));
        Path yml = content.resolve("es/workbook.yml");
        Files.writeString(yml, Files.readString(yml) + "page_size: A5\n");
        BuildFailure f = assertThrows(BuildFailure.class, () -> new Hearth(project).build(new BuildRequest(content,
                ROOT.resolve("templates"), project.resolve("output"))));
        assertTrue(f.diagnostics().toString().contains("content/es/workbook.yml:9:1") && f.diagnostics().toString().contains("page_size"),
                f.diagnostics().toString());
    }
}
