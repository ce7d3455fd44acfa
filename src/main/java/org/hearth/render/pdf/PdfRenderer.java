package org.hearth.render.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Calendar;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Position;
import org.hearth.answers.AnswerSheet;
import org.hearth.answers.FormFill;
import org.hearth.answers.Keepsake;
import org.hearth.answers.LineBreaker;
import org.hearth.model.Book;
import org.hearth.model.Imposition;
import org.hearth.model.PageSize;
import org.hearth.model.PdfStandard;
import org.hearth.model.Workbook;
import org.hearth.render.OutputFile;
import org.hearth.render.Templates;
import org.hearth.render.Theme;
import org.hearth.render.pdf.tagging.PdfFinisher;
import org.hearth.render.pdf.tagging.TagTree;
import org.hearth.render.pdf.tagging.TaggingOutputDevice;
import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfEncryption;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xhtmlrenderer.pdf.FontDescription;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.PDFCreationListener;

/**
 * Stage 5b, render the PDF: Freemarker writes XHTML, a hardened parser builds the DOM, Flying
 * Saucer lays it out onto OpenPDF. Nothing is read from disk: the user agent serves only the
 * theme's files and the content's media from memory.
 */
public final class PdfRenderer {

    /** File name of the booklet edition. */
    public static final String BOOKLET = "workbook-booklet.pdf";

    /** The print template. */
    public static final String TEMPLATE = "pdf/book.ftlx";

    private static final Pattern SITE_LINK = Pattern.compile("^([a-z0-9]+(?:-[a-z0-9]+)*)\\.html(?:#(.+))?$");

    private final Templates templates;
    private final Theme theme;
    /** The XHTML default margin of the body (8 px, which is 6 pt), in millimetres. */
    private static final double BODY_MARGIN_MM = 6 * 25.4 / 72;
    private final SafeXml xml = new SafeXml();

    public PdfRenderer(Templates templates, Theme theme) {
        this.templates = templates;
        this.theme = theme;
        // OpenPDF writes its cross-reference table with String.format in the default format
        // locale: under a locale with other digits (th-TH-u-nu-thai, ar-EG) the PDF is not the
        // same file and not even readable. Hearth formats nothing for people with the default
        // locale (dates use the workbook's language), so the process formats with ASCII digits.
        Locale.setDefault(Locale.Category.FORMAT, Locale.ROOT);
    }

    /** The rendered PDF and how many pages it has. */
    public record RenderedPdf(OutputFile file, int pages) {
    }

    /**
     * Renders the workbook to {@code workbook.pdf}, in memory.
     *
     * @param time the creation time stamped into the PDF; the same input and time give the same bytes
     */
    public RenderedPdf render(Workbook workbook, PrintOptions options, Instant time) {
        return render(workbook, options, time, null);
    }

    /**
     * Renders the workbook with a person's answers printed in place of the empty lines (a keepsake;
     * {@code keepsake} null for the plain workbook). The fillable edition ignores it: its fields
     * are filled after layout, so its pages stay the print edition's.
     */
    public RenderedPdf render(Workbook workbook, PrintOptions options, Instant time, Keepsake keepsake) {
        return render(workbook, options, time, keepsake, null);
    }

    /**
     * Renders the fillable edition with a person's answers already in its fields, each with an
     * appearance so every viewer shows it, and its answer's time as the widget's {@code /M}.
     */
    public RenderedPdf renderFilled(Workbook workbook, PrintOptions options, Instant time, AnswerSheet sheet) {
        LineBreaker breaker = new LineBreaker(themeFont("fonts/Yrsa-Regular.ttf", "typed answers"),
                themeFont("fonts/Lato-Regular.ttf", "typed answers"));
        return render(workbook, new PrintOptions(options.pageSize(), true, false, options.rightHand(), options.standard()), time, null,
                new FormFill(sheet, breaker));
    }

    private RenderedPdf render(Workbook workbook, PrintOptions options, Instant time, Keepsake keepsake, FormFill fill) {
        boolean fillable = options.fillable();
        String xhtml = xhtml(workbook, fillable, options.rightHand(), fillable || keepsake == null ? null : keepsake.on(column(workbook.book().pageSize())),
                fill);
        Document dom = parse(xhtml);
        GlyphLayout.Widths widths = new GlyphLayout.Widths();
        CopyFit.Fitted fitted = fit(dom, workbook, fill == null ? java.util.Set.of() : fill.notes(), widths);
        byte[] inputHash = inputHash(xhtml, workbook);
        PdfStandard standard = standard(workbook, options);
        TagTree tags = standard.tagged() ? new TagTree(dom, workbook.book().language()) : null;
        RenderedPdf pdf = layout(dom, workbook, time, inputHash, tags, fillable, fill, widths, fitted);
        byte[] bytes = pdf.file().bytes();
        byte[] id = java.util.Arrays.copyOf(inputHash, 16);
        bytes = new PdfFinisher(standard, workbook.book().language(), time, id).finish(bytes, tags);
        return new RenderedPdf(new OutputFile(pdf.file().path(), bytes), pdf.pages());
    }

    /**
     * The text column's width on {@code size}: the page less its mirrored side margins and the
     * body's own margin, which print.css leaves at the XHTML default of 8 px (6 pt) a side (a
     * keepsake measured without it set a long line up to 2.8 pt past its rule's end).
     */
    private static double column(org.hearth.model.PageSize size) {
        Margins m = Margins.of(size);
        return size.widthMm() - m.inner() - m.outer() - 2 * BODY_MARGIN_MM;
    }

    /** The standard a build meets: {@code --pdf-standard}, else workbook.yml's, else the strictest (PDF/UA-1 + PDF/A-2a). */
    public static PdfStandard standard(Workbook workbook, PrintOptions options) {
        if (options.standard() != null) {
            return options.standard();
        }
        return workbook.book().pdfStandard() != null ? workbook.book().pdfStandard() : PdfStandard.UA;
    }

    /**
     * Renders the booklet edition: the book set on half-sheet pages (A5, or half-Letter for Letter
     * books), imposed two-up in saddle-stitch order. Form fields do not survive imposition, so
     * the booklet is always the print edition.
     */
    public OutputFile booklet(Workbook workbook, PrintOptions options, Instant time) {
        return booklet(workbook, options, time, null);
    }

    /** The booklet edition, of a keepsake when {@code keepsake} is not null. */
    public OutputFile booklet(Workbook workbook, PrintOptions options, Instant time, Keepsake keepsake) {
        PageSize sheet = switch (workbook.book().pageSize()) {
            case A4, A5 -> PageSize.A4;
            case LETTER, HALF_LETTER -> PageSize.LETTER;
            case SIX_BY_NINE -> throw BuildFailure.of(Position.ofFile("content/workbook.yml"),
                    "a booklet cannot be made from 6x9 pages", "use page_size A4, A5, Letter or half-letter (or --page-size) with --booklet");
        };
        PageSize half = sheet == PageSize.A4 ? PageSize.A5 : PageSize.HALF_LETTER;
        // Imposition draws two pages on one sheet, so the booklet cannot keep a reading order: it is
        // archival (PDF/A-2) at most, never tagged.
        PdfStandard standard = standard(workbook, options).untagged();
        PrintOptions print = new PrintOptions(half, false, false, options.rightHand(), PdfStandard.NONE);
        Book book = workbook.book().withPageSize(half);
        RenderedPdf pages = render(workbook.withBook(book), print, time, keepsake);
        // A booklet is whole sheets of four pages. Pad it with ruled Notes pages set by the book
        // itself, after its last Notes page (the end of the body, where a designer puts spare pages),
        // so they carry folios and running heads like the others; only if typesetting does not land
        // on a multiple of four does the imposition fall back to blank pages at the back.
        for (int attempt = 0; attempt < 2 && pages.pages() % 4 != 0; attempt++) {
            book = book.withNotesPages(book.notesPages() + 4 - pages.pages() % 4);
            pages = render(workbook.withBook(book), print, time, keepsake);
        }
        byte[] id = java.util.Arrays.copyOf(sha256("booklet\n" + java.util.HexFormat.of().formatHex(pages.file().bytes())), 16);
        Imposition imposition = workbook.book().imposition();
        if (options.foldMarks()) {
            imposition = new Imposition(true, imposition.creepMm());
        }
        byte[] imposed = Booklet.impose(pages.file().bytes(), sheet, imposition, workbook.book().title(), time, id);
        return new OutputFile(BOOKLET, new PdfFinisher(standard, workbook.book().language(), time, id).finish(imposed, null));
    }

    /**
     * Font subsets get a random six-letter prefix; seed each font's generator from the input so
     * the prefix is stable across builds of the same content.
     */
    private static void pinSubsetPrefixes(ITextRenderer renderer, byte[] inputHash) {
        for (FontFamily family : renderer.getFontResolver().getFonts().values()) {
            for (FontDescription description : family.getFontDescriptions()) {
                pinSubsetPrefix(description.getFont(), inputHash);
            }
        }
    }

    /**
     * What the file ID and font prefixes are derived from: the XHTML and every image, name and
     * bytes, in path order (the workbook keeps media sorted), so equal input gives equal bytes.
     */
    private static byte[] inputHash(String xhtml, Workbook workbook) {
        StringBuilder text = new StringBuilder(xhtml);
        java.util.HexFormat hex = java.util.HexFormat.of();
        new java.util.TreeMap<>(workbook.media()).forEach((path, bytes) -> {
            try {
                text.append('\n').append(path).append(' ').append(hex.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        });
        return sha256(text.toString());
    }

    private static void pinSubsetPrefix(BaseFont font, byte[] inputHash) {
        try {
            SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
            seeded.setSeed(sha256(java.util.HexFormat.of().formatHex(inputHash) + font.getPostscriptFontName()));
            font.setSecureRandom(seeded);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every JDK", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Renders the print template and parses the result, without laying out pages: the quick check
     * that the template and the content fit together, for one variant of the PDF.
     *
     * @throws BuildFailure with the template's position when something is wrong
     */
    public void check(Workbook workbook, boolean fillable, boolean rightHand) {
        parse(xhtml(workbook, fillable, rightHand));
    }

    /** The print template's output as a DOM, or a failure at the template naming where its output broke. */
    private Document parse(String xhtml) {
        try {
            return xml.parse(xhtml);
        } catch (SafeXml.XmlError e) {
            throw BuildFailure.of(Position.ofFile("templates/" + TEMPLATE),
                    "the print template produced invalid XHTML (line " + e.line + ", column " + e.column + " of its output): " + e.getMessage(),
                    "check the template's markup; every tag must be closed");
        }
    }

    /**
     * The XHTML as it is laid out: the template's output after copy-fitting has grown the last
     * writing spaces (tests compare the PDF's structure with it).
     */
    String fittedXhtml(Workbook workbook, boolean fillable, boolean rightHand) {
        try {
            Document dom = xml.parse(xhtml(workbook, fillable, rightHand));
            GlyphLayout.Widths widths = new GlyphLayout.Widths();
            CopyFit.Fitted fitted = fit(dom, workbook, java.util.Set.of(), widths);
            if (fitted.needsCheck()) {
                // What render confirms on its real layout, confirmed here on a measuring one.
                fitted.confirm(measured(dom, workbook, widths));
            }
            java.io.StringWriter out = new java.io.StringWriter();
            javax.xml.transform.TransformerFactory.newInstance().newTransformer()
                    .transform(new javax.xml.transform.dom.DOMSource(dom), new javax.xml.transform.stream.StreamResult(out));
            return out.toString();
        } catch (SafeXml.XmlError | javax.xml.transform.TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The print template's output, before layout (also what the golden fixtures compare). */
    String xhtml(Workbook workbook, boolean fillable, boolean rightHand) {
        return xhtml(workbook, fillable, rightHand, null, null);
    }

    private String xhtml(Workbook workbook, boolean fillable, boolean rightHand, Keepsake keepsake, FormFill fill) {
        return templates.render(TEMPLATE, new PrintView(workbook, fillable, rightHand, keepsake,
                templates.messages(workbook.book().language()), fill), "the PDF workbook");
    }

    /**
     * The template's document made ready for layout: links pointed inside the PDF, headings kept
     * from ending on one word, and the last writing spaces grown to their page foot. The growth
     * the returned record calls risky is confirmed against the real layout ({@link #layout}).
     */
    private CopyFit.Fitted fit(Document dom, Workbook workbook, java.util.Set<String> notesWanted, GlyphLayout.Widths widths) {
        rewriteLinks(dom);
        HeadingBreaks.bindLastWords(dom);
        return copyFit(dom, workbook, notesWanted, widths);
    }

    /**
     * Links between site pages become links inside the one PDF; each one whose target is in this PDF
     * gets the class {@code xref}, which print.css follows with "(page N)" (target-counter).
     */
    private static void rewriteLinks(Document dom) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        NodeList all = dom.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            ids.add(((Element) all.item(i)).getAttribute("id"));
        }
        NodeList anchors = dom.getElementsByTagName("a");
        for (int i = 0; i < anchors.getLength(); i++) {
            Element a = (Element) anchors.item(i);
            Matcher m = SITE_LINK.matcher(a.getAttribute("href"));
            if (m.matches()) {
                String id = m.group(2) != null ? m.group(2) : m.group(1);
                a.setAttribute("href", "#" + id);
                if (ids.contains(id)) {
                    a.setAttribute("class", (a.getAttribute("class") + " xref").strip());
                }
            }
        }
    }

    private byte[] themeFont(String path, String use) {
        return theme.file(path).orElseThrow(() -> BuildFailure.of(Position.ofFile("templates/" + path),
                "the theme has no " + path + ", which " + use + " are set in", "restore the file in your theme folder"));
    }

    /** Folios and running heads for the laid-out pages, in the theme's sans-serif. */
    private PageFurniture furniture(ITextRenderer renderer, Document dom, Workbook workbook, byte[] inputHash) {
        byte[] lato = themeFont("fonts/Lato-Regular.ttf", "folios and running heads");
        float mm = 72 / 25.4f;
        BaseFont font = PageFurniture.font(lato);
        pinSubsetPrefix(font, inputHash);
        Margins margins = Margins.of(workbook.book().pageSize());
        return new PageFurniture(PageMap.of(renderer, dom), font, (float) margins.inner() * mm, (float) margins.outer() * mm);
    }

    /** A Flying Saucer renderer set up the same way for the copy-fitting pass and the real layout. */
    private static ITextRenderer renderer(ITextOutputDevice device, ThemeUserAgent agent, GlyphLayout glyphs) {
        // Kerning and ligatures in both layouts, so the measuring pass sees the same line breaks.
        ITextRenderer renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT,
                ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device, agent, new org.xhtmlrenderer.pdf.ITextFontResolver(),
                new org.xhtmlrenderer.pdf.ITextReplacedElementFactory(device), glyphs.measurer());
        glyphs.attach(renderer);
        renderer.getSharedContext().setLineBreakingStrategy(new ApostropheLineBreaking());
        return renderer;
    }

    /**
     * Copy-fitting: a first layout, measured only, tells which writing spaces end their page, and
     * those grow to the page foot in the document before the real layout (see {@link CopyFit}).
     */
    private CopyFit.Fitted copyFit(Document dom, Workbook workbook, java.util.Set<String> notesWanted, GlyphLayout.Widths widths) {
        ITextRenderer first = measured(dom, workbook, widths);
        org.hearth.i18n.Catalogue words = templates.messages(workbook.book().language());
        return CopyFit.grow(first, dom, words.t("pdf.notes"),
                (title, line) -> words.t("pdf.notesOn", title) + (line > 1 ? " (" + words.t("pdf.line", line) + ")" : ""), notesWanted);
    }

    /** {@code dom} laid out to be measured, never drawn. */
    private ITextRenderer measured(Document dom, Workbook workbook, GlyphLayout.Widths widths) {
        VisibleTextDevice device = new VisibleTextDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
        ThemeUserAgent agent = new ThemeUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL,
                path -> theme.file(path).orElse(null), workbook.media());
        ITextRenderer renderer = renderer(device, agent, new GlyphLayout(agent::fonts, widths));
        renderer.setDocument(dom, ThemeUserAgent.BASE);
        renderer.layout();
        return renderer;
    }

    /**
     * The real layout, drawn into the PDF. Copy-fitting's risky growth (a drawing box grown above a
     * pushed prompt) is confirmed on this very layout: when a page starts elsewhere than in the
     * measuring one, the boxes get their former size and the document is laid out once more. A
     * separate confirming layout cost a whole layout on every build; this costs one only then.
     */
    private RenderedPdf layout(Document dom, Workbook workbook, Instant time, byte[] inputHash, TagTree tags, boolean fillable,
            FormFill fill, GlyphLayout.Widths widths, CopyFit.Fitted fitted) {
        Drawn drawn = fitted.confirmed(() -> laidOut(dom, workbook, time, inputHash, tags, fillable, widths), Drawn::renderer);
        ITextRenderer renderer = drawn.renderer();
        ITextOutputDevice device = drawn.device();
        PageFurniture[] furnitureHolder = drawn.furniture();
        furnitureHolder[0] = furniture(renderer, dom, workbook, inputHash);
        if (fillable) {
            device.setRoot(renderer.getRootBox()); // createPDF sets it too, but the fields' places are needed first
            FormFields forms = FormFields.of(renderer, dom, FormFields.font(themeFont("fonts/Yrsa-Regular.ttf", "typed answers")));
            if (fill != null) {
                forms = forms.filled(fill, FormFields.substitute(themeFont("fonts/Lato-Regular.ttf", "typed answers")));
            }
            furnitureHolder[0].withForms(forms);
        }
        renderer.setPdfPageEvent(furnitureHolder[0]);
        pinSubsetPrefixes(renderer, inputHash);
        int pages = renderer.getRootBox().getLayer().getPages().size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        try {
            renderer.createPDF(out);
        } catch (DocumentException e) {
            throw BuildFailure.of(Position.ofFile("templates/" + TEMPLATE), "PDF layout failed: " + e.getMessage(), "");
        }
        if (!drawn.agent().refused().isEmpty()) {
            throw BuildFailure.of(Position.ofFile("templates/" + TEMPLATE),
                    "the PDF asked for files Hearth does not serve: " + String.join(", ", drawn.agent().refused()),
                    "refer only to theme files listed in theme.txt (as theme/...) and to images inside content/");
        }
        return new RenderedPdf(new OutputFile("workbook.pdf", out.toByteArray()), pages);
    }

    /**
     * A renderer that has laid out {@code dom} for drawing, with its device, its user agent and the
     * slot its page listener reads the page furniture from (filled in once the pages are known).
     */
    private record Drawn(ITextRenderer renderer, ITextOutputDevice device, ThemeUserAgent agent, PageFurniture[] furniture) {
    }

    private Drawn laidOut(Document dom, Workbook workbook, Instant time, byte[] inputHash, TagTree tags, boolean fillable,
            GlyphLayout.Widths widths) {
        ITextOutputDevice device = tags != null ? new TaggingOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT, tags)
                : new VisibleTextDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
        ThemeUserAgent agent = new ThemeUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL,
                path -> theme.file(path).orElse(null), workbook.media());
        GlyphLayout glyphs = new GlyphLayout(agent::fonts, widths);
        ITextRenderer renderer = renderer(device, agent, glyphs);
        renderer.setPDFCreator("Hearth");
        renderer.setPDFProducer("Hearth (Flying Saucer, OpenPDF)");
        String language = workbook.book().language();
        PageFurniture[] furnitureHolder = new PageFurniture[1];
        renderer.setListener(new PDFCreationListener() {
            @Override
            public void preOpen(ITextRenderer r) {
                if (fillable) {
                    r.getWriter().setTabs(PdfName.S); // Tab follows the reading order
                }
            }

            @Override
            public void preWrite(ITextRenderer r, int pageCount) {
                // Kerning and standard ligatures: Flying Saucer's showText goes through the document's glyph
                // layout (the document is open here, before the first page is drawn).
                r.getWriter().getDirectContent().getPdfDocument().setGlyphLayoutManager(glyphs.manager());
            }

            @Override
            public void onClose(ITextRenderer r) {
                r.getWriter().getExtraCatalog().put(PdfName.LANG, new PdfString(language));
                r.getWriter().setPageLabels(furnitureHolder[0].labels());
                r.getWriter().setViewerPreferences(PdfWriter.PageModeUseOutlines | PdfWriter.DisplayDocTitle);
                // OpenPDF stamps "now" and a random file ID; pin both so equal input gives equal bytes.
                Calendar when = PdfFinisher.utc(time);
                r.getWriter().getInfo().put(PdfName.CREATIONDATE, new PdfDate(when));
                r.getWriter().getInfo().put(PdfName.MODDATE, new PdfDate(when));
                byte[] id = java.util.Arrays.copyOf(inputHash, 16);
                r.getWriter().getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
            }
        });
        renderer.setDocument(dom, ThemeUserAgent.BASE);
        renderer.layout();
        return new Drawn(renderer, device, agent, furnitureHolder);
    }
}
