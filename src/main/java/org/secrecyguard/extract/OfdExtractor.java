package org.secrecyguard.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.secrecyguard.engine.SegmentKind;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * OFD (GB/T 33190-2016), the Chinese fixed-layout format used for e-government documents. Read directly
 * as what it is, a zip of XML, rather than through a library: the OFD libraries on Maven Central (ofdrw)
 * pull in a large dependency tree for rendering and signatures, while text needs only the
 * {@code TextCode} elements. OFD.xml names the documents (DocRoot), Document.xml lists the pages in order
 * and the template pages; each page's Content.xml holds TextObjects. Text objects on the same baseline
 * are joined (converters often write one object per character) and a new baseline starts a new line.
 * Template pages (repeated on every page, like a header) become HEADER segments; pictures in the package
 * (scanned pages are pictures) go to OCR. Annotations and signature appearances are not read.
 */
final class OfdExtractor implements FormatExtractor {
    @Override
    public void extract(Input input, DocumentCollector out) throws Exception {
        ExtractionContext ctx = out.context();
        ExtractLimits limits = ctx.limits();
        try (ZipArchive zip = ZipArchive.open(input.bytes(), limits.maxZipEntries())) {
            zip.checkDeclared(limits.maxZipTotalBytes(), limits.maxCompressionRatio());
            Map<String, ZipArchive.Entry> byLowerName = new HashMap<>();
            for (ZipArchive.Entry e : zip.entries()) {
                byLowerName.putIfAbsent(e.name().toLowerCase(Locale.ROOT), e);
            }
            Package pkg = new Package(zip, byLowerName, ctx);
            ZipArchive.Entry root = pkg.entry("OFD.xml");
            if (root == null) {
                throw new ExtractionException(ExtractionException.Reason.CORRUPT, "corrupt ofd: no OFD.xml: cannot be read");
            }
            List<String> docRoots = elementTexts(pkg.read(root), "DocRoot", ctx);
            int page = 0;
            int templates = 0;
            boolean pagesCut = false;
            for (String docRoot : docRoots) {
                String docPath = resolve("", docRoot);
                ZipArchive.Entry docEntry = pkg.entry(docPath);
                if (docEntry == null) {
                    out.note("ofd document " + docPath + " missing");
                    continue;
                }
                DocumentXml doc = new DocumentXml(ctx);
                SecureXml.parse(pkg.read(docEntry), doc);
                String docDir = parent(docPath);
                for (String tpl : doc.templates) {
                    ZipArchive.Entry e = pkg.entry(resolve(docDir, tpl));
                    if (e != null) {
                        templates++;
                        out.add(pageText(pkg.read(e), ctx), SegmentKind.HEADER,
                                templates == 1 ? "page template" : "page template " + templates);
                    }
                }
                for (String loc : doc.pages) {
                    page++;
                    if (page > limits.maxPages()) {
                        pagesCut = true;
                        break;
                    }
                    ctx.checkTime();
                    ZipArchive.Entry e = pkg.entry(resolve(docDir, loc));
                    if (e == null) {
                        out.note("page " + page + " missing");
                        continue;
                    }
                    out.add(pageText(pkg.read(e), ctx), SegmentKind.BODY, "page " + page);
                }
            }
            if (pagesCut) {
                out.note("pages after page " + limits.maxPages() + " not read: limit");
            }
            int n = 0;
            for (ZipArchive.Entry e : zip.entries()) {
                if (e.directory() || e.name().toLowerCase(Locale.ROOT).endsWith(".xml")) {
                    continue;
                }
                String lower = e.name().toLowerCase(Locale.ROOT);
                if (lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".bmp")
                        || lower.endsWith(".gif") || lower.endsWith(".tif") || lower.endsWith(".tiff")
                        || lower.endsWith(".jb2") || lower.endsWith(".webp")) {
                    n++;
                    if (e.size() > limits.maxImageBytes()) {
                        out.imageTooLarge();
                        continue;
                    }
                    out.addImage("image " + n + " (" + e.name() + ")",
                            zip.read(e, limits.maxImageBytes(), limits.maxCompressionRatio(), ctx));
                }
            }
        }
    }

    /** Zip entries by path, matched case-insensitively because OFD producers differ in case. */
    private record Package(ZipArchive zip, Map<String, ZipArchive.Entry> byLowerName, ExtractionContext ctx) {
        ZipArchive.Entry entry(String path) {
            ZipArchive.Entry e = zip.find(path);
            return e != null ? e : byLowerName.get(path.toLowerCase(Locale.ROOT));
        }

        byte[] read(ZipArchive.Entry e) throws Exception {
            return zip.read(e, ctx.limits().maxFileBytes(), ctx.limits().maxCompressionRatio(), ctx);
        }
    }

    /** Resolves a BaseLoc: absolute ("/Doc_0/...") from the package root, else relative to {@code dir}. */
    static String resolve(String dir, String loc) {
        String path = loc.trim().replace('\\', '/');
        String joined = path.startsWith("/") ? path.substring(1) : (dir.isEmpty() ? path : dir + "/" + path);
        List<String> parts = new ArrayList<>();
        for (String p : joined.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static List<String> elementTexts(byte[] xml, String local, ExtractionContext ctx) throws Exception {
        List<String> found = new ArrayList<>();
        SecureXml.parse(xml, new DefaultHandler() {
            private StringBuilder text;

            @Override
            public void startElement(String uri, String l, String q, Attributes atts) {
                if (l.equals(local)) {
                    text = new StringBuilder();
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (text != null) {
                    text.append(ch, start, length);
                }
            }

            @Override
            public void endElement(String uri, String l, String q) {
                if (l.equals(local) && text != null) {
                    found.add(text.toString().trim());
                    text = null;
                }
            }
        });
        return found;
    }

    /** Document.xml: page and template page locations in order. */
    private static final class DocumentXml extends DefaultHandler {
        final List<String> pages = new ArrayList<>();
        final List<String> templates = new ArrayList<>();
        private final ExtractionContext ctx;
        private int elements;

        DocumentXml(ExtractionContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            if ((++elements & 0xFFF) == 0) {
                ctx.checkTimeUnchecked();
            }
            String loc = atts.getValue("BaseLoc");
            if (loc == null) {
                return;
            }
            if (local.equals("Page")) {
                pages.add(loc);
            } else if (local.equals("TemplatePage")) {
                templates.add(loc);
            }
        }
    }

    static String pageText(byte[] xml, ExtractionContext ctx) throws Exception {
        PageXml page = new PageXml(ctx);
        SecureXml.parse(xml, page);
        return page.text.toString();
    }

    /** A page's Content.xml: TextCode text joined along baselines. */
    private static final class PageXml extends DefaultHandler {
        final StringBuilder text = new StringBuilder();
        private final ExtractionContext ctx;
        private double objectY;
        private double lastY = Double.NaN;
        private double fontSize = 3;
        private boolean inCode;
        private int elements;

        PageXml(ExtractionContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            if ((++elements & 0xFFF) == 0) {
                ctx.checkTimeUnchecked();
            }
            if (local.equals("TextObject")) {
                objectY = boundaryY(atts.getValue("Boundary"));
                fontSize = number(atts.getValue("Size"), 3);
            } else if (local.equals("TextCode")) {
                double y = objectY + number(atts.getValue("Y"), 0);
                if (!Double.isNaN(lastY) && Math.abs(y - lastY) > Math.max(0.5, fontSize * 0.5)) {
                    text.append('\n');
                }
                lastY = y;
                inCode = true;
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if (local.equals("TextCode")) {
                inCode = false;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inCode) {
                text.append(ch, start, length);
            }
        }

        private static double boundaryY(String boundary) {
            if (boundary == null) {
                return 0;
            }
            String[] parts = boundary.trim().split("\\s+");
            return parts.length >= 2 ? number(parts[1], 0) : 0;
        }

        private static double number(String s, double fallback) {
            if (s == null) {
                return fallback;
            }
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }
}
