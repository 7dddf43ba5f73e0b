package org.secrecyguard.extract;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.secrecyguard.engine.SegmentKind;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The text runs ({@code <a:t>}) of DrawingML parts, one line per paragraph, read straight from the XML:
 * the text boxes of spreadsheet sheets (xlsx and xlsb), and a presentation's slides and notes when POI
 * cannot build the slide show (it parses every slide up front, so one damaged slide cost them all). A
 * damaged part gives what stood before the damage, with a note.
 */
final class DrawingMlText {
    private DrawingMlText() {
    }

    static void readSlides(OPCPackage pkg, DocumentCollector out) throws Exception {
        List<PackagePart> slides = new ArrayList<>();
        List<PackagePart> notes = new ArrayList<>();
        for (PackagePart part : pkg.getParts()) {
            String name = part.getPartName().getName();
            if (name.matches("/ppt/slides/slide\\d+\\.xml")) {
                slides.add(part);
            } else if (name.matches("/ppt/notesSlides/notesSlide\\d+\\.xml")) {
                notes.add(part);
            }
        }
        slides.sort((a, b) -> OoxmlPackage.naturalOrder(a.getPartName().getName(), b.getPartName().getName()));
        notes.sort((a, b) -> OoxmlPackage.naturalOrder(a.getPartName().getName(), b.getPartName().getName()));
        out.note("partial: the presentation's structure could not be read; slide text read from each slide");
        for (PackagePart p : slides) {
            read(p, SegmentKind.BODY, "slide " + number(p), out);
        }
        for (PackagePart p : notes) {
            read(p, SegmentKind.BODY, "notes page " + number(p), out);
        }
    }

    private static String number(PackagePart p) {
        return p.getPartName().getName().replaceAll("\\D", "");
    }

    private static void read(PackagePart part, SegmentKind kind, String where, DocumentCollector out) throws Exception {
        Runs runs = new Runs(out.context());
        try {
            SecureXml.parse(OoxmlPackage.read(part), runs);
        } catch (SAXException | java.io.IOException e) {
            out.note("partial: " + where + " is damaged; only its text before the damage was read");
        }
        out.add(runs.text.toString().strip(), kind, where);
    }

    /**
     * The text of each shape (text box, shape with text) in the drawing parts of a spreadsheet's sheet, one
     * segment per shape, read straight from the XML rather than through POI's shapes: POI logs and drops a
     * damaged drawing, which would lose its text boxes without a word. What stands before the damage is
     * kept, and a note says the rest is missing.
     */
    static void readSheetShapes(PackagePart sheetPart, String sheet, DocumentCollector out) {
        String where = "sheet " + sheet + " text box";
        List<PackagePart> drawings = new ArrayList<>();
        try {
            for (PackageRelationship rel : sheetPart.getRelationshipsByType(DRAWING_RELATION)) {
                drawings.add(sheetPart.getRelatedPart(rel));
            }
        } catch (InvalidFormatException | RuntimeException e) { // NOPMD: the cells are read all the same
            out.note("partial: the text boxes of sheet " + sheet + " could not be read");
            return;
        }
        for (PackagePart drawing : drawings) {
            Runs shapes = new Runs(out.context(), text -> out.add(text.strip(), SegmentKind.TEXT_BOX, where));
            try {
                SecureXml.parse(OoxmlPackage.read(drawing), shapes);
            } catch (SAXException | java.io.IOException e) {
                shapes.shapeEnded();
                out.note("partial: the drawing of sheet " + sheet + " is damaged; only its text boxes before the damage were read");
            }
        }
    }

    private static final String DRAWING_RELATION =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";

    private static final class Runs extends DefaultHandler {
        final StringBuilder text = new StringBuilder();
        private final ExtractionContext ctx;
        private final java.util.function.Consumer<String> perShape;
        private boolean inRun;
        private int elements;

        Runs(ExtractionContext ctx) {
            this(ctx, null);
        }

        /** @param perShape given the text of each shape's text body as it ends (null: one text for the part) */
        Runs(ExtractionContext ctx, java.util.function.Consumer<String> perShape) {
            this.ctx = ctx;
            this.perShape = perShape;
        }

        void shapeEnded() {
            if (perShape != null && !text.isEmpty()) {
                perShape.accept(text.toString());
                text.setLength(0);
            }
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            if ((++elements & 0xFFF) == 0) {
                ctx.checkTimeUnchecked();
            }
            inRun = local.equals("t");
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if (local.equals("p")) {
                text.append('\n');
            } else if (local.equals("txBody")) {
                shapeEnded();
            }
            inRun = false;
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inRun) {
                text.append(ch, start, length);
            }
        }
    }
}
