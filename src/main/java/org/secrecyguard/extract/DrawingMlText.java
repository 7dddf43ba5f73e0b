package org.secrecyguard.extract;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.secrecyguard.engine.SegmentKind;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The text runs ({@code <a:t>}) of a presentation's slide and notes parts, one line per paragraph, read
 * straight from the XML. It is the fallback when POI cannot build the slide show (it parses every slide
 * up front, so one damaged slide cost them all): each readable slide is still checked, and a damaged one
 * gives what stood before the damage, with a note.
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

    private static final class Runs extends DefaultHandler {
        final StringBuilder text = new StringBuilder();
        private final ExtractionContext ctx;
        private boolean inRun;
        private int elements;

        Runs(ExtractionContext ctx) {
            this.ctx = ctx;
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
