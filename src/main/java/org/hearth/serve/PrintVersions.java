package org.hearth.serve;

/**
 * Which edit the served PDF reflects: every edit that changes the PDF asks for a new version, a
 * layout records the version it started from when it finishes, and a request for the PDF waits
 * until the served one is the latest, so the preview never hands out a stale PDF as if current.
 */
final class PrintVersions {

    /** What a request for the PDF finds after waiting. */
    enum State {
        /** The served PDF includes every edit. */
        CURRENT,
        /** The latest layout failed; the served PDF is the last good one, older than the edits. */
        FAILED,
        /** A layout is still under way after the wait. */
        BEING_REMADE
    }

    private long wanted;
    private long made;
    private boolean failed;

    /** An edit changed what the PDF shows. */
    synchronized void edited() {
        wanted++;
    }

    /** The version a layout starting now makes (read before it reads any file). */
    synchronized long starting() {
        return wanted;
    }

    /** A layout of {@code version} finished, well or not. */
    synchronized void finished(long version, boolean ok) {
        if (version >= made) {
            made = version;
            failed = !ok;
        }
        notifyAll();
    }

    /** Waits at most {@code millis} for the PDF to include every edit so far. */
    synchronized State await(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        for (long left = millis; made < wanted && left > 0; left = (end - System.nanoTime()) / 1_000_000) {
            wait(left);
        }
        if (made < wanted) {
            return State.BEING_REMADE;
        }
        return failed ? State.FAILED : State.CURRENT;
    }
}
