/** Shared rendering pieces: the theme, the one Freemarker configuration and in-memory output files. */
package org.hearth.render;
