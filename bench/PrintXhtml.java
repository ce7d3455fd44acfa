import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.diag.Diagnostics;
import org.hearth.model.Workbook;
import org.hearth.render.Templates;
import org.hearth.render.Theme;
import org.hearth.render.pdf.PdfRenderer;

/**
 * Writes the XHTML that Hearth lays out as its PDF, so WeasyPrint can typeset exactly the same
 * document. Run from a project folder: java -cp target/hearth.jar bench/PrintXhtml.java OUT.xhtml
 */
public class PrintXhtml {
    private static final java.util.regex.Pattern EMPTY = java.util.regex.Pattern.compile(
            "<(?!(?:br|hr|img|meta|link|input|col|area|base|wbr)\\b)([a-zA-Z][\\w:-]*)((?:\\s[^<>]*?)?)\\s*/>");
    public static void main(String[] args) throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        BuildRequest request = new BuildRequest(cwd.resolve("content"), cwd.resolve("templates"), cwd.resolve("output"));
        Workbook workbook = new Hearth(cwd).prepare(request, new Diagnostics());
        Theme theme = Theme.load(request.templatesDir());
        PdfRenderer renderer = new PdfRenderer(new Templates(theme), theme);
        // The template step is package-private in Hearth; a benchmark may reach in, the product does not.
        Method xhtml = PdfRenderer.class.getDeclaredMethod("xhtml", Workbook.class, boolean.class, boolean.class);
        xhtml.setAccessible(true);
        String doc = (String) xhtml.invoke(renderer, workbook, false, false);
        // WeasyPrint parses HTML, where <div/> opens a div that never closes; spell empty elements out.
        doc = EMPTY.matcher(doc).replaceAll("<$1$2></$1>");
        Files.writeString(Path.of(args[0]), doc, StandardCharsets.UTF_8);
    }
}
