package org.hearth.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The order of rebuilds after edits, with stand-ins for the site build and the PDF layout. */
class RebuildSchedulerTest {

    @Test
    void anEditStopsThePdfLayoutUnderWayAndTheSiteIsRebuiltBeforeThePdf() throws Exception {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstLayout = new CountDownLatch(1);
        CountDownLatch secondLayoutDone = new CountDownLatch(1);
        AtomicInteger layouts = new AtomicInteger();
        Runnable site = () -> order.add("site");
        // The first layout runs until it is interrupted, as a long PDF does; the next one finishes.
        Runnable pdf = () -> {
            int n = layouts.incrementAndGet();
            order.add("pdf " + n);
            if (n == 1) {
                firstLayout.countDown();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Thread.currentThread().isInterrupted() && System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                order.add(Thread.currentThread().isInterrupted() ? "pdf 1 stopped" : "pdf 1 ran to its end");
            } else {
                order.add("pdf " + n + " done");
                secondLayoutDone.countDown();
            }
        };
        PrintVersions versions = new PrintVersions();
        RebuildScheduler scheduler = new RebuildScheduler(Path.of("/p/templates"), true, site, pdf, versions);
        try {
            scheduler.changed(Set.of(Path.of("/p/content/exercises/a.md")));
            assertTrue(firstLayout.await(30, TimeUnit.SECONDS), "the PDF is laid out after the site");
            scheduler.changed(Set.of(Path.of("/p/content/exercises/a.md")));
            assertTrue(secondLayoutDone.await(30, TimeUnit.SECONDS), "the PDF is laid out again after the second edit: " + order);
        } finally {
            scheduler.close();
        }
        assertEquals(List.of("site", "pdf 1"), order.subList(0, 2));
        assertTrue(order.contains("pdf 1 stopped"), "the stale layout was stopped, not run to its end: " + order);
        // The second site build comes before the second layout, which starts only once the first has stopped.
        assertTrue(order.lastIndexOf("site") < order.indexOf("pdf 2"), order.toString());
        assertTrue(order.indexOf("pdf 1 stopped") < order.indexOf("pdf 2"), order.toString());
        assertEquals(2, versions.starting(), "each edit asked for a new PDF");
    }

    @Test
    void aRequestForThePdfWaitsForTheLayoutOfTheLatestEdit() throws Exception {
        PrintVersions versions = new PrintVersions();
        assertEquals(PrintVersions.State.CURRENT, versions.await(0));
        versions.edited();
        long first = versions.starting();
        versions.edited(); // a second edit while the first layout runs
        versions.finished(first, true);
        assertEquals(PrintVersions.State.BEING_REMADE, versions.await(50), "the first edit's PDF is stale after the second");
        long second = versions.starting();
        Thread layout = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            versions.finished(second, true);
        });
        layout.start();
        assertEquals(PrintVersions.State.CURRENT, versions.await(30_000), "the request waited for the layout");
        versions.edited();
        versions.finished(versions.starting(), false);
        assertEquals(PrintVersions.State.FAILED, versions.await(0), "a failed layout leaves the last good PDF, said to be stale");
    }
}
