package org.hearth.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What a test needs from outside the JVM (a browser, a driver, axe-core). On a developer's machine
 * a missing tool skips the test; under {@code CI=true} it fails it, so CI never passes by skipping.
 */
public final class Required {

    private final boolean ci;

    /** @param ciVariable the value of the {@code CI} environment variable, or null */
    public Required(String ciVariable) {
        this.ci = "true".equalsIgnoreCase(ciVariable);
    }

    /** For the environment this test runs in. */
    public static Required here() {
        return new Required(System.getenv("CI"));
    }

    /** Fails (under CI) or skips (elsewhere) unless {@code present}. */
    public void tool(boolean present, String what) {
        if (!present) {
            String message = what + " is missing";
            if (ci) {
                fail(message + " (CI=true: .ci/run installs it, so this is a broken CI setup, not a reason to skip)");
            }
            assumeTrue(false, message);
        }
    }

    /**
     * axe-core's script, from the {@code com.deque.html.axe-core:selenium} test dependency: Maven
     * fetches it with everything else, so no test downloads anything.
     */
    public String axeCore() {
        try (InputStream in = Required.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            tool(in != null, "axe.min.js (from com.deque.html.axe-core:selenium)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
