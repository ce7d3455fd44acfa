package org.hearth.batch;

import org.hearth.Overrides;

/**
 * One row of a people file.
 *
 * @param line the row's line in the file, for messages
 * @param slug the file name for this person's workbook ({@code people/<slug>.pdf})
 * @param overrides what this row changes: name, start date, dedication, edition, tags
 */
public record Person(int line, String slug, Overrides overrides) {
}
