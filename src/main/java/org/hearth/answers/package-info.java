/** A person's own answers: read from the site's export or a filled PDF, bound to a workbook, written back as JSON. */
package org.hearth.answers;
