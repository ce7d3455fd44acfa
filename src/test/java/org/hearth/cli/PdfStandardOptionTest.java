package org.hearth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.hearth.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --pdf-standard}: the build summary names the standard met; an unknown one is refused with the choices. */
class PdfStandardOptionTest {

    @TempDir
    Path out;

    private String[] build(String... extra) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cli = new CommandLine(new BuildCommand());
        cli.setOut(new PrintWriter(o));
        cli.setErr(new PrintWriter(e));
        Path dir = Golden.fixtures().resolve("basic");
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"--content", dir.resolve("content").toString(), "--out", out.toString(), "--only", "pdf"}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        int code = cli.execute(args);
        return new String[] {String.valueOf(code), o.toString(), e.toString()};
    }

    @Test
    void summaryNamesTheStandardTheDefaultIsTheStrictest() {
        String[] plain = build();
        assertEquals("0", plain[0], plain[2]);
        assertTrue(plain[1].contains("-page PDF (PDF/UA-1 + PDF/A-2a) in "), plain[1]);
        String[] a2b = build("--pdf-standard", "a2b");
        assertTrue(a2b[1].contains("-page PDF (PDF/A-2b) in "), a2b[1]);
    }

    @Test
    void anUnknownStandardIsRefusedWithTheChoices() {
        String[] r = build("--pdf-standard", "pdfx");
        assertTrue(!r[0].equals("0"), r[1]);
        assertTrue(r[2].contains("ua, a2u, a2b, none"), r[2]);
    }
}
