package org.hearth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hearth.diag.Diagnostics;
import org.hearth.source.SourceText;
import org.hearth.source.Typography;
import org.hearth.source.YamlReader;
import org.hearth.source.YamlValue;
import org.junit.jupiter.api.Test;

/** Prose from YAML gets the same typographic quotes the Markdown renderer gives bodies. */
class TypographyTest {

    @Test
    void quotesOpenAfterSpaceOrBracketAndCloseElsewhere() {
        assertEquals("Say: \u201cI\u2019m here.\u201d Then breathe.", Typography.curl("Say: \"I'm here.\" Then breathe."));
        assertEquals("(\u2018a word\u2019) and Maya\u2019s", Typography.curl("('a word') and Maya's"));
        assertEquals("\u201cQuoted\u201d", Typography.curl("\"Quoted\""));
        assertEquals("plain", Typography.curl("plain"));
    }

    @Test
    void proseKeysAreCurledButOtherValuesAreNot() {
        Diagnostics d = new Diagnostics();
        YamlValue.Fields f = new YamlReader().read(new SourceText(java.nio.file.Path.of("x.yml"), "x.yml",
                "title: Don't rush\nurl: https://example.org/it's\nitems: [\"Yes\", I'm here]\n", 1), d)
                .flatMap(v -> v.fields("test")).orElseThrow();
        assertEquals("Don\u2019t rush", f.text("title").orElseThrow());
        assertEquals("https://example.org/it's", f.string("url").orElseThrow());
        assertEquals(List.of("Yes", "I\u2019m here"), f.textList("items"));
    }
}
