package org.secrecyguard.extract;

import java.io.ByteArrayInputStream;
import org.apache.poi.hslf.model.HeadersFooters;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.secrecyguard.engine.SegmentKind;

/**
 * PowerPoint 97-2003 (ppt; Kingsoft .dps) with HSLF; see {@link SlideShowReader}. Footers set through
 * "Header and Footer" live in a separate record rather than in placeholders, so they are read here.
 */
final class PptExtractor implements FormatExtractor {
    @Override
    public void extract(Input input, DocumentCollector out) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(input.bytes()));
             HSLFSlideShow show = new HSLFSlideShow(fs)) {
            HeadersFooters slideHf = show.getSlideHeadersFooters();
            if (slideHf != null) {
                out.add(slideHf.getHeaderText(), SegmentKind.HEADER, "slides header");
                out.add(slideHf.getFooterText(), SegmentKind.FOOTER, "slides footer");
            }
            HeadersFooters notesHf = show.getNotesHeadersFooters();
            if (notesHf != null) {
                out.add(notesHf.getHeaderText(), SegmentKind.HEADER, "notes header");
                out.add(notesHf.getFooterText(), SegmentKind.FOOTER, "notes footer");
            }
            new SlideShowReader(out).read(show);
        }
    }
}
