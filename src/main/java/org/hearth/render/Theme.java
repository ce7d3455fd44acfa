package org.hearth.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Position;

/**
 * The theme: the default one bundled in the jar, with any file overridden by a file of the same
 * name in the project's own templates folder. Its static files (CSS, fonts, scripts) are listed in
 * {@code theme.txt} and read into memory once, so renderers never touch the disk.
 */
public final class Theme {

    /** Where the bundled theme lives on the class path. */
    public static final String BUNDLED = "hearth/theme";

    private final Path userDir;
    private final Map<String, byte[]> files;

    private Theme(Path userDir, Map<String, byte[]> files) {
        this.userDir = userDir;
        this.files = files;
    }

    /** Loads the theme's static files; {@code userDir} may be null or missing. */
    public static Theme load(Path userDir) {
        // Normalised once, here: every file is resolved, normalised and then checked to lie inside
        // this folder, which only works when both sides are written the same way ("./templates").
        Path dir = userDir != null && Files.isDirectory(userDir) ? userDir.toAbsolutePath().normalize() : null;
        Map<String, byte[]> files = new LinkedHashMap<>();
        String list = read(dir, "theme.txt").map(b -> new String(b, StandardCharsets.UTF_8))
                .orElseThrow(() -> BuildFailure.of(Position.ofFile("theme.txt"), "the theme has no theme.txt",
                        "the jar is incomplete; rebuild it with 'mvn package'"));
        for (String line : list.split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            byte[] bytes = read(dir, name).orElseThrow(() -> BuildFailure.of(Position.ofFile("theme.txt"),
                    "theme file '" + name + "' is listed but missing", "add the file or remove it from theme.txt"));
            files.put(name, bytes);
        }
        return new Theme(dir, Map.copyOf(files));
    }

    /**
     * What the project's theme folder holds now, as each file's path, size and modification time:
     * equal stamps mean an already loaded theme (and its parsed templates) can be used again.
     */
    public static List<String> stamp(Path userDir) {
        if (userDir == null || !Files.isDirectory(userDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(userDir)) {
            return s.sorted().map(p -> {
                try {
                    var a = Files.readAttributes(p, BasicFileAttributes.class);
                    // FileTime prints at the file system's full precision (nanoseconds here), so two
                    // saves of the same length within one second still differ.
                    return p + "\t" + a.size() + "\t" + a.lastModifiedTime();
                } catch (IOException e) {
                    return p + "\tunreadable"; // loading it will report the problem
                }
            }).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of("unreadable " + System.nanoTime()); // never equal: load again and report
        }
    }

    /** Freemarker's loader: the project's folder first, then the bundled theme. */
    public TemplateLoader templateLoader() {
        ClassTemplateLoader bundled = new ClassTemplateLoader(Theme.class.getClassLoader(), BUNDLED);
        if (userDir == null) {
            return bundled;
        }
        try {
            return new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(userDir.toFile()), bundled});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A static theme file by path (e.g. {@code fonts/Yrsa-Regular.ttf}), if the theme lists it. */
    public Optional<byte[]> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /**
     * A theme file by path whether or not theme.txt lists it (message catalogues: a project may add
     * a language the bundled theme lacks), the project's copy first.
     */
    public Optional<byte[]> read(String path) {
        return read(userDir, path);
    }

    /** A file of the bundled theme only, ignoring the project's copy. */
    public static Optional<byte[]> bundled(String path) {
        return read(null, path);
    }

    /** Static files whose path starts with {@code prefix}. */
    public Map<String, byte[]> files(String prefix) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        files.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Every listed file's path. */
    public List<String> paths() {
        return List.copyOf(files.keySet());
    }

    private static Optional<byte[]> read(Path dir, String name) {
        // A theme file is a plain relative path: nothing listed can name a file outside the theme,
        // in the project's folder or on the class path.
        if (name.startsWith("/") || name.contains("\\") || java.util.Arrays.asList(name.split("/")).contains("..")) {
            return Optional.empty();
        }
        try {
            if (dir != null) {
                Path p = dir.resolve(name).normalize();
                if (p.startsWith(dir) && Files.isRegularFile(p)) {
                    return Optional.of(Files.readAllBytes(p));
                }
            }
            try (InputStream in = Theme.class.getClassLoader().getResourceAsStream(BUNDLED + "/" + name)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
