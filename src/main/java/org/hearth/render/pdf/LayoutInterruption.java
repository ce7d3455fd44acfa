package org.hearth.render.pdf;

import java.util.concurrent.CancellationException;

/**
 * Lets a PDF layout that nobody wants any more stop early: {@code hearth serve} interrupts the
 * thread laying out a PDF that a newer edit has made stale, and layout looks at the flag as it goes.
 */
final class LayoutInterruption {

    private LayoutInterruption() {
    }

    /** Throws when the current thread was interrupted (the flag stays set for the caller to see). */
    static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the PDF layout was interrupted: a newer edit supersedes it");
        }
    }
}
