package org.secrecyguard.extract;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xslf.usermodel.XMLSlideShow;

/** PowerPoint 2007+ (pptx, ppsx; WPS .dps saved as OOXML) with XSLF; see {@link SlideShowReader}. */
final class PptxExtractor implements FormatExtractor {
    @Override
    @SuppressWarnings("resource")
    public void extract(Input input, DocumentCollector out) throws Exception {
        OPCPackage pkg = OoxmlPackage.open(input.bytes(), out.context());
        try {
            // Not closed: closing the slide show would close (and try to save) the package; revert() below.
            XMLSlideShow show = null;
            try {
                show = new XMLSlideShow(pkg);
            } catch (RuntimeException e) { // NOPMD: POI parses every slide here; one damaged slide fails it
                DrawingMlText.readSlides(pkg, out);
            }
            if (show != null) {
                new SlideShowReader(out).read(show);
            }
            for (PackagePart part : pkg.getParts()) {
                String name = part.getPartName().getName().substring(1);
                if (NestedEntries.isEmbeddingPart(name)) {
                    NestedEntries.addEmbedded(name, OoxmlPackage.read(part), out);
                }
            }
        } finally {
            pkg.revert();
        }
    }
}
