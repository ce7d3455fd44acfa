/** Source text with positions: strict UTF-8 reading, a strict YAML reader whose every value knows its file:line:col, and display names of files. */
package org.hearth.source;
