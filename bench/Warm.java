import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hearth.BuildRequest;
import org.hearth.Hearth;

/**
 * The same build's render, again and again in one JVM (bench/warm): stages 1 to 5 of the default
 * workbook's English site and PDF, or of a synthetic site, each round with a new Hearth and no
 * cache, so only the JVM's own state (loaded classes, compiled code) carries over. Prints each
 * round's wall and CPU time, then the first round and the median of the last three.
 *
 * <p>Usage: java -cp hearth.jar bench/Warm.java PROJECT ROUNDS site|both [LANGUAGE]
 */
public class Warm {
    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]).toAbsolutePath();
        int rounds = Integer.parseInt(args[1]);
        boolean pdf = args[2].equals("both");
        BuildRequest defaults = new BuildRequest(project.resolve("content"), project.resolve("templates"), project.resolve("output"));
        BuildRequest request = new BuildRequest(defaults.contentDir(), defaults.templatesDir(), defaults.outDir(), true, pdf,
                defaults.print(), args.length > 3 ? defaults.overrides().withLanguage(args[3]) : defaults.overrides(),
                java.time.Instant.parse("2026-01-01T00:00:00Z"));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<long[]> times = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            long wall = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            new Hearth(project).render(request);
            long[] t = {(System.nanoTime() - wall) / 1_000_000, (os.getProcessCpuTime() - cpu) / 1_000_000};
            times.add(t);
            System.out.printf("round %d: %.2f s wall, %.2f s CPU%n", i, t[0] / 1e3, t[1] / 1e3);
        }
        List<long[]> last = times.subList(Math.max(1, times.size() - 3), times.size());
        long wall = last.stream().mapToLong(t -> t[0]).sorted().toArray()[last.size() / 2];
        long cpu = last.stream().mapToLong(t -> t[1]).sorted().toArray()[last.size() / 2];
        System.out.printf("first|%.2f|%.2f%nwarm|%.2f|%.2f%n", times.get(0)[0] / 1e3, times.get(0)[1] / 1e3, wall / 1e3, cpu / 1e3);
    }
}
