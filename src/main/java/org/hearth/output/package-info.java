/** Writes a build's files atomically: stage beside the output folder, then swap it into place. */
package org.hearth.output;
