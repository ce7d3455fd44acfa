package org.hearth.render.pdf.tagging;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openpdf.text.pdf.PRIndirectReference;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfIndirectReference;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfStamper;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.w3c.dom.Element;

/**
 * Writes a {@link TagTree} into the PDF: the structure elements, the parent tree that maps each
 * page's MCIDs and each annotation back to them, links and form widgets as object references in
 * their Link and Form elements (with the link's text as {@code /Contents} and the field's label as
 * {@code /TU}), {@code /StructParents} and {@code /Tabs /S} on every page.
 */
final class StructureWriter {

    private static final PdfName OBJ = new PdfName("Obj");
    private static final PdfName STRUCT_ELEM = new PdfName("StructElem");
    private static final PdfName SCOPE = new PdfName("Scope");
    private static final PdfName LIST_NUMBERING = new PdfName("ListNumbering");
    private static final PdfName TABLE = new PdfName("Table");
    private static final PdfName LIST = new PdfName("List");

    private final PdfStamper stamper;
    private final PdfWriter writer;
    private final PdfReader reader;
    private final TagTree tree;
    private final Map<TagTree.Tag, PdfIndirectReference> refs = new IdentityHashMap<>();
    /** Annotations to add to a tag as object references: tag to (page index, annotation reference). */
    private final Map<TagTree.Tag, List<Object[]>> objects = new IdentityHashMap<>();

    StructureWriter(PdfStamper stamper, TagTree tree) {
        this.stamper = stamper;
        this.writer = stamper.getWriter();
        this.reader = stamper.getReader();
        this.tree = tree;
    }

    void write() throws IOException {
        int pages = reader.getNumberOfPages();
        Map<Integer, PdfObject> parentTree = new TreeMap<>();
        Map<String, List<TagTree.Tag>> forms = new HashMap<>();
        List<TagTree.Tag> links = new ArrayList<>();
        collect(tree.document(), forms, links);
        PdfIndirectReference rootRef = writer.getPdfIndirectReference();

        // Annotations: each gets a StructParent key after the pages' keys.
        int nextKey = pages;
        for (int p = 1; p <= pages; p++) {
            PdfDictionary page = reader.getPageN(p);
            page.put(PdfName.STRUCTPARENTS, new PdfNumber(p - 1));
            page.put(PdfName.TABS, PdfName.S);
            PdfArray annots = page.getAsArray(PdfName.ANNOTS);
            if (annots == null) {
                continue;
            }
            for (int i = 0; i < annots.size(); i++) {
                PdfObject ref = annots.getPdfObject(i);
                PdfDictionary annot = annots.getAsDict(i);
                if (!(ref instanceof PRIndirectReference) || annot == null) {
                    continue;
                }
                TagTree.Tag owner = owner(annot, p - 1, forms, links);
                if (owner == null) {
                    continue;
                }
                annot.put(PdfName.STRUCTPARENT, new PdfNumber(nextKey));
                objects.computeIfAbsent(owner, k -> new ArrayList<>()).add(new Object[] {p - 1, ref});
                parentTree.put(nextKey, ref(owner));
                nextKey++;
            }
        }

        // Structure elements, and each page's MCIDs in the parent tree.
        Map<Integer, TreeMap<Integer, PdfIndirectReference>> marks = new HashMap<>();
        writeTag(tree.document(), rootRef, marks);
        for (int p = 0; p < pages; p++) {
            PdfArray mcids = new PdfArray();
            TreeMap<Integer, PdfIndirectReference> onPage = marks.getOrDefault(p, new TreeMap<>());
            for (PdfIndirectReference r : onPage.values()) {
                mcids.add(r);
            }
            parentTree.put(p, writer.addToBody(mcids).getIndirectReference());
        }
        PdfArray nums = new PdfArray();
        parentTree.forEach((k, v) -> {
            nums.add(new PdfNumber(k));
            nums.add(v);
        });
        PdfDictionary numberTree = new PdfDictionary();
        numberTree.put(PdfName.NUMS, nums);
        PdfDictionary root = new PdfDictionary(PdfName.STRUCTTREEROOT);
        root.put(PdfName.K, ref(tree.document()));
        root.put(PdfName.PARENTTREE, writer.addToBody(numberTree).getIndirectReference());
        root.put(PdfName.PARENTTREENEXTKEY, new PdfNumber(nextKey));
        writer.addToBody(root, rootRef);
        reader.getCatalog().put(PdfName.STRUCTTREEROOT, rootRef);
        stamper.markUsed(reader.getCatalog());
    }

    private void collect(TagTree.Tag tag, Map<String, List<TagTree.Tag>> forms, List<TagTree.Tag> links) {
        if (tag.role.equals("Form") && tag.element != null) {
            String name = tag.element.hasAttribute("data-field") ? tag.element.getAttribute("data-field") : tag.element.getAttribute("name");
            forms.computeIfAbsent(name, k -> new ArrayList<>()).add(tag);
        } else if (tag.role.equals("Link")) {
            links.add(tag);
        }
        for (Object kid : tag.kids) {
            if (kid instanceof TagTree.Tag t) {
                collect(t, forms, links);
            }
        }
    }

    /** The Link or Form tag an annotation belongs to; sets the link's /Contents and the field's /TU. */
    private TagTree.Tag owner(PdfDictionary annot, int page, Map<String, List<TagTree.Tag>> forms, List<TagTree.Tag> links) {
        PdfName subtype = annot.getAsName(PdfName.SUBTYPE);
        if (PdfName.LINK.equals(subtype)) {
            TagTree.Tag link = bestLink(annot, page, links);
            if (link == null) {
                return null;
            }
            annot.put(PdfName.CONTENTS, new PdfString(linkText(link.element), PdfObject.TEXT_UNICODE));
            return link;
        }
        if (PdfName.WIDGET.equals(subtype)) {
            PdfDictionary field = annot.get(PdfName.T) != null ? annot : annot.getAsDict(PdfName.PARENT);
            if (field == null || field.getAsString(PdfName.T) == null) {
                return null;
            }
            List<TagTree.Tag> candidates = forms.getOrDefault(field.getAsString(PdfName.T).toUnicodeString(), List.of());
            TagTree.Tag form = null;
            if (candidates.size() == 1) {
                form = candidates.get(0);
            } else {
                String state = onState(annot);
                for (TagTree.Tag t : candidates) {
                    String value = t.element.hasAttribute("data-value") ? t.element.getAttribute("data-value") : t.element.getAttribute("value");
                    if (value.equals(state)) {
                        form = t;
                    }
                }
            }
            PdfString tu = field.getAsString(PdfName.TU);
            if (form != null && (tu == null || tu.toUnicodeString().isBlank())) {
                // A radio group is one field: its tooltip is the question; each button's value is its own.
                String label = field == annot ? FieldLabels.label(form.element) : FieldLabels.question(form.element);
                field.put(PdfName.TU, new PdfString(label, PdfObject.TEXT_UNICODE));
            }
            return form;
        }
        return null;
    }

    private static String onState(PdfDictionary annot) {
        PdfDictionary ap = annot.getAsDict(PdfName.AP);
        PdfDictionary n = ap == null ? null : ap.getAsDict(PdfName.N);
        if (n != null) {
            for (PdfName key : n.getKeys()) {
                String state = PdfName.decodeName(key.toString());
                if (!state.equals("Off")) {
                    return state;
                }
            }
        }
        return "";
    }

    /** The link whose drawn text overlaps the annotation's rectangle most, on the same page. */
    private static TagTree.Tag bestLink(PdfDictionary annot, int page, List<TagTree.Tag> links) {
        PdfArray r = annot.getAsArray(PdfName.RECT);
        float[] a = new float[4];
        for (int i = 0; i < 4; i++) {
            a[i] = ((PdfNumber) r.getPdfObject(i)).floatValue();
        }
        float ax1 = Math.min(a[0], a[2]);
        float ax2 = Math.max(a[0], a[2]);
        float ay1 = Math.min(a[1], a[3]);
        float ay2 = Math.max(a[1], a[3]);
        TagTree.Tag best = null;
        double bestArea = 0;
        for (TagTree.Tag link : links) {
            for (float[] area : link.areas) {
                if ((int) area[0] != page) {
                    continue;
                }
                double w = Math.min(ax2, area[3]) - Math.max(ax1, area[1]);
                double h = Math.min(ay2, area[4]) - Math.max(ay1, area[2]);
                if (w > 0 && h > 0 && w * h > bestArea) {
                    bestArea = w * h;
                    best = link;
                }
            }
        }
        return best;
    }

    private static String linkText(Element a) {
        String text = TagTree.text(a);
        String href = a.getAttribute("href");
        if (text.isEmpty()) {
            return href;
        }
        return href.startsWith("#") ? text : text + " (" + href + ")";
    }

    private PdfIndirectReference ref(TagTree.Tag tag) {
        return refs.computeIfAbsent(tag, t -> writer.getPdfIndirectReference());
    }

    private boolean empty(TagTree.Tag tag) {
        if (objects.containsKey(tag) || tag.table) {
            return false;
        }
        for (Object kid : tag.kids) {
            if (kid instanceof TagTree.Content || (kid instanceof TagTree.Tag t && !empty(t))) {
                return false;
            }
        }
        return true;
    }

    private void writeTag(TagTree.Tag tag, PdfIndirectReference parent, Map<Integer, TreeMap<Integer, PdfIndirectReference>> marks)
            throws IOException {
        PdfIndirectReference self = ref(tag);
        PdfDictionary d = new PdfDictionary(STRUCT_ELEM);
        d.put(PdfName.S, new PdfName(tag.role));
        d.put(PdfName.P, parent);
        PdfArray k = new PdfArray();
        for (Object kid : TagTree.ordered(tag)) {
            if (kid instanceof TagTree.Tag t) {
                if (!empty(t)) {
                    writeTag(t, self, marks);
                    k.add(ref(t));
                }
            } else if (kid instanceof TagTree.Content c) {
                PdfDictionary mcr = new PdfDictionary(PdfName.MCR);
                mcr.put(PdfName.PG, reader.getPageOrigRef(c.page() + 1));
                mcr.put(PdfName.MCID, new PdfNumber(c.mcid()));
                k.add(mcr);
                marks.computeIfAbsent(c.page(), x -> new TreeMap<>()).put(c.mcid(), self);
            }
        }
        for (Object[] o : objects.getOrDefault(tag, List.of())) {
            PdfDictionary objr = new PdfDictionary(PdfName.OBJR);
            objr.put(PdfName.PG, reader.getPageOrigRef((Integer) o[0] + 1));
            objr.put(OBJ, (PdfObject) o[1]);
            k.add(objr);
        }
        d.put(PdfName.K, k);
        if (tag.alt != null) {
            d.put(PdfName.ALT, new PdfString(tag.alt, PdfObject.TEXT_UNICODE));
        }
        if (tag.actualText != null) {
            d.put(PdfName.ACTUALTEXT, new PdfString(tag.actualText, PdfObject.TEXT_UNICODE));
        }
        if (tag.lang != null) {
            d.put(PdfName.LANG, new PdfString(tag.lang));
        }
        if (tag.scope != null) {
            d.put(PdfName.A, attributes(TABLE, SCOPE, new PdfName(tag.scope)));
        }
        if (tag.numbering != null) {
            d.put(PdfName.A, attributes(LIST, LIST_NUMBERING, new PdfName(tag.numbering)));
        }
        writer.addToBody(d, self);
    }

    private static PdfDictionary attributes(PdfName owner, PdfName key, PdfObject value) {
        PdfDictionary a = new PdfDictionary();
        a.put(PdfName.O, owner);
        a.put(key, value);
        return a;
    }
}
