/** Renders Markdown bodies to safe HTML blocks with one configured flexmark parser and renderer. */
package org.hearth.markdown;
