/** Typed records that describe a workbook, from parsed content to the view that templates see. */
package org.hearth.model;
