package org.secrecyguard.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.extract.ExtractionException.Reason;

/**
 * PDF with PDFBox 3: text per page ("page 3"), its lines built from glyph positions ({@link PositionedLines}), annotation texts (COMMENT), and files attached to the
 * PDF (read as nested entries). A page with (almost) no text layer but with pictures or drawing is a
 * scan: it is rendered at the limits' DPI and handed to OCR as "page 3 (no text layer)"; pages with text
 * are never rendered. A PDF that opens with the empty user password (owner restrictions only) is read;
 * one that needs a password is ENCRYPTED. A file without its end marker is truncated: CORRUPT, even when
 * PDFBox could guess at part of it.
 */
final class PdfExtractor implements FormatExtractor {
    /** Pages with fewer visible characters than this count as having no text layer. */
    static final int MIN_TEXT_CHARS = 16;
    /** A page content stream longer than this draws something worth rendering even without images. */
    private static final int SUBSTANTIAL_CONTENT_BYTES = 2048;

    @Override
    public void extract(Input input, DocumentCollector out) throws Exception {
        ExtractionContext ctx = out.context();
        byte[] bytes = input.bytes();
        if (!hasEndMarker(bytes)) {
            throw new ExtractionException(Reason.CORRUPT, "corrupt or truncated pdf: cannot be read");
        }
        PDDocument doc;
        try {
            doc = Loader.loadPDF(bytes);
        } catch (InvalidPasswordException e) {
            throw new ExtractionException(Reason.ENCRYPTED, "password-protected pdf: cannot be checked");
        }
        try (doc) {
            int pageCount = doc.getNumberOfPages();
            int last = Math.min(pageCount, ctx.limits().maxPages());
            PageTextStripper stripper = new PageTextStripper(ctx, last);
            stripper.setStartPage(1);
            stripper.setEndPage(last);
            stripper.writeText(doc, new StringWriter());
            List<Integer> scans = new ArrayList<>();
            for (int i = 1; i <= last; i++) {
                String text = stripper.text(i);
                out.add(text, SegmentKind.BODY, "page " + i);
                PDPage page = doc.getPage(i - 1);
                if (visibleChars(text) < MIN_TEXT_CHARS && drawsSomething(page)) {
                    scans.add(i);
                }
                annotations(page, i, out);
            }
            if (pageCount > last) {
                out.note("pages after page " + last + " not read: limit " + last);
            }
            render(doc, scans, out);
            attachments(doc, out);
        }
    }

    private static void render(PDDocument doc, List<Integer> pages, DocumentCollector out) throws ExtractionException {
        if (pages.isEmpty()) {
            return;
        }
        ExtractionContext ctx = out.context();
        PDFRenderer renderer = new PDFRenderer(doc);
        for (int page : pages) {
            ctx.checkTime();
            if (!out.mayRenderPage()) {
                continue;
            }
            try {
                BufferedImage image = renderer.renderImageWithDPI(page - 1, ctx.limits().renderDpi(), ImageType.RGB);
                out.addRendered("page " + page + " (no text layer)", image);
            } catch (IOException | RuntimeException e) {
                out.note("page " + page + " could not be rendered for OCR");
            }
        }
    }

    private static void annotations(PDPage page, int number, DocumentCollector out) {
        List<PDAnnotation> annotations;
        try {
            annotations = page.getAnnotations();
        } catch (IOException | RuntimeException e) {
            return;
        }
        int n = 0;
        for (PDAnnotation a : annotations) {
            String subtype = a.getSubtype();
            if ("Link".equals(subtype) || "Widget".equals(subtype) || "Popup".equals(subtype)) {
                continue;
            }
            String contents = a.getContents();
            if (contents != null && !contents.isBlank()) {
                out.add(contents, SegmentKind.COMMENT, "page " + number + " comment " + ++n);
            }
        }
    }

    private static void attachments(PDDocument doc, DocumentCollector out) throws Exception {
        PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
        if (names == null || names.getEmbeddedFiles() == null) {
            return;
        }
        ExtractionContext ctx = out.context();
        if (ctx.depth() >= ctx.limits().maxZipDepth()) {
            out.note("attached files not read: nested deeper than " + ctx.limits().maxZipDepth());
            return;
        }
        List<PDNameTreeNode<PDComplexFileSpecification>> queue = new ArrayList<>();
        queue.add(names.getEmbeddedFiles());
        int visited = 0;
        while (!queue.isEmpty() && visited++ < 10_000) {
            PDNameTreeNode<PDComplexFileSpecification> node = queue.remove(queue.size() - 1);
            Map<String, PDComplexFileSpecification> files = node.getNames();
            if (files != null) {
                for (Map.Entry<String, PDComplexFileSpecification> f : files.entrySet()) {
                    attachment(f.getKey(), f.getValue(), out);
                }
            }
            if (node.getKids() != null) {
                queue.addAll(node.getKids());
            }
        }
    }

    private static void attachment(String key, PDComplexFileSpecification spec, DocumentCollector out) throws Exception {
        PDEmbeddedFile file = spec.getEmbeddedFileUnicode() != null ? spec.getEmbeddedFileUnicode() : spec.getEmbeddedFile();
        if (file == null) {
            return;
        }
        String name = spec.getFileUnicode() != null ? spec.getFileUnicode() : spec.getFilename();
        if (name == null || name.isBlank()) {
            name = key;
        }
        int size = file.getSize();
        if (size > out.context().limits().maxFileBytes()) {
            throw new ExtractionException(Reason.TOO_LARGE, "a file attached to the pdf is too large: cannot be checked");
        }
        NestedEntries.add(name, file.toByteArray(), out);
    }

    /** True when the page shows pictures or draws enough to hold text as shapes. */
    private static boolean drawsSomething(PDPage page) {
        try {
            if (hasImage(page.getResources(), 0)) {
                return true;
            }
            long length = 0;
            var streams = page.getContentStreams();
            while (streams.hasNext()) {
                PDStream s = streams.next();
                length += s.getCOSObject().getLong(COSName.LENGTH, 0);
            }
            return length > SUBSTANTIAL_CONTENT_BYTES;
        } catch (IOException | RuntimeException e) {
            return true; // unsure: let OCR look at it
        }
    }

    private static boolean hasImage(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > 5) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDImageXObject) {
                return true;
            }
            if (x instanceof PDFormXObject form && hasImage(form.getResources(), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    static int visibleChars(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** A PDF ends with "%%EOF" (up to 16 KB of trailing junk is tolerated); without it the file was cut. */
    static boolean hasEndMarker(byte[] b) {
        byte[] marker = "%%EOF".getBytes(StandardCharsets.US_ASCII);
        int from = Math.max(0, b.length - 16 * 1024);
        outer:
        for (int i = b.length - marker.length; i >= from; i--) {
            for (int j = 0; j < marker.length; j++) {
                if (b[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Captures the text of each page as PDFBox finishes it, and keeps to the deadline between pages. */
    private static final class PageTextStripper extends PDFTextStripper {
        private final ExtractionContext ctx;
        private final String[] pages;

        PageTextStripper(ExtractionContext ctx, int pageCount) {
            this.ctx = ctx;
            this.pages = new String[pageCount + 1];
        }

        String text(int page) {
            String t = page < pages.length ? pages[page] : null;
            return t == null ? "" : t;
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            ctx.checkTimeUnchecked();
            super.startPage(page);
        }

        /** Writes the page's lines as {@link PositionedLines} builds them from the glyphs' positions. */
        @Override
        protected void writePage() throws IOException {
            List<TextPosition> glyphs = new ArrayList<>();
            for (List<TextPosition> article : getCharactersByArticle()) {
                glyphs.addAll(article);
            }
            output.write(PositionedLines.text(glyphs));
        }

        @Override
        protected void endPage(PDPage page) throws IOException {
            super.endPage(page);
            output.flush();
            if (output instanceof StringWriter sw) {
                int n = getCurrentPageNo();
                if (n > 0 && n < pages.length) {
                    pages[n] = sw.toString();
                }
                sw.getBuffer().setLength(0);
            }
        }
    }
}
