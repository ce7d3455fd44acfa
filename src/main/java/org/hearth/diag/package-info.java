/** Diagnostics with file:line:col positions and hints, collected and reported together. */
package org.hearth.diag;
