/** Loads `workbook.yml` into typed records, with a strict YAML reader that knows every value's position. */
package org.hearth.config;
