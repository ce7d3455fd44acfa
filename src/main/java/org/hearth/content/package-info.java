/** Loads pages, exercises, prompts, data and media from the content folder into source records. */
package org.hearth.content;
