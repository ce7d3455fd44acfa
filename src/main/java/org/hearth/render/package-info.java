/** Shared rendering pieces: the {@link org.hearth.render.Renderer} interface every output implements, the theme, the one Freemarker configuration and in-memory output files. */
package org.hearth.render;
