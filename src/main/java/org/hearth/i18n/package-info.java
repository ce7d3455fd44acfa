/** Languages: message catalogues, per-language content, dates and quotation marks. */
package org.hearth.i18n;
