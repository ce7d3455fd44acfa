package org.hearth.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hearth.answers.AnswersOptions;
import org.hearth.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * A keepsake and a fillable PDF filled from answers (with Greek, Cyrillic and accented text, a
 * ticked box, a chosen rating) meet the same standards as the workbook: PDF/UA-1 and PDF/A-2a.
 */
class AnswersPdfStandardsTest {

    @TempDir
    Path out;

    private byte[] build(String file, String... extra) throws java.io.IOException {
        Path root = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().resolve("src/test/resources/answers");
        List<String> args = new java.util.ArrayList<>(List.of("build", "--content", root.resolve("content").toString(), "--out",
                out.toString(), "--answers", root.resolve("answers.json").toString()));
        args.addAll(List.of(extra));
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err)), err.toString());
        return Files.readAllBytes(out.resolve(file));
    }

    @Test
    void theKeepsakeMeetsPdfUa1AndPdfA2a() throws java.io.IOException {
        byte[] pdf = build(AnswersOptions.KEEPSAKE);
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1));
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFA_2_A));
    }

    @Test
    void theFilledFillableMeetsPdfUa1AndPdfA2a() throws java.io.IOException {
        byte[] pdf = build(AnswersOptions.FILLED, "--fillable");
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1));
        assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFA_2_A));
    }
}
