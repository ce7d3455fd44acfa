package org.hearth;

import java.nio.file.Path;
import java.time.Instant;
import org.hearth.render.pdf.PrintOptions;

/**
 * What to build and where.
 *
 * @param contentDir the content folder
 * @param templatesDir the project's theme overrides (may be missing)
 * @param outDir the output folder
 * @param site whether to build the site
 * @param pdf whether to build the PDF
 * @param print how the PDF is made
 * @param overrides changes to workbook.yml for this build
 * @param pinnedTime the time stamped into outputs for reproducible builds ({@code SOURCE_DATE_EPOCH}),
 *     or null for now
 */
public record BuildRequest(Path contentDir, Path templatesDir, Path outDir, boolean site, boolean pdf,
        PrintOptions print, Overrides overrides, Instant pinnedTime) {

    /** Both outputs, the PDF as workbook.yml describes it, stamped with the current time. */
    public BuildRequest(Path contentDir, Path templatesDir, Path outDir) {
        this(contentDir, templatesDir, outDir, true, true, PrintOptions.DEFAULT, Overrides.NONE, null);
    }

    /**
     * Reads {@code SOURCE_DATE_EPOCH} (seconds since 1970, the reproducible-builds convention).
     *
     * @return the pinned time, or null when the value is missing
     * @throws IllegalArgumentException when the value is not a whole number
     */
    public static Instant sourceDateEpoch(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SOURCE_DATE_EPOCH must be a whole number of seconds, not '" + value + "'");
        }
    }
}
