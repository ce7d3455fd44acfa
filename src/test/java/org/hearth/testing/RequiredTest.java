package org.hearth.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Missing tools skip a test on a developer's machine and fail it under CI=true; axe-core comes from the build. */
class RequiredTest {

    @Test
    void aMissingToolFailsUnderCiAndSkipsElsewhere() {
        assertThrows(AssertionFailedError.class, () -> new Required("true").tool(false, "chromedriver"));
        assertThrows(TestAbortedException.class, () -> new Required(null).tool(false, "chromedriver"));
        assertThrows(TestAbortedException.class, () -> new Required("false").tool(false, "chromedriver"));
        assertDoesNotThrow(() -> new Required("true").tool(true, "chromedriver"));
    }

    @Test
    void axeCoreComesFromTheBuildNotTheNetwork() {
        String axe = new Required("true").axeCore();
        assertTrue(axe.startsWith("/*! axe v4.10"), axe.substring(0, 40));
        assertTrue(axe.length() > 100_000);
    }
}
