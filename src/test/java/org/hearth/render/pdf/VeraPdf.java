package org.hearth.render.pdf;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Runs veraPDF in-process and lists the rules a PDF breaks, one line per rule with a sample. */
final class VeraPdf {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private VeraPdf() {
    }

    /** Failed rules as "clause-test (n times): message [where]", sorted; empty when compliant. */
    static List<String> failures(byte[] pdf, PDFAFlavour flavour) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            Map<String, String> lines = new TreeMap<>();
            Map<String, Integer> counts = new TreeMap<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() != TestAssertion.Status.FAILED) {
                    continue;
                }
                String rule = a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber();
                counts.merge(rule, 1, Integer::sum);
                lines.putIfAbsent(rule, a.getMessage() + " [" + a.getLocation().getContext() + "] " + a.getErrorMessage());
            }
            return lines.entrySet().stream().map(e -> e.getKey() + " (" + counts.get(e.getKey()) + "x): " + e.getValue()).toList();
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not validate: " + e, e);
        }
    }
}
