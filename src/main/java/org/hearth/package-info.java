/** Hearth: Markdown exercises and chosen prompts to a PDF workbook and a static site; {@link org.hearth.Hearth} is the entry point. */
package org.hearth;
