package org.hearth.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code hearth answers export} of a filled Spanish fillable PDF (fixture {@code site-bilingual}): the
 * export is the Spanish workbook's, with the labels the Spanish site gives its answer fields.
 */
class SpanishExportTest {

    @TempDir
    Path out;

    private static final Pattern LABEL = Pattern.compile("^  \"([^\"]+)\": \\{title: \"((?:[^\"\\\\]|\\\\.)*)\", page: \"((?:[^\"\\\\]|\\\\.)*)\"",
            Pattern.MULTILINE);

    @Test
    void aFilledSpanishFillableExportsSpanishLabelsAndEveryField() throws IOException {
        Path content = org.hearth.testing.Golden.fixtures().resolve("site-bilingual/content");
        AnswersFiles.Run built = AnswersFiles.hearth("build", "--content", content.toString(), "--out", out.toString(), "--fillable", "-q");
        assertEquals(0, built.code(), built.err());
        Path pdf = out.resolve("workbook.es.pdf");
        Path filled = out.resolve("rellenado.pdf");
        int set = 0;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            // What a person types in a viewer: the first line of every text field (the Date line, prompts, notes,
            // the self-check's cells and dates, the Notes pages, the plan's days).
            for (PDField f : doc.getDocumentCatalog().getAcroForm().getFieldTree()) {
                String name = f.getFullyQualifiedName();
                if (f instanceof PDTextField && !name.equals("cover-name") && (!name.matches(".*-\\d+$") || name.endsWith("-1")
                        || name.contains("-tracker-"))) {
                    String value = name.contains("-date-") ? "2026-12-01" : name.contains("-tracker-") ? "3" : "escrito en " + name;
                    f.getCOSObject().setItem(COSName.V, new COSString(value));
                    set++;
                }
            }
            doc.save(filled.toFile());
        }
        assertTrue(set > 15, "fields filled: " + set);
        Path json = out.resolve("mis-respuestas.json");
        AnswersFiles.Run r = AnswersFiles.hearth("answers", "export", "--content", content.toString(), filled.toString(), "-o", json.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("do not belong"), "every field of the Spanish PDF is the Spanish workbook's: " + r.err());

        Map<String, Object> export = new Yaml().load(Files.readString(json, StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        Map<String, Object> book = (Map<String, Object>) export.get("workbook");
        assertEquals("Un libro pequeño", book.get("title"));
        assertEquals("a-small-book--es", book.get("id"), "the Spanish site keys its answers by the Spanish edition's id, and imports only those");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> answers = (Map<String, Map<String, Object>>) export.get("answers");
        assertTrue(answers.size() == set, answers.size() + " answers for " + set + " fields filled: " + answers.keySet());

        // The Spanish site's labels (HEARTH_LABELS of site/es/), which My answers shows for each answer.
        Map<String, String[]> site = new LinkedHashMap<>();
        try (var files = Files.list(out.resolve("site/es/assets"))) {
            Path index = files.filter(p -> p.getFileName().toString().startsWith("search-index.")).findFirst().orElseThrow();
            Matcher m = LABEL.matcher(Files.readString(index, StandardCharsets.UTF_8));
            while (m.find()) {
                site.put(m.group(1), new String[] {unescape(m.group(2)), unescape(m.group(3))});
            }
        }
        for (Map.Entry<String, Map<String, Object>> a : answers.entrySet()) {
            String[] label = site.get(a.getKey());
            assertNotNull(label, "the Spanish site labels " + a.getKey());
            assertEquals(label[0], a.getValue().get("question"), "question of " + a.getKey());
            assertEquals(label[1], a.getValue().get("page"), "page of " + a.getKey());
        }
        assertEquals("Fecha de La primera práctica", answers.get("first-date").get("question"));
        assertEquals("¿Qué has sentido hoy?", answers.get("first--notice-one").get("question"));
        assertEquals("Notas sobre La primera práctica", answers.get("first-notes").get("question"));
        assertEquals("Notas, página 1", answers.get("notes-1").get("question"));
        assertEquals("Fecha de la revisión (Inicio)", answers.get("first-tracker-1-date-0").get("question"));

        // Back on paper: a keepsake, and a filled fillable, from the Spanish PDF or from its export are the Spanish edition's.
        for (Path source : List.of(filled, json)) {
            Path keep = out.resolve("recuerdo-" + source.getFileName());
            AnswersFiles.Run k = AnswersFiles.hearth("build", "--content", content.toString(), "--out", keep.toString(), "--answers", source.toString(), "-q");
            assertEquals(0, k.code(), k.err());
            String text = String.join(" ", KeepsakeTest.pages(keep.resolve(AnswersOptions.KEEPSAKE)));
            KeepsakeTest.assertInOrder(text, List.of("Un libro pequeño", "Fecha: escrito en first-date", "¿Qué has sentido hoy?",
                    "escrito en first--notice-one-1"));
        }
        Path refilled = out.resolve("rellenado-de-nuevo");
        AnswersFiles.Run f = AnswersFiles.hearth("build", "--content", content.toString(), "--out", refilled.toString(), "--fillable",
                "--answers", json.toString(), "-q");
        assertEquals(0, f.code(), f.err());
        try (PDDocument doc = Loader.loadPDF(refilled.resolve(AnswersOptions.FILLED).toFile())) {
            assertEquals("es", doc.getDocumentCatalog().getLanguage());
            assertEquals("2026-12-01", doc.getDocumentCatalog().getAcroForm().getField("first-tracker-2-date-0").getValueAsString(),
                    "the Spanish edition's own self-check has its answer");
        }

        // No English interface string in any label (the English catalogue's words for dates, notes, days, pages).
        Properties en = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("hearth.project.root", "."), "templates/messages/en.properties"))) {
            en.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> english = List.of("pdf.dateFor", "pdf.notesOn", "pdf.notes", "plan.day", "index.notesPage", "index.checkDate", "index.note",
                "index.other", "more.prompts").stream().map(k -> en.getProperty(k).replaceAll("\\{\\d}", "").strip()).toList();
        for (Map.Entry<String, Map<String, Object>> a : answers.entrySet()) {
            String q = a.getValue().get("question") + " / " + a.getValue().get("page");
            for (String word : english) {
                assertFalse(q.contains(word), a.getKey() + ": “" + q + "” holds the English “" + word + "”");
            }
        }
    }

    private static String unescape(String js) {
        return js.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
