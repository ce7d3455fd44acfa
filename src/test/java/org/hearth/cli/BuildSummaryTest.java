package org.hearth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.hearth.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The build summary of a multilingual build names each language's PDF with its own page count
 * (their sum is no PDF's length); a single PDF keeps "a N-page PDF".
 */
class BuildSummaryTest {

    @TempDir
    Path tmp;

    private static int pages(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return doc.getNumberOfPages();
        }
    }

    @Test
    void aBilingualBuildNamesEachPdfWithItsPages() throws IOException {
        Path content = Golden.copyContent("site-bilingual", tmp.resolve("content"));
        Path out = tmp.resolve("out");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cli = new CommandLine(new BuildCommand());
        cli.setOut(new PrintWriter(o));
        cli.setErr(new PrintWriter(e));
        int code = cli.execute("--content", content.toString(), "--out", out.toString(), "--only", "pdf");
        assertEquals(0, code, e.toString());
        String summary = o.toString().lines().filter(l -> l.startsWith("Built ")).findFirst().orElseThrow(() -> new AssertionError(o));
        int en = pages(out.resolve("workbook.pdf"));
        int es = pages(out.resolve("workbook.es.pdf"));
        assertTrue(summary.startsWith("Built workbook.pdf (" + en + " pages), workbook.es.pdf (" + es + " pages), each PDF/UA-1 + PDF/A-2a, in "),
                summary);
        assertTrue(!summary.contains("-page PDF"), summary);
    }
}
