package org.hearth.diag;

/** How serious a diagnostic is: errors fail the build, warnings are printed and let it go on. */
public enum Severity {
    ERROR, WARNING;

    /** Lower-case label used when printing. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
