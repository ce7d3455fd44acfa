/** Command-line interface: parses arguments, runs the pipeline, prints diagnostics and sets the exit code. */
package org.hearth.cli;
