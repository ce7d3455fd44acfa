/** Batch builds: one personalised workbook per row of a people file, built in parallel. */
package org.hearth.batch;
