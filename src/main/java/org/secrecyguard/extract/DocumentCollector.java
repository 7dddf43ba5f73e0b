package org.secrecyguard.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;

/**
 * Gathers what a format extractor finds in one file and keeps it within the file's budget: text is cut
 * at the character limit, pictures stop at the picture limit, and each cut becomes a note for the user.
 * Locations get the nested-entry prefix ("a.zip!/b.docx ") here, so extractors only say "page 2".
 */
final class DocumentCollector {
    private final ExtractionContext ctx;
    private final List<Segment> segments = new ArrayList<>();
    private final List<EmbeddedImage> images = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> unreadableImageTypes = new TreeSet<>();
    private boolean textCut;
    private int imagesOverLimit;
    private int imagesTooLarge;
    private int pagesNotRendered;
    private int metafilesNotRendered;

    DocumentCollector(ExtractionContext ctx) {
        this.ctx = ctx;
    }

    ExtractionContext context() {
        return ctx;
    }

    /** True when some text other than file names, or a picture, was collected. */
    boolean readSomething() {
        return !images.isEmpty() || segments.stream().anyMatch(seg -> seg.kind() != SegmentKind.FILE_NAME);
    }

    /** Adds a text segment; blank text is dropped, text past the budget is cut with a note. */
    void add(String text, SegmentKind kind, String where) {
        if (text != null) {
            addClean(clean(text), kind, where);
        }
    }

    /** As {@link #add}, for text known to hold nothing {@link #clean} would change. */
    void addClean(String text, SegmentKind kind, String where) {
        String clean = text.stripTrailing();
        if (clean.isBlank()) {
            return;
        }
        int granted = grant(clean.length());
        if (granted > 0) {
            segments.add(new Segment(clean.substring(0, granted), kind, ctx.where(where)));
        }
    }

    /**
     * As {@link #addClean(String, SegmentKind, String)}, for chars without trailing whitespace; the
     * segment takes them over.
     */
    void addClean(char[] chars, SegmentKind kind, String where) {
        // stripped of trailing whitespace, so blank only when empty
        int granted = chars.length == 0 ? 0 : grant(chars.length);
        if (granted > 0) {
            char[] kept = granted == chars.length ? chars : java.util.Arrays.copyOf(chars, granted);
            segments.add(Segment.ofChars(kept, kind, ctx.where(where)));
        }
    }

    /** Adds a segment whose location is already complete (archive entry names: "a.zip!/b/c.docx"). */
    void addAbsolute(String text, SegmentKind kind, String where) {
        if (text == null || text.isBlank()) {
            return;
        }
        int granted = grant(text.length());
        if (granted > 0) {
            segments.add(new Segment(text.substring(0, granted), kind, where));
        }
    }

    /** How many of {@code chars} more the text budget takes; a cut is remembered for the note. */
    private int grant(int chars) {
        int granted = ctx.budget().takeChars(chars);
        if (granted < chars) {
            textCut = true;
        }
        return granted;
    }

    /** True once the text budget is used up: extractors may stop reading text early. */
    boolean textFull() {
        return ctx.budget().textFull();
    }

    /** Adds the encoded bytes of an embedded picture; non-raster, oversized or surplus pictures are skipped. */
    void addImage(String where, byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            return;
        }
        String type = ImageTypes.rasterType(encoded);
        if (type == null) {
            if (CompressedMetafile.isCompressedMetafile(encoded)) {
                byte[] inflated;
                try {
                    inflated = CompressedMetafile.inflate(encoded, ctx.limits().maxImageBytes());
                } catch (IOException e) {
                    unreadableImageTypes.add(ImageTypes.describe(encoded));
                    return;
                }
                if (inflated == null) {
                    imagesTooLarge++;
                    return;
                }
                encoded = inflated;
            }
            if (MetafileText.isMetafile(encoded) && encoded.length > ctx.limits().maxImageBytes()) {
                imagesTooLarge++;
            } else if (!MetafileText.isMetafile(encoded)
                    || !addMetafile(where, where + " (drawing text)", encoded)) {
                unreadableImageTypes.add(ImageTypes.describe(encoded));
            }
            return;
        }
        if (encoded.length > ctx.limits().maxImageBytes()) {
            imagesTooLarge++;
            return;
        }
        if (!ctx.budget().takeImage()) {
            imagesOverLimit++;
            return;
        }
        images.add(new EmbeddedImage(ctx.where(where), encoded, null));
    }

    /**
     * Adds an EMF/WMF picture: the text of its text records, and, when it draws bitmaps or draws without
     * any text (text as outlines), a rendering for OCR, counted like a rendered page. False when the
     * metafile cannot be parsed at all.
     */
    boolean addMetafile(String where, String textWhere, byte[] encoded) {
        MetafileText.Metafile m = MetafileText.read(encoded, ctx);
        if (m == null) {
            return false;
        }
        add(m.text(), SegmentKind.BODY, textWhere);
        if (!m.complete()) {
            note("partial: " + where + " is damaged; only its text before the damage was read");
        } else if (m.needsOcr()) {
            if (!ctx.budget().takeRenderedPage()) {
                metafilesNotRendered++;
                return true;
            }
            ctx.checkTimeUnchecked();
            BufferedImage image = MetafileRenderer.render(m, ctx.limits().renderDpi());
            if (image == null) {
                note(where + " could not be rendered for OCR");
            } else {
                images.add(new EmbeddedImage(ctx.where(where + " (rendered)"), null, image));
            }
        }
        return true;
    }

    /** Counts a picture that was not even read because its declared size is over the limit. */
    void imageTooLarge() {
        imagesTooLarge++;
    }

    /** True when one more page may be rendered; counts the page as rendered. */
    boolean mayRenderPage() {
        if (ctx.budget().takeRenderedPage()) {
            return true;
        }
        pagesNotRendered++;
        return false;
    }

    void addRendered(String where, BufferedImage image) {
        images.add(new EmbeddedImage(ctx.where(where), null, image));
    }

    void note(String note) {
        notes.add(ctx.location().isEmpty() ? note : ctx.location() + ": " + note);
    }

    /** Takes over a nested entry's document (its locations are already prefixed). */
    void addNested(Document nested) {
        segments.addAll(nested.segments());
        images.addAll(nested.images());
        notes.addAll(nested.notes());
    }

    Document build(String format) {
        if (textCut) {
            note(String.format(Locale.ROOT, "text cut after %,d characters", ctx.limits().maxTextChars()));
        }
        if (imagesOverLimit > 0) {
            note(String.format(Locale.ROOT, "%d images skipped: limit %d per file", imagesOverLimit,
                    ctx.limits().maxImages()));
        }
        if (imagesTooLarge > 0) {
            note(String.format(Locale.ROOT, "%d images larger than %d MB skipped", imagesTooLarge,
                    ctx.limits().maxImageBytes() / (1024 * 1024)));
        }
        if (!unreadableImageTypes.isEmpty()) {
            note("images in formats OCR cannot read skipped: " + String.join(", ", unreadableImageTypes));
        }
        if (pagesNotRendered > 0) {
            note(String.format(Locale.ROOT, "%d pages without text layer not rendered for OCR: limit %d",
                    pagesNotRendered, ctx.limits().maxRenderedPages()));
        }
        if (metafilesNotRendered > 0) {
            note(String.format(Locale.ROOT, "%d EMF/WMF pictures not rendered for OCR: limit %d rendered pictures per file",
                    metafilesNotRendered, ctx.limits().maxRenderedPages()));
        }
        return new Document(format, segments, images, notes);
    }

    /**
     * Line breaks become '\n'; Word's binary control marks (cell end, vertical tab, page break) become
     * line breaks; other control characters are dropped.
     */
    static String clean(String text) {
        int n = text.length();
        int first = 0;
        // Most text needs nothing: find the first char that does with one cheap test per char.
        while (first < n && !special(text.charAt(first))) {
            first++;
        }
        if (first == n) {
            return text;
        }
        StringBuilder sb = null;
        for (int i = first; i < n; i++) {
            char c = text.charAt(i);
            char out = c;
            boolean drop = false;
            if (c == '\r') {
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    drop = true;
                } else {
                    out = '\n';
                }
            } else if (c == 0x07 || c == 0x0b || c == 0x0c || c == 0x1e || c == '\u2028' || c == '\u2029') {
                out = c == 0x1e ? '-' : '\n';
            } else if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c == '\ufeff' || c == '\ufffe') {
                drop = true;
            }
            if (drop || out != c) {
                if (sb == null) {
                    sb = new StringBuilder(n);
                    sb.append(text, 0, i);
                }
                if (!drop) {
                    sb.append(out);
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** True for the chars {@link #clean} changes or drops (a superset is fine: the slow path decides). */
    private static boolean special(char c) {
        return c < 0x20 ? c != '\n' && c != '\t' : c == 0x7f || (c | 1) == 0x2029 || c == '\ufeff' || c == '\ufffe';
    }
}
