package org.hearth.answers;

import java.nio.file.Path;

/**
 * How {@code hearth build --answers} reads a person's answers.
 *
 * @param file the site's JSON export, or a filled Hearth fillable PDF
 * @param answeredOnly leave out prompts and writing spaces without an answer
 * @param anyWorkbook accept answers exported from another workbook
 */
public record AnswersOptions(Path file, boolean answeredOnly, boolean anyWorkbook) {

    /** The keepsake's file name in the output folder. */
    public static final String KEEPSAKE = "workbook-answers.pdf";
    /** The keepsake's booklet edition. */
    public static final String KEEPSAKE_BOOKLET = "workbook-answers-booklet.pdf";
    /** The fillable edition with the answers in its fields. */
    public static final String FILLED = "workbook-answers-fillable.pdf";
}
