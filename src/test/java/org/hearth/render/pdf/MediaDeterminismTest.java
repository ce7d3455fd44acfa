package org.hearth.render.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.hearth.model.Workbook;
import org.hearth.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PDF with several images is the same file whichever JVM builds it: media are kept and hashed in
 * path order, not in a hash map's order (which changes from one JVM run to the next).
 */
class MediaDeterminismTest {

    private static final List<String> NAMES = List.of("e-five.png", "a-one.png", "d-four.png", "b-two.png", "c-three.png");

    @TempDir
    Path tmp;

    /** The basic fixture with five images in one exercise. */
    static Path contentWithFiveImages(Path dest) throws IOException {
        Path content = Golden.copyContent("basic", dest);
        Path media = Files.createDirectories(content.resolve("media"));
        StringBuilder body = new StringBuilder("\n## Pictures\n\n");
        Color[] colours = {Color.RED, Color.GREEN, Color.BLUE, Color.ORANGE, Color.MAGENTA};
        for (int i = 0; i < NAMES.size(); i++) {
            BufferedImage image = new BufferedImage(40 + i, 30, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(colours[i]);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.dispose();
            ImageIO.write(image, "png", media.resolve(NAMES.get(i)).toFile());
            body.append("![Picture ").append(i + 1).append("](../media/").append(NAMES.get(i)).append(")\n\n");
        }
        Path exercise = content.resolve("exercises/first.md");
        Files.writeString(exercise, Files.readString(exercise, StandardCharsets.UTF_8) + body, StandardCharsets.UTF_8);
        return content;
    }

    @Test
    void theWorkbookKeepsMediaInPathOrderWhateverOrderTheyCameIn() {
        Map<String, byte[]> given = new LinkedHashMap<>();
        NAMES.forEach(n -> given.put(n, new byte[] {1}));
        Workbook w = new Workbook(new org.hearth.model.Book("T", "", "", "en", org.hearth.model.PageSize.A4, "",
                org.hearth.model.Edition.CLIENT, "", "", "", null, "t", org.hearth.model.Imprint.NONE, 4), List.of(), List.of(), List.of(), List.of(), given);
        assertEquals(NAMES.stream().sorted().toList(), List.copyOf(w.media().keySet()));
    }

    @Test
    void fiveImagesBuiltByThreeSeparateJvmsGiveTheSameBytes() throws Exception {
        Path project = tmp.resolve("project");
        Path content = contentWithFiveImages(project.resolve("content"));
        List<byte[]> builds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path out = project.resolve("out" + i);
            // A fresh JVM each time: a hash map's order is fixed within one JVM but differs between runs.
            String java = ProcessHandle.current().info().command().orElseThrow();
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.hearth.cli.Main",
                    "build", "--content", content.toString(), "--out", out.toString(), "--only", "pdf", "-q")
                    .directory(project.toFile()).redirectErrorStream(true);
            pb.environment().put("SOURCE_DATE_EPOCH", "1700000000");
            pb.environment().put("HEARTH_FAST_START", "off");
            Process p = pb.start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), log);
            builds.add(Files.readAllBytes(out.resolve("workbook.pdf")));
        }
        assertArrayEquals(builds.get(0), builds.get(1), "first and second build differ");
        assertArrayEquals(builds.get(0), builds.get(2), "first and third build differ");
        try (PDDocument pdf = Loader.loadPDF(builds.get(0))) {
            int images = 0;
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
            assertEquals(5, images, "each of the five pictures is drawn once");
        }
    }
}
