package org.hearth.answers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Function;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Position;
import org.hearth.i18n.Catalogue;
import org.hearth.model.Workbook;

/** Reads an answers file of either kind (the site's JSON export or a filled Hearth fillable PDF) and binds it to a workbook. */
public final class AnswersInput {

    /** The largest filled PDF read (a fillable workbook is a few megabytes). */
    public static final long MAX_PDF_BYTES = 64L * 1024 * 1024;

    private final Function<Path, String> display;
    private final Instant now;

    /**
     * @param display how a file is named in messages
     * @param now the export time given to answers read from a PDF
     */
    public AnswersInput(Function<Path, String> display, Instant now) {
        this.display = display;
        this.now = now;
    }

    /**
     * Reads and binds {@code options.file()}; problems go to {@code d}, and a file with nothing usable fails.
     *
     * @param msg the interface strings of the workbook's language, for the labels of its answer fields
     */
    public AnswerSheet sheet(AnswersOptions options, Workbook workbook, Catalogue msg, Diagnostics d) {
        String name = display.apply(options.file());
        return AnswerSheet.bind(read(options.file(), workbook, msg, d), workbook, Slots.of(workbook, msg), options.anyWorkbook(), name, d);
    }

    /** Reads the file: a PDF by its {@code %PDF-} header, JSON otherwise; {@code msg} as above. */
    public AnswersFile read(Path file, Workbook workbook, Catalogue msg, Diagnostics d) {
        String name = display.apply(file);
        byte[] bytes = bytes(file, name);
        if (pdf(bytes)) {
            return new PdfAnswers(now).read(bytes, name, workbook, Slots.of(workbook, msg), d);
        }
        return new AnswersReader().read(bytes, name);
    }

    /**
     * The language edition the answers were written in, so they are read against that edition: a
     * filled PDF's {@code /Lang} (as Hearth sets it), or the {@code <id>--<lang>} workbook id of an
     * export from a language edition's site; empty when the file says none (or cannot be read: reading
     * it says why).
     */
    public java.util.Optional<String> language(Path file) {
        String name = display.apply(file);
        byte[] bytes = bytes(file, name);
        if (pdf(bytes)) {
            return PdfAnswers.language(bytes);
        }
        try {
            java.util.regex.Matcher m = EDITION.matcher(new AnswersReader().read(bytes, name).workbookId());
            return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
        } catch (BuildFailure e) {
            return java.util.Optional.empty();
        }
    }

    /** A language edition's workbook id ends in {@code --} and its language (see Translation). */
    private static final java.util.regex.Pattern EDITION = java.util.regex.Pattern.compile("--([a-z]{2,3}(?:-[a-z0-9]{2,8})*)$");

    private static boolean pdf(byte[] bytes) {
        return bytes.length >= 5 && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-");
    }

    /** The file's bytes, read within the size limit. */
    private static byte[] bytes(Path file, String name) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // A folder, a device (/dev/zero) or a pipe: its size says nothing and it may never end.
                throw BuildFailure.of(Position.ofFile(name), "the answers file is not a file but a folder, device or pipe",
                        "give --answers the JSON file exported from My answers, or a filled workbook PDF");
            }
            if (size > MAX_PDF_BYTES) {
                throw BuildFailure.of(Position.ofFile(name), "the answers file is " + size / 1048576 + " MB, too large for an answers export",
                        "choose the JSON file exported from My answers, or a filled workbook PDF");
            }
            try (java.io.InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_PDF_BYTES + 1); // never more than the limit, whatever the size said
            }
            if (bytes.length > MAX_PDF_BYTES) {
                throw BuildFailure.of(Position.ofFile(name), "the answers file is more than " + MAX_PDF_BYTES / 1048576 + " MB, too large for an answers export",
                        "choose the JSON file exported from My answers, or a filled workbook PDF");
            }
        } catch (NoSuchFileException e) {
            throw BuildFailure.of(Position.ofFile(name), "the answers file does not exist", "check the path given to --answers");
        } catch (IOException e) {
            throw BuildFailure.of(Position.ofFile(name), "the answers file could not be read: " + e.getMessage(), "");
        }
        return bytes;
    }
}
