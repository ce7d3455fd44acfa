package org.hearth.render.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.hearth.answers.FormFill;
import org.hearth.answers.PdfAnswers;
import org.openpdf.text.pdf.PdfAnnotation;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfFormField;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.pdf.RadioCheckField;
import org.openpdf.text.pdf.TextField;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.PagePosition;

/**
 * The fillable edition's form fields, laid exactly over the print edition's writing space: the
 * template marks each rule, box, tick box, rating circle and tracker cell ({@code data-form},
 * {@code data-field}, {@code data-tip}), and each gets a field where the layout put it. The pages
 * themselves are the print edition's, so both editions have the same pagination.
 *
 * <p>Each rule gets its own single-line field (named {@code answer-1}, {@code answer-2} …): a
 * multi-line field cannot match a 9 mm handwriting pitch, as viewers set its leading from the font
 * size. Typed text uses the theme's serif, embedded whole so that any Latin-1 character typed in
 * any viewer can be shown.
 */
final class FormFields {

    private static final float MM = 72 / 25.4f;
    private static final Color INK = new Color(0x1d, 0x3f, 0x73);

    /** One marked element and where it landed (page 0-based, rectangle in points). */
    private record Placed(String form, String field, String tip, String value, int page, Rectangle box) {
    }

    private final Map<Integer, List<Placed>> byPage;
    private final BaseFont font;
    // Filled from answers (hearth build --fillable --answers): each field's value, else empty.
    private final Map<String, FormFill.Filled> values;
    private final BaseFont substitute;

    private FormFields(Map<Integer, List<Placed>> byPage, BaseFont font) {
        this(byPage, font, Map.of(), null);
    }

    private FormFields(Map<Integer, List<Placed>> byPage, BaseFont font, Map<String, FormFill.Filled> values, BaseFont substitute) {
        this.byPage = byPage;
        this.font = font;
        this.values = values;
        this.substitute = substitute;
    }

    /** The theme's sans, for typed letters the serif lacks (Greek, Cyrillic) in filled-in fields. */
    static BaseFont substitute(byte[] ttf) {
        return ThemeFonts.embedded("Lato-Regular.ttf", ttf);
    }

    /** The same fields holding a person's answers, with their appearances drawn. */
    FormFields filled(FormFill fill, BaseFont sans) {
        List<FormFill.Spot> spots = new ArrayList<>();
        byPage.values().forEach(list -> list.forEach(p -> spots.add(new FormFill.Spot(p.form(), p.field(), p.box().getWidth()))));
        return new FormFields(byPage, font, fill.fill(spots, 12), sans);
    }

    private static void stamp(PdfFormField f, FormFill.Filled v) {
        if (v != null) {
            f.put(PdfName.M, new PdfDate(org.hearth.render.pdf.tagging.PdfFinisher.utc(v.modified())));
            f.put(PdfAnswers.UPDATED, new PdfString(org.hearth.answers.AnswersJson.time(v.modified())));
            if (!v.history().isEmpty()) {
                f.put(PdfAnswers.HISTORY, new PdfString(v.history(), PdfObject.TEXT_UNICODE));
            }
        }
    }

    /** The theme's serif for typed text, embedded in full (not subset). */
    static BaseFont font(byte[] ttf) {
        BaseFont font = ThemeFonts.embedded("Yrsa-Regular.ttf", ttf);
        font.setSubset(false);
        return font;
    }

    /** Finds every marked element's place; call after {@code layout()}, with the output device's root set. */
    static FormFields of(ITextRenderer renderer, Document dom, BaseFont font) {
        Map<String, Element> marks = Marks.byId(dom, "data-form");
        Map<String, PagePosition> where = new LinkedHashMap<>();
        for (PagePosition p : renderer.findPagePositionsByID(Pattern.compile("^fx-"))) {
            where.put(p.getId(), p);
        }
        Map<Integer, List<Placed>> byPage = new TreeMap<>();
        for (Map.Entry<String, Element> m : marks.entrySet()) {
            PagePosition p = where.get(m.getKey());
            if (p == null) {
                continue;
            }
            Element e = m.getValue();
            Rectangle box = new Rectangle(p.getX(), p.getY(), p.getX() + p.getWidth(), p.getY() + p.getHeight());
            byPage.computeIfAbsent(p.getPageNo(), k -> new ArrayList<>()).add(new Placed(e.getAttribute("data-form"),
                    e.getAttribute("data-field"), e.getAttribute("data-tip"), e.getAttribute("data-value"), p.getPageNo(), box));
        }
        return new FormFields(byPage, font);
    }

    /** Adds the fields of page {@code index} (0-based) while it is the writer's current page. */
    void addTo(PdfWriter writer, int index) {
        Map<String, PdfFormField> radios = new LinkedHashMap<>();
        try {
            for (Placed p : byPage.getOrDefault(index, List.of())) {
                switch (p.form()) {
                    case "text", "cell", "box" -> writer.addAnnotation(text(writer, p));
                    case "check" -> writer.addAnnotation(check(writer, p));
                    case "radio" -> {
                        PdfFormField group = radios.computeIfAbsent(p.field(), name -> {
                            FormFill.Filled v = values.get(name);
                            RadioCheckField kind = new RadioCheckField(writer, null, name, v == null ? "" : v.value());
                            kind.setChecked(v != null);
                            PdfFormField g = kind.getRadioGroup(false, false);
                            g.setUserName(p.tip());
                            stamp(g, v);
                            return g;
                        });
                        group.addKid(radio(writer, p));
                    }
                    default -> throw new IllegalStateException("unknown data-form '" + p.form() + "' on " + p.field());
                }
            }
            radios.values().forEach(writer::addAnnotation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("could not make the form field: " + e.getMessage(), e);
        }
    }

    private PdfFormField text(PdfWriter writer, Placed p) throws IOException, DocumentException {
        Rectangle r = p.box();
        Rectangle box = switch (p.form()) {
            // On the rule: the field's lower edge sits just above it, so typed text stands on the line.
            case "text" -> new Rectangle(r.getLeft(), r.getBottom() + 0.8f, r.getRight(), r.getBottom() + 0.8f + 6 * MM);
            case "cell" -> new Rectangle(r.getLeft() + 1, r.getBottom() + 1, r.getRight() - 1, r.getTop() - 1);
            default -> new Rectangle(r.getLeft() + 2, r.getBottom() + 2, r.getRight() - 2, r.getTop() - 2);
        };
        TextField field = new TextField(writer, box, p.field());
        field.setFont(font);
        field.setFontSize(p.form().equals("cell") ? 10 : 12);
        field.setTextColor(INK);
        field.setAlternateFieldName(p.tip());
        field.setAlignment(p.form().equals("cell") ? org.openpdf.text.Element.ALIGN_CENTER : org.openpdf.text.Element.ALIGN_LEFT);
        if (p.form().equals("box")) {
            field.setOptions(TextField.MULTILINE | TextField.DO_NOT_SCROLL);
        }
        FormFill.Filled v = values.get(p.field());
        if (v != null) {
            field.setText(v.value());
            if (substitute != null) {
                field.setSubstitutionFontList(new ArrayList<>(List.of(substitute)));
            }
            if (p.form().equals("box")) {
                field.setOptions(TextField.MULTILINE); // a long answer scrolls rather than being cut
            }
        }
        PdfFormField f = field.getTextField();
        stamp(f, v);
        f.setUserName(p.tip());
        f.setFlags(PdfAnnotation.FLAGS_PRINT);
        return f;
    }

    private PdfFormField check(PdfWriter writer, Placed p) throws IOException, DocumentException {
        // Exactly the printed tick box: no border or fill of its own, only the tick.
        RadioCheckField field = new RadioCheckField(writer, p.box(), p.field(), "Yes");
        field.setCheckType(RadioCheckField.TYPE_CHECK);
        field.setTextColor(INK);
        field.setAlternateFieldName(p.tip());
        FormFill.Filled v = values.get(p.field());
        field.setChecked(v != null);
        PdfFormField f = field.getFullField();
        stamp(f, v);
        f.setUserName(p.tip());
        f.setFlags(PdfAnnotation.FLAGS_PRINT);
        return f;
    }

    private PdfFormField radio(PdfWriter writer, Placed p) throws IOException, DocumentException {
        // The widget is the printed circle's own box; when chosen, a disc fills it.
        RadioCheckField field = new RadioCheckField(writer, p.box(), null, p.value());
        field.setCheckType(RadioCheckField.TYPE_CIRCLE);
        field.setTextColor(INK);
        FormFill.Filled v = values.get(p.field());
        field.setChecked(v != null && v.value().equals(p.value()));
        PdfFormField f = field.getKidField();
        f.setFlags(PdfAnnotation.FLAGS_PRINT);
        return f;
    }
}
