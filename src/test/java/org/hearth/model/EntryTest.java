package org.hearth.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An entry's {@code with…} copies change what they name and keep every other component. */
class EntryTest {

    private static final Entry ENTRY = new Entry("id", "exercise", "Title", "Summary", "part", "Part", List.of("tag"),
            "10 minutes", "gentle", List.of(new Block.Html("<p>x</p>")), List.of(), List.of("a.png"),
            new NavLink("before", "Before"), new NavLink("after", "After"), "content/exercises/x.md");

    private static void assertSameExcept(Entry a, Entry b, Set<String> changed) throws ReflectiveOperationException {
        for (RecordComponent c : Entry.class.getRecordComponents()) {
            if (!changed.contains(c.getName())) {
                assertEquals(c.getAccessor().invoke(a), c.getAccessor().invoke(b), c.getName());
            }
        }
    }

    @Test
    void withBlocksKeepsEverythingElse() throws ReflectiveOperationException {
        Entry copy = ENTRY.withBlocks(List.of());
        assertEquals(List.of(), copy.blocks());
        assertSameExcept(ENTRY, copy, Set.of("blocks"));
    }

    @Test
    void withNavKeepsEverythingElse() throws ReflectiveOperationException {
        Entry copy = ENTRY.withNav(null, new NavLink("next", "Next"));
        assertEquals(null, copy.prev());
        assertEquals(new NavLink("next", "Next"), copy.next());
        assertSameExcept(ENTRY, copy, Set.of("prev", "next"));
    }
}
