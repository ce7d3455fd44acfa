/** Renders the PDF workbook: Freemarker to XHTML, a hardened DOM, Flying Saucer and OpenPDF. */
package org.hearth.render.pdf;
