package org.hearth.render.pdf.tagging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.hearth.model.PdfStandard;

/**
 * The XMP metadata packet: PDF/A and PDF/UA identification plus the Dublin Core and PDF properties
 * that must agree with the Info dictionary. Written by hand so that it is byte-stable.
 */
final class Xmp {

    private static final DateTimeFormatter XMP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Xmp() {
    }

    /** What the packet says; every text is the Info dictionary's value, or empty when Info has none. */
    record Fields(String title, String author, String subject, String keywords, String creator, String producer,
            String language, Instant time) {
    }

    static byte[] packet(Fields f, PdfStandard standard) {
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        x.append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        x.append("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n")
                .append("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>").append(standard.conformance())
                .append("</pdfaid:conformance>\n</rdf:Description>\n");
        if (standard.tagged()) {
            x.append("<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n")
                    .append("<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n");
            // PDF/A-2 accepts only schemas it knows or that the file declares: declare pdfuaid.
            x.append("""
                    <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" \
                    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
                    <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
                    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                    <pdfaSchema:schema>PDF/UA identification schema</pdfaSchema:schema>
                    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
                    <pdfaProperty:category>internal</pdfaProperty:category>
                    <pdfaProperty:description>PDF/UA version identifier</pdfaProperty:description>
                    <pdfaProperty:name>part</pdfaProperty:name>
                    <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                    </rdf:li></rdf:Seq></pdfaSchema:property>
                    </rdf:li></rdf:Bag></pdfaExtension:schemas>
                    </rdf:Description>
                    """);
        }
        x.append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
        x.append("<dc:format>application/pdf</dc:format>\n");
        if (!f.title().isEmpty()) {
            x.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(esc(f.title())).append("</rdf:li></rdf:Alt></dc:title>\n");
        }
        if (!f.author().isEmpty()) {
            x.append("<dc:creator><rdf:Seq><rdf:li>").append(esc(f.author())).append("</rdf:li></rdf:Seq></dc:creator>\n");
        }
        if (!f.subject().isEmpty()) {
            x.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(esc(f.subject())).append("</rdf:li></rdf:Alt></dc:description>\n");
        }
        x.append("<dc:language><rdf:Bag><rdf:li>").append(esc(f.language())).append("</rdf:li></rdf:Bag></dc:language>\n");
        x.append("<dc:date><rdf:Seq><rdf:li>").append(XMP_DATE.format(f.time())).append("</rdf:li></rdf:Seq></dc:date>\n");
        x.append("</rdf:Description>\n");
        x.append("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
        if (!f.creator().isEmpty()) {
            x.append("<xmp:CreatorTool>").append(esc(f.creator())).append("</xmp:CreatorTool>\n");
        }
        String date = XMP_DATE.format(f.time());
        x.append("<xmp:CreateDate>").append(date).append("</xmp:CreateDate>\n");
        x.append("<xmp:ModifyDate>").append(date).append("</xmp:ModifyDate>\n");
        x.append("<xmp:MetadataDate>").append(date).append("</xmp:MetadataDate>\n");
        x.append("</rdf:Description>\n");
        x.append("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
        if (!f.producer().isEmpty()) {
            x.append("<pdf:Producer>").append(esc(f.producer())).append("</pdf:Producer>\n");
        }
        if (!f.keywords().isEmpty()) {
            x.append("<pdf:Keywords>").append(esc(f.keywords())).append("</pdf:Keywords>\n");
        }
        x.append("</rdf:Description>\n");
        x.append("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
