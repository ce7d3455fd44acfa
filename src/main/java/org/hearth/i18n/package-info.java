/** Languages: message catalogues, per-language content and dates, and transliterated slugs. */
package org.hearth.i18n;
