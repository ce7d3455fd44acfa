package org.hearth.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hearth.Hearth;
import org.hearth.content.Content;
import org.hearth.content.SourceDocument;
import org.hearth.diag.BuildFailure;
import org.hearth.model.Prompt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hearth prompts}: lists the prompt library as a table, optionally filtered. */
@Command(name = "prompts", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Lists the prompt library: id, kind, intensity, tags, the exercises that offer it, and its text.")
public final class PromptsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ContentOption options;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only prompts with this tag.")
    String tag;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only prompts of this kind (journal, letter, mirror, checklist, rating, box).")
    String kind;

    @Option(names = "--intensity", paramLabel = "LEVEL", description = "Only prompts of this intensity (gentle, moderate, deep).")
    String intensity;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Content library;
        try {
            library = new Hearth(Path.of("").toAbsolutePath()).loadContent(options.content);
        } catch (BuildFailure f) {
            return ExitCode.report(spec.commandLine().getErr(), f, "");
        }
        Map<String, List<String>> offeredBy = new LinkedHashMap<>();
        for (SourceDocument doc : library.documents()) {
            doc.meta().prompts().forEach(r -> offeredBy.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(doc.id()));
        }
        List<String[]> rows = new ArrayList<>();
        for (Prompt p : library.prompts().values()) {
            if ((tag == null || p.tags().contains(tag))
                    && (kind == null || p.kind().label().equals(kind.toLowerCase(Locale.ROOT)))
                    && (intensity == null || p.intensity().label().equals(intensity.toLowerCase(Locale.ROOT)))) {
                rows.add(new String[] {p.id(), p.kind().label(), p.intensity().label(), String.join(",", p.tags()),
                        String.join(",", offeredBy.getOrDefault(p.id(), List.of())), p.text()});
            }
        }
        if (rows.isEmpty()) {
            spec.commandLine().getErr().println("No prompt matches those filters.");
            spec.commandLine().getErr().flush();
            return ExitCode.CONTENT;
        }
        out.print(table(new String[] {"ID", "KIND", "INTENSITY", "TAGS", "OFFERED BY", "TEXT"}, rows, 160));
        out.println(rows.size() + (rows.size() == 1 ? " prompt" : " prompts"));
        out.flush();
        return ExitCode.OK;
    }

    /** A plain-text table; the last column is cut to fit {@code width} characters. */
    static String table(String[] head, List<String[]> rows, int width) {
        int[] w = new int[head.length];
        List<String[]> all = new ArrayList<>();
        all.add(head);
        all.addAll(rows);
        for (String[] r : all) {
            for (int i = 0; i < r.length - 1; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        int used = 0;
        for (int i = 0; i < w.length - 1; i++) {
            used += w[i] + 2;
        }
        int last = Math.max(20, width - used);
        StringBuilder s = new StringBuilder();
        for (String[] r : all) {
            for (int i = 0; i < r.length - 1; i++) {
                s.append(String.format(Locale.ROOT, "%-" + w[i] + "s  ", r[i]));
            }
            String text = r[r.length - 1];
            s.append(text.length() > last ? text.substring(0, last - 1) + "…" : text).append('\n');
        }
        return s.toString();
    }
}
