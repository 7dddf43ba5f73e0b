package org.secrecyguard.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.sl.usermodel.Comment;
import org.apache.poi.sl.usermodel.GroupShape;
import org.apache.poi.sl.usermodel.MasterSheet;
import org.apache.poi.sl.usermodel.Notes;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.sl.usermodel.Shape;
import org.apache.poi.sl.usermodel.ShapeContainer;
import org.apache.poi.sl.usermodel.Slide;
import org.apache.poi.sl.usermodel.SlideShow;
import org.apache.poi.sl.usermodel.TableCell;
import org.apache.poi.sl.usermodel.TableShape;
import org.apache.poi.sl.usermodel.TextShape;
import org.secrecyguard.engine.SegmentKind;

/**
 * Reads any POI slide show (pptx through XSLF, ppt through HSLF) via POI's common slide interfaces:
 * per slide the placeholder text (BODY, "slide 2"), free text boxes and shapes (TEXT_BOX), table cells,
 * footer/header placeholders, speaker notes ("slide 2 notes") and comments; then text placed on slide
 * masters outside placeholders (a marking put on the master shows on every slide); then pictures.
 */
final class SlideShowReader {
    private final DocumentCollector out;
    private final ExtractionContext ctx;
    private int tables;

    SlideShowReader(DocumentCollector out) {
        this.out = out;
        this.ctx = out.context();
    }

    void read(SlideShow<?, ?> show) throws ExtractionException {
        List<? extends Slide<?, ?>> slides = show.getSlides();
        int max = ctx.limits().maxPages();
        int n = 0;
        for (Slide<?, ?> slide : slides) {
            n++;
            if (n > max) {
                out.note(String.format(Locale.ROOT, "%d slides after slide %d not read: limit", slides.size() - max, max));
                break;
            }
            ctx.checkTime();
            if (out.textFull()) {
                break;
            }
            String where = "slide " + n;
            tables = 0;
            shapes(slide, where, false);
            Notes<?, ?> notes = slide.getNotes();
            if (notes != null) {
                notes(notes, where + " notes");
            }
            int c = 0;
            for (Comment comment : slide.getComments()) {
                out.add(comment.getText(), SegmentKind.COMMENT, where + " comment " + ++c);
            }
        }
        int m = 0;
        for (MasterSheet<?, ?> master : show.getSlideMasters()) {
            m++;
            shapes(master, "slide master " + m, true);
        }
        int p = 0;
        for (PictureData picture : show.getPictureData()) {
            p++;
            out.addImage("image " + p, picture.getData());
        }
    }

    private void shapes(ShapeContainer<?, ?> container, String where, boolean masterOnly) {
        for (Shape<?, ?> shape : container) {
            if (shape instanceof TableShape<?, ?> table) {
                table(table, where);
            } else if (shape instanceof GroupShape<?, ?> group) {
                shapes(group, where, masterOnly);
            } else if (shape instanceof TextShape<?, ?> text) {
                textShape(text, where, masterOnly);
            }
        }
    }

    private void textShape(TextShape<?, ?> shape, String where, boolean masterOnly) {
        Placeholder ph = shape.isPlaceholder() ? shape.getPlaceholder() : null;
        if (masterOnly && ph != null) {
            return; // master placeholders hold prompts ("Click to edit"), not content
        }
        String text = shape.getText();
        if (ph == null) {
            out.add(text, SegmentKind.TEXT_BOX, where + " text box");
            return;
        }
        switch (ph) {
            case FOOTER, DATETIME, SLIDE_NUMBER -> out.add(text, SegmentKind.FOOTER, where + " footer");
            case HEADER -> out.add(text, SegmentKind.HEADER, where + " header");
            default -> out.add(text, SegmentKind.BODY, where);
        }
    }

    private void table(TableShape<?, ?> table, String where) {
        tables++;
        for (int r = 0; r < table.getNumberOfRows(); r++) {
            for (int c = 0; c < table.getNumberOfColumns(); c++) {
                TableCell<?, ?> cell = table.getCell(r, c);
                if (cell != null) {
                    out.add(cell.getText(), SegmentKind.TABLE_CELL,
                            where + " table " + tables + " row " + (r + 1) + " col " + (c + 1));
                }
            }
        }
    }

    private void notes(Notes<?, ?> notes, String where) {
        List<String> texts = new ArrayList<>();
        for (Shape<?, ?> shape : notes) {
            if (shape instanceof TextShape<?, ?> text) {
                Placeholder ph = text.isPlaceholder() ? text.getPlaceholder() : null;
                if (ph == Placeholder.SLIDE_NUMBER || ph == Placeholder.SLIDE_IMAGE || ph == Placeholder.DATETIME) {
                    continue;
                }
                if (ph == Placeholder.HEADER) {
                    out.add(text.getText(), SegmentKind.HEADER, where + " header");
                } else if (ph == Placeholder.FOOTER) {
                    out.add(text.getText(), SegmentKind.FOOTER, where + " footer");
                } else {
                    texts.add(text.getText());
                }
            }
        }
        out.add(String.join("\n", texts), SegmentKind.BODY, where);
    }
}
