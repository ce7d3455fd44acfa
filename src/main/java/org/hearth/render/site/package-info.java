/** Renders the static website from the workbook model, entirely in memory. */
package org.hearth.render.site;
