package org.hearth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.hearth.testing.Golden;
import org.junit.jupiter.api.Test;

class PromptsCommandTest {

    @Test
    void listsTheLibraryFilteredAsATable() {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"prompts", "--content", Golden.fixtures().resolve("basic/content").toString(), "--kind", "journal"},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code);
        assertEquals("""
                ID          KIND     INTENSITY  TAGS             OFFERED BY  TEXT
                notice-one  journal  gentle     self-compassion  first       What did you feel today?
                left-out    journal  gentle                      first       This prompt is not chosen.
                2 prompts
                """, out.toString());
    }

    @Test
    void saysSoWhenNothingMatches() {
        StringWriter err = new StringWriter();
        assertEquals(1, Main.run(new String[] {"prompts", "--content", Golden.fixtures().resolve("basic/content").toString(), "--tag", "zzz"},
                new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertTrue(err.toString().contains("No prompt matches"), err.toString());
    }
}
