/** Chooses which prompts each exercise shows and assembles the ordered workbook model. */
package org.hearth.select;
