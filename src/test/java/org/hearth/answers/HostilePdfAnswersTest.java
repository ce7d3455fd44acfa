package org.hearth.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDFormFieldAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filled PDF sent by someone else may carry more than form fields: XFA (an XML form the reader
 * would parse, with values of its own), JavaScript run on opening or on a keystroke, attached
 * files. Hearth reads only the AcroForm fields' values; none of the rest is parsed or carried into
 * the JSON, the keepsake or the filled fillable edition.
 */
class HostilePdfAnswersTest {

    @TempDir
    Path out;

    private Path filled() {
        return AnswersFiles.filled(out.resolve("filled"));
    }

    /** The JSON export of {@code pdf}, without its export time (each run's own). */
    private String exported(Path pdf, String name) throws IOException {
        return Files.readString(export(pdf, name), StandardCharsets.UTF_8).replaceFirst("\"exportedAt\": \"[^\"]*\"", "");
    }

    private Path export(Path pdf, String name) {
        AnswersFiles.Run r = AnswersFiles.hearth("answers", "export", "--content", AnswersFiles.content().toString(), pdf.toString(),
                "-o", out.resolve(name).toString());
        assertEquals(0, r.code(), r.err());
        return out.resolve(name);
    }

    /** Adds XFA (well-formed or not), JavaScript on opening and on a field, and an attachment. */
    private Path hostile(Path clean, String xfa) throws IOException {
        Path pdf = out.resolve("hostile.pdf");
        try (PDDocument doc = Loader.loadPDF(clean.toFile())) {
            var catalog = doc.getDocumentCatalog();
            catalog.setOpenAction(new PDActionJavaScript("app.alert('opened')"));
            var stream = doc.getDocument().createCOSStream();
            try (var w = stream.createOutputStream()) {
                w.write(xfa.getBytes(StandardCharsets.UTF_8));
            }
            catalog.getAcroForm().getCOSObject().setItem(COSName.getPDFName("XFA"), stream);
            PDField f = catalog.getAcroForm().getField("first--letter-one-1");
            PDFormFieldAdditionalActions aa = new PDFormFieldAdditionalActions();
            aa.setK(new PDActionJavaScript("app.alert('typed')"));
            f.getCOSObject().setItem(COSName.AA, aa.getCOSObject());
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("attached.exe");
            spec.setEmbeddedFile(new PDEmbeddedFile(doc, new ByteArrayInputStream("MZ attached".getBytes(StandardCharsets.US_ASCII))));
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("attached.exe", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
            names.setEmbeddedFiles(tree);
            catalog.setNames(names);
            doc.save(pdf.toFile());
        }
        return pdf;
    }

    private static void assertInert(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            var catalog = doc.getDocumentCatalog();
            assertNull(catalog.getCOSObject().getDictionaryObject(COSName.OPEN_ACTION), pdf + ": no action on opening");
            assertNull(catalog.getNames() == null ? null : catalog.getNames().getEmbeddedFiles(), pdf + ": no attachment");
            assertNull(catalog.getNames() == null ? null : catalog.getNames().getJavaScript(), pdf + ": no document JavaScript");
            if (catalog.getAcroForm() != null) {
                assertNull(catalog.getAcroForm().getCOSObject().getDictionaryObject(COSName.getPDFName("XFA")), pdf + ": no XFA");
                for (PDField f : catalog.getAcroForm().getFieldTree()) {
                    assertNull(f.getCOSObject().getDictionaryObject(COSName.AA), pdf + ": no field actions on " + f.getFullyQualifiedName());
                }
            }
        }
    }

    @Test
    void malformedXfaIsNotParsedTheFieldsAreReadAsWithoutIt() throws IOException {
        Path clean = filled();
        String expected = exported(clean, "clean.json");
        Path pdf = hostile(clean, "<xdp:xdp this is not XML");
        assertEquals(expected, exported(pdf, "back.json"));
    }

    @Test
    void xfaValuesAreNeverTakenForTheFieldsOwn() throws IOException {
        Path clean = filled();
        String expected = exported(clean, "clean.json");
        // A well-formed XFA whose data set gives the letter's first line other words than its field holds.
        Path pdf = hostile(clean, """
                <xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template xmlns="http://www.xfa.org/schema/xfa-template/2.8/">\
                <subform name="form1"><field name="first--letter-one-1"/></subform></template>\
                <xfa:datasets xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/"><xfa:data><form1>\
                <first--letter-one-1>WORDS FROM XFA</first--letter-one-1></form1></xfa:data></xfa:datasets></xdp:xdp>""");
        String back = exported(pdf, "back.json");
        assertFalse(back.contains("WORDS FROM XFA"), back);
        assertEquals(expected, back);
    }

    @Test
    void neitherTheKeepsakeNorTheFilledEditionCarriesTheSendersScriptsXfaOrAttachments() throws IOException {
        Path pdf = hostile(filled(), "<xdp:xdp this is not XML");
        AnswersFiles.Run keepsake = AnswersFiles.hearth("build", "--content", AnswersFiles.content().toString(), "--out",
                out.resolve("keepsake").toString(), "--answers", pdf.toString());
        assertEquals(0, keepsake.code(), keepsake.err());
        assertInert(out.resolve("keepsake").resolve(AnswersOptions.KEEPSAKE));
        AnswersFiles.Run fillable = AnswersFiles.hearth("build", "--content", AnswersFiles.content().toString(), "--out",
                out.resolve("again").toString(), "--fillable", "--answers", pdf.toString());
        assertEquals(0, fillable.code(), fillable.err());
        assertInert(out.resolve("again").resolve(AnswersOptions.FILLED));
        assertFalse(fillable.err().contains("error"), fillable.err());
    }
}
