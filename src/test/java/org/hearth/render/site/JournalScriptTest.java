package org.hearth.render.site;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a reader types or imports is text, and stays text: the site's scripts set it as a value or
 * as text only, and never parse markup or turn strings into code, so a hostile answers file cannot
 * put script or markup into a page (the CSP, which forbids inline script, is the second wall).
 */
class JournalScriptTest {

    static final Path ASSETS = Path.of(System.getProperty("hearth.project.root", ".")).resolve("templates/site/assets");

    /** Sinks that parse HTML or run strings as code. */
    static final Pattern SINKS = Pattern.compile(
            "\\.(innerHTML|outerHTML)\\s*[+]?=|insertAdjacentHTML|document\\.write|\\beval\\s*\\(|new\\s+Function\\s*\\(|setTimeout\\s*\\(\\s*[\"']"
                    + "|createContextualFragment|\\.srcdoc\\s*=|DOMParser");

    @Test
    void theSiteScriptsNeverTurnTextIntoMarkupOrCode() throws IOException {
        for (String script : List.of("site.js", "journal.js", "journal-answers.js")) {
            Path file = ASSETS.resolve(script);
            assertTrue(Files.isRegularFile(file), "missing " + file);
            String js = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = SINKS.matcher(js);
            if (m.find()) {
                int line = js.substring(0, m.start()).split("\n", -1).length;
                throw new AssertionError(script + ":" + line + ": '" + m.group() + "' parses markup or runs a string as code; set text with textContent or value");
            }
        }
    }
}
