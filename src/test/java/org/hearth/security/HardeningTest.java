package org.hearth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hearth.cli.Main;
import org.hearth.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hardening the pipeline already had, now proved: each test feeds one hostile input through
 * the command line and checks it is refused with a position and an exit code of 1, nothing written.
 */
class HardeningTest {

    @TempDir
    Path tmp;

    private Path content;
    private Path templates;

    private void project() {
        content = Golden.copyContent("basic", tmp.resolve("p/content"));
        templates = tmp.resolve("p/templates");
    }

    private static String[] hearth(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), err.toString(), out.toString()};
    }

    private String[] build() {
        return hearth("build", "--content", content.toString(), "--templates", templates.toString(),
                "--out", tmp.resolve("p/output").toString(), "-q");
    }

    private void override(String name, String find, String replace) throws IOException {
        Path root = Path.of(System.getProperty("hearth.project.root", "."));
        String text = Files.readString(root.resolve("templates").resolve(name), StandardCharsets.UTF_8);
        assertTrue(text.contains(find), find);
        Files.createDirectories(templates.resolve(name).getParent());
        Files.writeString(templates.resolve(name), text.replace(find, replace), StandardCharsets.UTF_8);
    }

    @Test
    void aLinkToAFileOrFolderOutsideTheContentIsRefusedAndNothingOfItIsPublished() throws IOException {
        project();
        Path secret = tmp.resolve("elsewhere/notes.md");
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, "---\nid: leak\ntitle: Leak\nsummary: s\npart: begin\norder: 99\n---\nSECRET-OUTSIDE-FILE\n",
                StandardCharsets.UTF_8);
        Files.createSymbolicLink(content.resolve("pages/leak.md"), secret);
        Files.createSymbolicLink(content.resolve("exercises/shared"), secret.getParent());
        String[] r = build();
        assertEquals("1", r[0], r[1]);
        assertTrue(r[1].contains("pages/leak.md: error: this is a link to a file outside the content folder"), r[1]);
        assertTrue(r[1].contains("exercises/shared: error: this is a link to a file outside the content folder"), r[1]);
        assertFalse(Files.exists(tmp.resolve("p/output")), "nothing written");
        // A link that stays inside the content folder is still followed.
        Files.delete(content.resolve("pages/leak.md"));
        Files.delete(content.resolve("exercises/shared"));
        Files.createDirectories(content.resolve("shared"));
        Files.move(content.resolve("pages/welcome.md"), content.resolve("shared/welcome.md"));
        Files.createSymbolicLink(content.resolve("pages/welcome.md"), content.resolve("shared/welcome.md"));
        String[] ok = build();
        assertEquals("0", ok[0], ok[1]);
    }

    @Test
    void theOutputCannotBeInsideTheContentFolder() {
        project();
        String[] r = hearth("build", "--content", content.toString(), "--templates", templates.toString(),
                "--out", content.resolve("site-out").toString(), "-q");
        assertTrue(!r[0].equals("0") && r[1].contains("the output folder cannot be inside the content folder"), r[0] + r[1]);
        assertFalse(Files.exists(content.resolve("site-out")));
    }

    @Test
    void aYamlAliasBombIsRefusedQuicklyWithAPosition() throws IOException {
        project();
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *").append(p)
                    .append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        Path yml = content.resolve("workbook.yml");
        Files.writeString(yml, Files.readString(yml) + bomb, StandardCharsets.UTF_8);
        String[] r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> hearth("check", "--content", content.toString()));
        assertEquals("1", r[0], r[1]);
        assertTrue(r[1].contains("workbook.yml:"), r[1]);
    }

    @Test
    void templatesCannotCreateJavaObjectsOrReachTheApi() throws IOException {
        project();
        override("site/layout.ftlh", "<#macro page", "<#assign run = \"freemarker.template.utility.Execute\"?new()>${run(\"id\")}\n<#macro page");
        String[] r = build();
        assertEquals("1", r[0], r[1]);
        assertTrue(r[1].contains("templates/site/layout.ftlh:"), r[1]);
        assertFalse(Files.exists(tmp.resolve("p/output")));
        override("site/layout.ftlh", "<#macro page", "${workbook?api.getClass().getName()}\n<#macro page");
        r = build();
        assertEquals("1", r[0], r[1]);
        assertTrue(r[1].contains("templates/site/layout.ftlh:"), r[1]);
    }

    @Test
    void thePrintTemplateCannotReadFilesThroughEntities() throws IOException {
        project();
        override("pdf/book.ftlx", "<body", "<!DOCTYPE html [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n<body");
        String[] r = build();
        assertEquals("1", r[0], r[1]);
        assertTrue(r[1].contains("templates/pdf/book.ftlx") && r[1].contains("invalid XHTML"), r[1]);
        assertFalse(r[1].contains("root:"), "nothing of the file was read");
    }

    @Test
    void thePdfLayoutLoadsNothingFromDiskOrNetwork() throws IOException {
        project();
        override("pdf/book.ftlx", "</body>", "<img src=\"file:///etc/hostname\"/><img src=\"https://example.org/x.png\"/></body>");
        String[] r = build();
        assertEquals("1", r[0], r[1]);
        assertTrue(r[1].contains("the PDF asked for files Hearth does not serve: file:///etc/hostname"), r[1]);
        assertTrue(r[1].contains("https://example.org/x.png"), r[1]);
        assertFalse(Files.exists(tmp.resolve("p/output")));
    }

    @Test
    void linksAndImagesCannotLeaveTheContentFolder() throws IOException {
        project();
        Path exercise = content.resolve("exercises/first.md");
        Files.writeString(exercise, Files.readString(exercise) + "\n![x](../../../../../etc/passwd.png)\n\n[y](../../pom.xml)\n");
        String[] r = hearth("check", "--content", content.toString());
        assertEquals("1", r[0], r[1]);
        assertTrue(r[1].contains("first.md:") && r[1].contains("points outside the content folder"), r[1]);
    }

    @Test
    void aThemeFileListCannotReadOutsideTheThemeFolder() throws IOException {
        project();
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("theme.txt"), "../../../../../../etc/hostname\n");
        String[] r = build();
        assertEquals("1", r[0], r[1]);
        assertTrue(r[1].contains("theme file '../../../../../../etc/hostname' is listed but missing"), r[1]);
    }

    @Test
    void namesAndTitlesAreEscapedInEveryPage() throws IOException {
        project();
        Path yml = content.resolve("workbook.yml");
        String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        Files.writeString(yml, Files.readString(yml).replace("title: A Small Book", "title: \"" + hostile + "\"")
                + "person:\n  name: \"" + hostile + "\"\n", StandardCharsets.UTF_8);
        Path page = content.resolve("pages/welcome.md");
        Files.writeString(page, Files.readString(page).replaceFirst("title: .*", "title: \"" + hostile + "\""), StandardCharsets.UTF_8);
        Path out = tmp.resolve("p/output");
        String[] r = hearth("build", "--content", content.toString(), "--out", out.toString(), "--only", "site", "-q");
        assertEquals("0", r[0], r[1]);
        try (var pages = Files.list(out.resolve("site"))) {
            for (Path html : pages.filter(f -> f.toString().endsWith(".html")).toList()) {
                org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(html.toFile(), "UTF-8");
                assertTrue(doc.select("script:not([src])").stream().allMatch(sc -> sc.data().equals(org.hearth.render.site.NotFoundScript.SOURCE)),
                        html + ": an inline script other than the 404 page's, which the CSP allows by its hash");
                assertTrue(doc.select("[onerror]").isEmpty(), html + ": an event attribute");
            }
        }
        assertTrue(Files.readString(out.resolve("site/index.html")).contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}
