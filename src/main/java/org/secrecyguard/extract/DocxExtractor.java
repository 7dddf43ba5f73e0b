package org.secrecyguard.extract;

import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.extract.WordXmlHandler.Part;

/**
 * Word 2007+ documents (docx, docm, dotx; also what WPS writes). POI's OPC layer opens the package and
 * follows the relationships from the main part to headers, footers, footnotes, endnotes and comments;
 * each part is read with {@link WordXmlHandler} (SAX), which unlike XWPF's paragraph text also reaches
 * text boxes in DrawingML and VML shapes and keeps deleted text. Pictures and embedded objects follow.
 */
final class DocxExtractor implements FormatExtractor {
    @Override
    public void extract(Input input, DocumentCollector out) throws Exception {
        ExtractionContext ctx = out.context();
        OPCPackage pkg = OoxmlPackage.open(input.bytes(), ctx);
        try {
            PackagePart main = OoxmlPackage.mainPart(pkg);
            if (main == null) {
                throw new ExtractionException(ExtractionException.Reason.CORRUPT,
                        "corrupt " + input.label() + ": no main document part: cannot be read");
            }
            WordXmlHandler.Counters counters = new WordXmlHandler.Counters();
            read(main, Part.BODY, SegmentKind.BODY, "body", counters, out);
            numbered(main, "header", Part.HEADER, SegmentKind.HEADER, counters, out);
            numbered(main, "footer", Part.FOOTER, SegmentKind.FOOTER, counters, out);
            for (PackagePart notes : OoxmlPackage.related(main, "footnotes")) {
                read(notes, Part.NOTES, SegmentKind.FOOTNOTE, "", counters, out);
            }
            for (PackagePart notes : OoxmlPackage.related(main, "endnotes")) {
                read(notes, Part.NOTES, SegmentKind.FOOTNOTE, "", counters, out);
            }
            for (PackagePart comments : OoxmlPackage.related(main, "comments")) {
                read(comments, Part.COMMENTS, SegmentKind.COMMENT, "", counters, out);
            }
            OoxmlPackage.addPicturesAndEmbeddings(pkg, out);
        } finally {
            pkg.revert();
        }
    }

    private static void numbered(PackagePart main, String type, Part part, SegmentKind kind,
            WordXmlHandler.Counters counters, DocumentCollector out) throws Exception {
        List<PackagePart> parts = OoxmlPackage.related(main, type);
        parts.sort((a, b) -> OoxmlPackage.naturalOrder(a.getPartName().getName(), b.getPartName().getName()));
        int n = 0;
        for (PackagePart p : parts) {
            n++;
            read(p, part, kind, n == 1 ? type : type + " " + n, counters, out);
        }
    }

    private static void read(PackagePart part, Part which, SegmentKind kind, String where,
            WordXmlHandler.Counters counters, DocumentCollector out) throws Exception {
        out.context().checkTime();
        WordXmlHandler handler = new WordXmlHandler(which, kind, where, counters, out.context());
        SecureXml.parse(OoxmlPackage.read(part), handler);
        for (Piece piece : handler.pieces()) {
            piece.addTo(out);
        }
    }
}
