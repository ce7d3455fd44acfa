package org.hearth.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hearth.cli.Main;
import org.hearth.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hearth build --people}: one PDF per row, a broken row named by its line, the rest still built. */
class BatchBuildTest {

    @TempDir
    Path project;

    @Test
    void buildsEveryGoodRowAndNamesTheBrokenOne() throws IOException {
        Path content = Golden.fixtures().resolve("basic/content");
        Path csv = project.resolve("people.csv");
        Files.writeString(csv, """
                name,edition,start_date,dedication
                Sam Rivera,client,2026-12-01,For you.
                Zoë Okafor,facilitator,,
                Broken,clinet,,
                """);
        Path out = project.resolve("output");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.run(new String[] {"build", "--content", content.toString(), "--out", out.toString(), "--people", csv.toString()},
                new PrintWriter(stdout), new PrintWriter(stderr));
        assertEquals(1, code, stderr.toString());
        assertTrue(stderr.toString().contains("people.csv:4:8: error: unknown edition 'clinet'"), stderr.toString());
        assertTrue(stderr.toString().contains("hint: did you mean 'client'?"), stderr.toString());
        assertTrue(stdout.toString().contains("Built 2 of 3 workbooks"), stdout.toString());
        try (Stream<Path> files = Files.list(out.resolve("people"))) {
            assertEquals(List.of("sam-rivera.pdf", "zoe-okafor.pdf"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (PDDocument pdf = Loader.loadPDF(out.resolve("people/sam-rivera.pdf").toFile())) {
            PDFTextStripper first = new PDFTextStripper();
            first.setEndPage(1);
            String cover = first.getText(pdf);
            assertTrue(cover.contains("For Sam Rivera") && cover.contains("Started 2026-12-01"), cover);
            assertTrue(!new PDFTextStripper().getText(pdf).contains("Only facilitators see this."), "client edition");
        }
        try (PDDocument pdf = Loader.loadPDF(out.resolve("people/zoe-okafor.pdf").toFile())) {
            assertTrue(new PDFTextStripper().getText(pdf).contains("Only facilitators see this."), "facilitator edition");
        }
    }

    @Test
    void everyPersonsSiteKeepsItsAnswersApart() throws IOException {
        Path content = Golden.fixtures().resolve("basic/content");
        Path csv = project.resolve("people.csv");
        Files.writeString(csv, "name\nSam Rivera\nZoë Okafor\n");
        Path out = project.resolve("output");
        int code = Main.run(new String[] {"build", "--content", content.toString(), "--out", out.toString(), "--people", csv.toString(),
                "--people-sites", "-q"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        String sam = Files.readString(out.resolve("people/sam-rivera/site/index.html"));
        String zoe = Files.readString(out.resolve("people/zoe-okafor/site/index.html"));
        java.util.function.Function<String, String> id = html -> org.jsoup.Jsoup.parse(html).body().attr("data-workbook-id");
        // Browsers key stored answers by this id: sites on one address must not share a person's answers.
        String workbook = org.hearth.config.ConfigLoader.slug("A Small Book");
        assertEquals(List.of(workbook + "-sam-rivera", workbook + "-zoe-okafor"), List.of(id.apply(sam), id.apply(zoe)));
    }

    @Test
    void slugsAreSafeFileNames() {
        assertEquals("zoe-okafor", PeopleFile.slug("Zoë Okafor"));
        assertEquals("anne-marie-o-neil", PeopleFile.slug("  Anne-Marie O'Neil "));
        assertEquals("person", PeopleFile.slug("✿"));
    }
}
