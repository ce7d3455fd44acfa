package org.hearth.answers;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Position;
import org.hearth.model.Workbook;
import org.openpdf.text.pdf.AcroFields;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;

/**
 * Reads the form fields of a filled Hearth fillable PDF back into answers. Field names carry the
 * answer ids ({@code <exercise>--<prompt>-<line>} for ruled lines, the id itself for boxes, tick
 * boxes, ratings and self-check cells); each answer's time is its widget's modification date
 * ({@code /M}), else the file's. Fields this workbook does not have are reported, never guessed.
 */
public final class PdfAnswers {

    /** The field-dictionary key holding a rating's dated history when Hearth fills a form. */
    public static final PdfName HISTORY = new PdfName("HearthHistory");
    /**
     * The field-dictionary key holding the answer's exact time when Hearth fills a form: {@code /M}
     * keeps whole seconds only, and the site's times have milliseconds.
     */
    public static final PdfName UPDATED = new PdfName("HearthUpdated");

    private static final Pattern LINE = Pattern.compile("(.+)-(\\d{1,4})"); // a rule number; more digits are no rule of ours
    /** The longest field name, and the longest name on the cover, read (Hearth's field names are far shorter). */
    static final int MAX_NAME = 300;
    private static final String HINT = "choose a workbook PDF built by 'hearth build --fillable' and filled in";

    private final Instant now;

    /** @param now the export time, and the time of answers whose field carries none */
    public PdfAnswers(Instant now) {
        this.now = now;
    }

    /**
     * Reads the answers of {@code bytes}, a filled fillable edition of {@code workbook}: every
     * field, the Date lines, Other lines and Notes included. Fields of the PDF this workbook does
     * not have are reported as a warning and left out.
     *
     * @throws BuildFailure when it is not a readable PDF or has no Hearth fields
     */
    public AnswersFile read(byte[] bytes, String file, Workbook workbook, Slots slots, Diagnostics d) {
        PdfReader reader;
        try {
            reader = new PdfReader(bytes);
        } catch (org.openpdf.text.exceptions.BadPasswordException | NoClassDefFoundError e) {
            // A password, or any encryption: the PDF library needs a cryptography library Hearth does not ship for it.
            throw BuildFailure.of(Position.ofFile(file), "the answers file is an encrypted PDF, which Hearth does not read",
                    "open it in your PDF viewer and save a copy without a password or encryption, then read that copy");
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // The PDF library's own words ("startxref not found") help no one choosing a file; a
            // stack overflow is a PDF nested deeper than any real one.
            throw BuildFailure.of(Position.ofFile(file), "the answers file starts like a PDF but cannot be read as one (damaged or cut short?)", HINT);
        }
        try {
            return read(reader, file, workbook, slots, d);
        } catch (StackOverflowError e) {
            throw BuildFailure.of(Position.ofFile(file), "the answers file's form is nested deeper than any workbook's", HINT);
        } finally {
            reader.close();
        }
    }

    /** The language tag of the PDF's catalogue ({@code /Lang}), or empty when it has none or cannot be read. */
    static java.util.Optional<String> language(byte[] bytes) {
        try {
            PdfReader reader = new PdfReader(bytes);
            try {
                org.openpdf.text.pdf.PdfString lang = reader.getCatalog().getAsString(PdfName.LANG);
                return lang == null ? java.util.Optional.empty() : java.util.Optional.of(lang.toUnicodeString().strip());
            } finally {
                reader.close();
            }
        } catch (IOException | RuntimeException | StackOverflowError | NoClassDefFoundError e) {
            return java.util.Optional.empty(); // reading the answers says what is wrong with the file
        }
    }

    private AnswersFile read(PdfReader reader, String file, Workbook workbook, Slots slots, Diagnostics d) {
        {
            // Hearth's forms are AcroForms only. An XFA form in a file sent by someone else is XML the
            // PDF library would parse (and a failure to parse it stopped the read), and its data set
            // would be taken for the fields' values: it is dropped before the fields are read.
            PdfDictionary acroForm = reader.getCatalog().getAsDict(PdfName.ACROFORM);
            if (acroForm != null) {
                acroForm.remove(PdfName.XFA);
            }
            AcroFields form = reader.getAcroFields();
            Map<String, AcroFields.Item> fields = form.getAllFields();
            if (fields.size() > AnswerLimits.MAX_FIELDS) {
                throw BuildFailure.of(Position.ofFile(file), "the PDF has more than " + AnswerLimits.count(AnswerLimits.MAX_FIELDS)
                        + " form fields; a Hearth workbook has far fewer", HINT);
            }
            AnswerLimits.Budget budget = new AnswerLimits.Budget();
            Map<String, Integer> lineChars = new TreeMap<>();
            Map<String, Integer> linePage = new TreeMap<>();
            Instant fileTime = date(reader.getInfo().get("ModDate"), now);
            Map<String, Answer> answers = new TreeMap<>();
            Map<String, TreeMap<Integer, String>> lines = new TreeMap<>();
            Map<String, Instant> lineTimes = new TreeMap<>();
            List<String> foreign = new ArrayList<>();
            int hearth = 0;
            String name = "";
            for (Map.Entry<String, AcroFields.Item> e : fields.entrySet()) {
                String field = e.getKey();
                String value = form.getField(field);
                value = value == null ? "" : value;
                Integer page = e.getValue().size() > 0 ? e.getValue().getPage(0) : null;
                String where = "the form field " + org.hearth.diag.Shown.name(field) + (page == null ? "" : " on page " + page);
                if (value.length() > AnswerLimits.MAX_TEXT) {
                    throw BuildFailure.of(Position.ofFile(file), where + " holds " + AnswerLimits.count(value.length())
                            + " characters; an answer has at most " + AnswerLimits.count(AnswerLimits.MAX_TEXT), AnswerLimits.HINT);
                }
                if (!budget.take(value.length())) {
                    throw BuildFailure.of(Position.ofFile(file), "the PDF's form fields hold more than " + AnswerLimits.count(AnswerLimits.MAX_TOTAL)
                            + " characters in all (reached at " + where + ")", AnswerLimits.HINT);
                }
                if (field.length() > MAX_NAME) {
                    // No field of ours has so long a name; the patterns below need not look at it (some backtrack on long input).
                    foreign.add(field);
                    continue;
                }
                Instant time = modified(e.getValue(), fileTime);
                Slot exact = slots.get(field);
                Matcher m = LINE.matcher(field);
                Slot base = exact == null && m.matches() ? slots.get(m.group(1)) : null;
                if (field.equals("cover-name")) {
                    hearth++;
                    name = value.strip();
                    if (name.length() > MAX_NAME) {
                        // The name is set large on the keepsake's cover: a name, not a letter.
                        throw BuildFailure.of(Position.ofFile(file), where + " (the name on the cover) holds " + AnswerLimits.count(name.length())
                                + " characters; a name has at most " + MAX_NAME, AnswerLimits.HINT);
                    }
                } else if (exact != null && exact.kind() != Slot.Kind.LINES) {
                    hearth++;
                    Answer a = switch (exact.kind()) {
                        case TICK -> value.isEmpty() || value.equals("Off") ? null : new Answer(field, new Answer.Tick(true), time, List.of());
                        case RATING -> value.isEmpty() || value.equals("Off") ? null
                                : new Answer(field, new Answer.Text(value), time, history(e.getValue(), value, time));
                        default -> value.isEmpty() ? null : new Answer(field, new Answer.Text(value), time, List.of());
                    };
                    if (a != null) {
                        answers.put(field, a);
                    }
                } else if (base != null && (base.kind() == Slot.Kind.LINES)) {
                    hearth++;
                    lines.computeIfAbsent(base.id(), k -> new TreeMap<>()).put(Integer.parseInt(m.group(2)), value);
                    if (page != null) {
                        linePage.merge(base.id(), page, Math::min);
                    }
                    // One answer's ruled lines are joined into one text: cap the whole, not only each line.
                    if (lineChars.merge(base.id(), value.length() + 1, Integer::sum) > AnswerLimits.MAX_TEXT + 1) {
                        Integer first = linePage.get(base.id());
                        throw BuildFailure.of(Position.ofFile(file), "the form fields " + base.id() + "-1 to " + base.id() + "-" + m.group(2)
                                + (first == null ? "" : " (from page " + first + ")") + " hold more than "
                                + AnswerLimits.count(AnswerLimits.MAX_TEXT) + " characters for one answer", AnswerLimits.HINT);
                    }
                    if (!value.isEmpty()) {
                        lineTimes.merge(base.id(), time, (x, y) -> x.isAfter(y) ? x : y);
                    }
                } else {
                    foreign.add(field);
                }
            }
            if (hearth == 0) {
                throw BuildFailure.of(Position.ofFile(file), fields.isEmpty() ? "the PDF has no form fields, so it holds no typed answers"
                        : "the PDF's form fields are not a Hearth workbook's (none of its " + fields.size() + " fields is named like this workbook's)",
                        HINT + "; a printed (not fillable) PDF has no fields to read");
            }
            for (Map.Entry<String, TreeMap<Integer, String>> e : lines.entrySet()) {
                List<String> list = new ArrayList<>(e.getValue().values());
                while (!list.isEmpty() && list.getLast().isEmpty()) {
                    list.removeLast();
                }
                if (!list.isEmpty()) {
                    answers.put(e.getKey(), new Answer(e.getKey(), new Answer.Text(FieldText.join(list)), lineTimes.get(e.getKey()), List.of()));
                }
            }
            if (!foreign.isEmpty()) {
                d.warn(Position.ofFile(file), foreign.size() + (foreign.size() == 1 ? " form field does" : " form fields do")
                        + " not belong to this workbook and " + (foreign.size() == 1 ? "is" : "are") + " left out: "
                        + String.join(", ", (foreign.size() > 20 ? foreign.subList(0, 20) : foreign).stream().map(org.hearth.diag.Shown::name).toList()) + (foreign.size() > 20 ? " …" : ""),
                        "was the PDF built from another selection of prompts? Build it again from this content to read every answer");
            }
            String title = reader.getInfo().getOrDefault("Title", workbook.book().title());
            return new AnswersFile(workbook.book().id(), workbook.book().title().isEmpty() ? title : workbook.book().title(), now, answers, name);
        }
    }

    /**
     * When the field was last written: the newest {@code /M} of its widgets (a viewer sets it when
     * someone types), or Hearth's exact time when {@code /M} is that same second; else {@code fallback}.
     */
    private static Instant modified(AcroFields.Item item, Instant fallback) {
        Instant newest = null;
        Instant exact = null;
        for (int i = 0; i < item.size(); i++) {
            PdfDictionary w = item.getMerged(i);
            PdfObject m = w == null ? null : w.get(PdfName.M);
            if (m != null) {
                Instant t = date(m.toString(), null);
                if (AnswerLimits.inRange(t) && (newest == null || t.isAfter(newest))) {
                    newest = t;
                }
            }
            PdfObject u = w == null ? null : w.get(UPDATED);
            if (u != null) {
                try {
                    Instant t = Instant.parse(u.toString());
                    exact = AnswerLimits.inRange(t) ? t : exact;
                } catch (java.time.format.DateTimeParseException e) {
                    // not Hearth's: /M decides
                }
            }
        }
        if (exact != null && (newest == null || !newest.isAfter(exact.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))) {
            return exact;
        }
        return newest != null ? newest : fallback;
    }

    private static Instant date(String pdfDate, Instant fallback) {
        if (pdfDate == null) {
            return fallback;
        }
        // A viewer's clock or a hostile file may say year 1 or 20000: such a time is no time an answer was written.
        Calendar c;
        try {
            c = PdfDate.decode(pdfDate);
        } catch (RuntimeException e) {
            return fallback;
        }
        return c == null || !AnswerLimits.inRange(c.toInstant()) ? fallback : c.toInstant();
    }

    /** A rating's history as Hearth stored it, with today's value added when it changed since. */
    private static List<Answer.Dated> history(AcroFields.Item item, String value, Instant time) {
        List<Answer.Dated> out = new ArrayList<>();
        PdfDictionary merged = item.getMerged(0);
        PdfObject h = merged == null ? null : merged.get(HISTORY);
        if (h != null && h.toString().length() <= AnswerLimits.MAX_HISTORY * 40) {
            for (String part : h.toString().split(";")) {
                int eq = part.indexOf('=');
                if (eq == 10 && AnswerLimits.day(part.substring(0, 10)) != null && out.size() < AnswerLimits.MAX_HISTORY) {
                    out.add(new Answer.Dated(part.substring(0, 10), part.substring(11)));
                }
            }
        }
        if (out.isEmpty() || !out.getLast().value().equals(value)) {
            out.add(new Answer.Dated(time.toString().substring(0, 10), value));
        }
        return out;
    }

    /** A rating's history as stored in its field: {@code date=value} pairs joined by semicolons. */
    public static String historyText(List<Answer.Dated> history) {
        return String.join(";", history.stream().map(x -> x.date() + "=" + x.value()).toList());
    }
}
