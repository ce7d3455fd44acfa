/** Loads `workbook.yml` into typed records (the selection, the plan, custom prompts), read with the `source` package's strict YAML reader. */
package org.hearth.config;
