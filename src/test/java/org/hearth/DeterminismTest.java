package org.hearth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.hearth.render.pdf.PrintOptions;
import org.hearth.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: the same content, built with SOURCE_DATE_EPOCH pinned, gives byte-identical site and
 * PDF whatever the machine's time zone, locale, thread count and the order its files were written
 * in (so directory listing order differs). Environments are drawn at random from a logged seed.
 */
class DeterminismTest {

    private static final Instant EPOCH = BuildRequest.sourceDateEpoch("1767225600");
    private static final List<String> ZONES = List.of("UTC", "Pacific/Kiritimati", "America/St_Johns", "Asia/Kathmandu", "Pacific/Niue");
    private static final List<Locale> LOCALES = List.of(Locale.ROOT, Locale.forLanguageTag("tr-TR"), Locale.forLanguageTag("ar-EG"),
            Locale.forLanguageTag("th-TH-u-nu-thai"), Locale.forLanguageTag("ja-JP-u-ca-japanese"), Locale.forLanguageTag("de-DE"));

    @TempDir
    Path tmp;

    /** One environment a build may run in. */
    private record Environment(String zone, Locale locale, int threads, long fileOrderSeed) {
    }

    @Test
    void anyEnvironmentGivesTheSameBytes() throws Exception {
        long seed = Long.getLong("determinism.seed", System.nanoTime());
        Random random = new Random(seed);
        for (String fixture : List.of("basic", "pdf-primitives")) {
            Path source = Golden.fixtures().resolve(fixture).resolve("content");
            if (!Files.isDirectory(source)) {
                continue;
            }
            Map<String, String> first = null;
            Environment firstEnv = null;
            for (int trial = 0; trial < 3; trial++) {
                Environment env = new Environment(ZONES.get(random.nextInt(ZONES.size())), LOCALES.get(random.nextInt(LOCALES.size())),
                        1 + random.nextInt(4), random.nextLong());
                Map<String, String> built = build(source, env, fixture + "-" + trial);
                assertTrue(built.containsKey("workbook.pdf") && built.keySet().stream().anyMatch(k -> k.endsWith(".html")), built.keySet().toString());
                if (first == null) {
                    first = built;
                    firstEnv = env;
                } else {
                    assertEquals(first, built, fixture + ": " + firstEnv + " and " + env + " differ (seed " + seed
                            + ", rerun with -Ddeterminism.seed=" + seed + ")");
                }
            }
        }
    }

    /** Builds a copy of {@code source} in {@code env}; returns each output file's SHA-256 by path. */
    private Map<String, String> build(Path source, Environment env, String name) throws Exception {
        Path content = tmp.resolve(name).resolve("content");
        copyShuffled(source, content, new Random(env.fileOrderSeed()));
        Path out = tmp.resolve(name).resolve("output");
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        ForkJoinPool pool = new ForkJoinPool(env.threads());
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(env.zone()));
            Locale.setDefault(env.locale());
            // Parallel streams run in the pool of the task that starts them: this sets the thread count.
            pool.submit(() -> {
                new Hearth(tmp.resolve(name)).build(new BuildRequest(content, null, out, true, true, PrintOptions.DEFAULT,
                        Overrides.NONE, EPOCH));
                return null;
            }).get();
        } finally {
            pool.shutdown();
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                var sha = java.security.MessageDigest.getInstance("SHA-256");
                hashes.put(out.relativize(f).toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(f))));
            }
        }
        return hashes;
    }

    /** Copies a folder writing its files in a random order, so the new directories list them differently. */
    private static void copyShuffled(Path from, Path to, Random random) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(from)) {
            files = new ArrayList<>(s.filter(Files::isRegularFile).toList());
        }
        Collections.shuffle(files, random);
        for (Path f : files) {
            Path target = to.resolve(from.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target);
        }
    }
}
