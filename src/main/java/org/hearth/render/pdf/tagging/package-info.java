/** Accessible and archival PDF: marked content and a structure tree from the box tree (PDF/UA-1), XMP and output intent (PDF/A-2). */
package org.hearth.render.pdf.tagging;
