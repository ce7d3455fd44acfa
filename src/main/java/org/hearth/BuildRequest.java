package org.hearth;

import java.nio.file.Path;
import org.hearth.model.PageSize;

/**
 * What to build and where.
 *
 * @param contentDir the content folder
 * @param templatesDir the project's theme overrides (may be missing)
 * @param outDir the output folder
 * @param site whether to build the site
 * @param pdf whether to build the PDF
 * @param pageSize a page size that overrides workbook.yml, or null
 * @param fillable whether the PDF gets form fields
 */
public record BuildRequest(Path contentDir, Path templatesDir, Path outDir, boolean site, boolean pdf,
        PageSize pageSize, boolean fillable) {
}
