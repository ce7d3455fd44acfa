package org.hearth.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.cli.Main;
import org.hearth.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SVG images can draw but never act: anything active is refused at its line and column, in check and build. */
class SvgPolicyTest {

    @TempDir
    Path tmp;

    private Path content;

    private Path withSvg(String svg, String markdown) throws IOException {
        content = Golden.copyContent("basic", tmp.resolve("p/content"));
        Files.createDirectories(content.resolve("media"));
        Files.writeString(content.resolve("media/pic.svg"), svg, StandardCharsets.UTF_8);
        Path exercise = content.resolve("exercises/first.md");
        Files.writeString(exercise, Files.readString(exercise, StandardCharsets.UTF_8) + "\n" + markdown + "\n", StandardCharsets.UTF_8);
        return content;
    }

    private static String[] hearth(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), err.toString(), out.toString()};
    }

    private static final String OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"40\" height=\"40\">\n";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<script>alert(1)</script>|2|9|may not contain a script",
        "<rect width='4' height='4' onload='alert(1)'/>|2|47|event attributes ('onload')",
        "<foreignObject width='4' height='4'><div xmlns='http://www.w3.org/1999/xhtml'>x</div></foreignObject>|2|37|<foreignObject>",
        "<image href='https://example.org/x.png' width='4' height='4'/>|2|63|outside the file ('https://example.org/x.png')",
        "<use xlink:href='other.svg#a'/>|2|32|outside the file ('other.svg#a')",
        "<a href='javascript:alert(1)'><rect width='4' height='4'/></a>|2|31|outside the file ('javascript:alert(1)')",
        "<rect width='4' height='4' fill='url(https://example.org/p.svg#g)'/>|2|69|outside the file ('fill')",
        "<style>@import url(https://example.org/a.css);</style>|2|49|style refers to something outside",
        "<a><set attributeName='href' to='javascript:alert(1)'/></a>|2|56|may not change links or events",
        "<rect width='4'|3|1|not well-formed XML",
    })
    void activeOrBrokenSvgIsRefusedWithItsPositionInCheckAndBuild(String body, int line, int column, String message) throws IOException {
        withSvg(OPEN + body + "\n</svg>\n", "![A picture](../media/pic.svg)");
        String[] check = hearth("check", "--content", content.toString());
        assertEquals("1", check[0], check[1] + check[2]);
        assertTrue(check[1].contains("media/pic.svg:" + line + ":" + column + ": error: "), check[1]);
        assertTrue(check[1].contains(message), check[1]);
        Path out = tmp.resolve("p/output");
        String[] build = hearth("build", "--content", content.toString(), "--out", out.toString(), "-q");
        assertEquals("1", build[0], "a positioned content error, not exit 3: " + build[1]);
        assertTrue(build[1].contains("media/pic.svg:" + line + ":" + column + ": error: "), build[1]);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aDoctypeIsRefused() throws IOException {
        withSvg("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" + OPEN + "<text>&x;</text></svg>\n",
                "![A picture](../media/pic.svg)");
        String[] check = hearth("check", "--content", content.toString());
        assertEquals("1", check[0], check[1]);
        assertTrue(check[1].contains("media/pic.svg:2:") && check[1].contains("may not have a DOCTYPE"), check[1]);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"<rect width='4' height='4' style='fill:\\75 rl(https://example.org/p.svg#g)'/>",
        "<style>@\\69 mport \"https://example.org/a.css\";</style>"})
    void cssEscapesCannotHideAnOutsideReference(String body) throws IOException {
        withSvg(OPEN + body + "\n</svg>\n", "![A picture](../media/pic.svg)");
        String[] check = hearth("check", "--content", content.toString());
        assertEquals("1", check[0], body + "\n" + check[1]);
        assertTrue(check[1].contains("media/pic.svg:2:") && check[1].contains("outside the file"), check[1]);
    }

    @Test
    void aDrawingWithInternalReferencesBuildsInBothOutputs() throws IOException {
        withSvg(OPEN + "<defs><linearGradient id='g'><stop offset='0' stop-color='red'/></linearGradient>"
                + "<circle id='c' r='3'/></defs><style>rect { fill: url(#g); }</style>"
                + "<rect width='40' height='40' fill='url(#g)'/><use xlink:href='#c' x='5' y='5'/>\n</svg>\n",
                "![A picture](../media/pic.svg)");
        Path out = tmp.resolve("p/output");
        String[] build = hearth("build", "--content", content.toString(), "--out", out.toString(), "-q");
        assertEquals("0", build[0], build[1]);
        assertTrue(Files.exists(out.resolve("site/media/media/pic.svg")) || Files.exists(out.resolve("site/media/pic.svg")));
    }

    @Test
    void anSvgThePdfCannotDrawIsAPositionedErrorNotAnInternalOne() throws IOException {
        // SVG 2's plain href on <use> is fine for a browser, but the PDF's SVG renderer (Batik) fails on it.
        withSvg(OPEN + "<defs><circle id='c' r='3'/></defs><use href='#c' x='5' y='5'/>\n</svg>\n", "![A picture](../media/pic.svg)");
        String[] build = hearth("build", "--content", content.toString(), "--out", tmp.resolve("p/output").toString(), "-q");
        assertEquals("1", build[0], build[1]);
        assertTrue(build[1].contains("media/pic.svg: error: the PDF cannot draw this SVG image: "), build[1]);
        assertEquals("0", hearth("build", "--content", content.toString(), "--out", tmp.resolve("p/output").toString(), "--only", "site", "-q")[0],
                "the site alone does not need the PDF's renderer");
    }

    @Test
    void anSvgIsNeverLinkedForViewingOnItsOwn() throws IOException {
        withSvg(OPEN + "<rect width='4' height='4'/>\n</svg>\n", "See [the picture](../media/pic.svg).");
        String[] check = hearth("check", "--content", content.toString());
        assertEquals("1", check[0], check[1]);
        assertTrue(check[1].contains("first.md:") && check[1].contains("a link to an SVG image opens it on its own"), check[1]);
    }
}
