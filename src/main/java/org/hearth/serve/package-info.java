/** The preview server: builds, serves the site on loopback, watches for edits and reloads the browser. */
package org.hearth.serve;
