package org.secrecyguard.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Decides a file's format from its bytes, never from its name (a .docx may be a PDF, a .doc is often
 * RTF or HTML). The name only picks the label for look-alike families (.wps/.et/.dps are Kingsoft's
 * names for Word/Excel/PowerPoint binaries). Containers are looked into: zip entry names and the OOXML
 * content types, OLE2 root entries.
 */
final class FormatSniffer {
    private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1};

    private FormatSniffer() {
    }

    /** Throws BOMB only for a zip announcing more than {@code maxZipEntries} entries. */
    static Sniffed sniff(String name, byte[] b, int maxZipEntries) throws ExtractionException {
        String ext = extension(name);
        if (startsWith(b, 0, OLE2)) {
            return sniffOle2(b, ext);
        }
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && (b[2] == 3 || b[2] == 5 || b[2] == 7) ) {
            return sniffZip(b, ext, maxZipEntries);
        }
        if (indexOf(b, "%PDF-".getBytes(StandardCharsets.US_ASCII), 1024) >= 0) {
            return new Sniffed(Format.PDF, "pdf");
        }
        if (MetafileText.isMetafile(b)) {
            // "image/…" like raster pictures: a metafile that is only a pasted scan is a picture file
            return new Sniffed(Format.METAFILE, "image/" + ImageTypes.describe(b));
        }
        if (CompressedMetafile.isCompressedMetafile(b)) {
            return new Sniffed(Format.METAFILE, CompressedMetafile.label(b));
        }
        String image = ImageTypes.rasterType(b);
        if (image != null) {
            return new Sniffed(Format.IMAGE, image);
        }
        if (looksLikeText(b)) {
            if (looksLikeMail(b)) {
                return new Sniffed(Format.EML, "eml");
            }
            return sniffText(b);
        }
        return new Sniffed(Format.UNSUPPORTED, tikaType(b));
    }

    private static Sniffed sniffOle2(byte[] b, String ext) {
        Set<String> names = new HashSet<>();
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(b))) {
            for (Entry e : fs.getRoot()) {
                names.add(e.getName());
            }
        } catch (IOException | RuntimeException e) {
            return new Sniffed(Format.UNSUPPORTED, "damaged OLE2 file");
        }
        if (names.contains("EncryptionInfo") || names.contains("EncryptedPackage")) {
            return new Sniffed(Format.ENCRYPTED_OOXML, "encrypted " + (ext.isEmpty() ? "office file" : ext));
        }
        if (names.contains("WordDocument")) {
            return new Sniffed(Format.DOC, ext.equals("wps") || ext.equals("wpt") ? "wps" : "doc");
        }
        if (names.contains("Workbook") || names.contains("WORKBOOK")) {
            return new Sniffed(Format.XLS, ext.equals("et") || ext.equals("ett") ? "et" : "xls");
        }
        if (names.contains("Book")) {
            return new Sniffed(Format.OLD_XLS, "xls");
        }
        if (names.contains("PowerPoint Document")) {
            return new Sniffed(Format.PPT, ext.equals("dps") || ext.equals("dpt") ? "dps" : "ppt");
        }
        for (String n : names) {
            if (n.startsWith("__substg1.0_")) {
                return new Sniffed(Format.MSG, "msg");
            }
        }
        if (names.contains("VisioDocument")) {
            return new Sniffed(Format.UNSUPPORTED, "Visio drawing (vsd)");
        }
        if (names.contains("Quill")) {
            return new Sniffed(Format.UNSUPPORTED, "Publisher file (pub)");
        }
        return new Sniffed(Format.UNSUPPORTED, "OLE2 compound file");
    }

    private static Sniffed sniffZip(byte[] b, String ext, int maxZipEntries) throws ExtractionException {
        try (ZipArchive zip = ZipArchive.open(b, maxZipEntries)) {
            return classifyZip(zip, ext);
        } catch (IOException | RuntimeException e) {
            return new Sniffed(Format.BROKEN_ZIP, guessFromLocalHeaders(b, ext));
        }
    }

    private static Sniffed classifyZip(ZipArchive zip, String ext) {
        ZipArchive.Entry types = zip.find("[Content_Types].xml");
        if (types != null && types.size() < 10L * 1024 * 1024) {
            String ct = readSmall(zip, types);
            if (ct.contains("wordprocessingml.document.main") || ct.contains("wordprocessingml.template.main")
                    || ct.contains("ms-word.document.macroEnabled.main") || ct.contains("ms-word.template.macroEnabledTemplate.main")) {
                return new Sniffed(Format.DOCX, "docx");
            }
            if (ct.contains("ms-excel.sheet.binary")) {
                return new Sniffed(Format.XLSB, "xlsb");
            }
            if (ct.contains("spreadsheetml.sheet.main") || ct.contains("spreadsheetml.template.main")
                    || ct.contains("ms-excel.sheet.macroEnabled.main") || ct.contains("ms-excel.template.macroEnabled.main")) {
                return new Sniffed(Format.XLSX, "xlsx");
            }
            if (ct.contains("presentationml.presentation.main") || ct.contains("presentationml.slideshow.main")
                    || ct.contains("presentationml.template.main") || ct.contains("ms-powerpoint.presentation.macroEnabled.main")
                    || ct.contains("ms-powerpoint.slideshow.macroEnabled.main")) {
                return new Sniffed(Format.PPTX, "pptx");
            }
        }
        ZipArchive.Entry mimetype = zip.find("mimetype");
        if (mimetype != null && mimetype.size() < 200) {
            String mt = readSmall(zip, mimetype).trim();
            if (mt.startsWith("application/vnd.oasis.opendocument.")) {
                return new Sniffed(Format.ODF, odfLabel(mt));
            }
        }
        if (zip.find("content.xml") != null && zip.find("META-INF/manifest.xml") != null) {
            return new Sniffed(Format.ODF, "odt");
        }
        for (ZipArchive.Entry e : zip.entries()) {
            if (e.name().equalsIgnoreCase("OFD.xml")) {
                return new Sniffed(Format.OFD, "ofd");
            }
        }
        return new Sniffed(Format.ZIP, "zip");
    }

    static String odfLabel(String mimetype) {
        String kind = mimetype.substring("application/vnd.oasis.opendocument.".length());
        if (kind.startsWith("text")) {
            return "odt";
        }
        if (kind.startsWith("spreadsheet")) {
            return "ods";
        }
        if (kind.startsWith("presentation")) {
            return "odp";
        }
        if (kind.startsWith("graphics")) {
            return "odg";
        }
        return "odf";
    }

    private static String readSmall(ZipArchive zip, ZipArchive.Entry e) {
        try {
            byte[] bytes = zip.read(e, 10L * 1024 * 1024, ZipArchive.NO_RATIO_LIMIT, null);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException | ExtractionException | RuntimeException ex) {
            return "";
        }
    }

    /** For a damaged zip: the format its first local entries suggest, for a useful error message. */
    private static String guessFromLocalHeaders(byte[] b, String ext) {
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(b))) {
            for (int i = 0; i < 50; i++) {
                ZipArchiveEntry e = in.getNextEntry();
                if (e == null) {
                    break;
                }
                String n = e.getName();
                if (n.startsWith("word/")) {
                    return "docx";
                }
                if (n.startsWith("xl/")) {
                    return isXlsbPart(n) ? "xlsb" : "xlsx";
                }
                if (n.startsWith("ppt/")) {
                    return "pptx";
                }
                if (n.equals("mimetype") || n.equals("content.xml")) {
                    return ext.startsWith("od") ? ext : "odf";
                }
                if (n.equalsIgnoreCase("OFD.xml")) {
                    return "ofd";
                }
            }
        } catch (IOException | RuntimeException e) {
            // Fall through to the extension: it is only used to word the message.
        }
        return switch (ext) {
            case "docx", "xlsx", "xlsb", "pptx", "odt", "ods", "odp", "ofd" -> ext;
            default -> "zip";
        };
    }

    /** Parts only an xlsb has: the binary workbook, its relationships, binary sheets. */
    private static boolean isXlsbPart(String n) {
        return n.equals("xl/workbook.bin") || n.equals("xl/_rels/workbook.bin.rels")
                || n.startsWith("xl/worksheets/") && n.endsWith(".bin");
    }

    private static final java.util.Set<String> MAIL_FIELDS = java.util.Set.of(
            "from", "to", "cc", "subject", "date", "message-id", "mime-version", "received", "return-path");

    /**
     * True when the text opens with a header block (until the first empty line, within 64 KB) made only
     * of "Name: value" fields and their folded continuations, among them at least two fields of mail
     * (From, To, Subject, Date, Message-ID, MIME-Version, Received…). A note that starts with "主题：" or
     * has an unheaderlike line among its first lines stays text.
     */
    static boolean looksLikeMail(byte[] b) {
        int n = Math.min(b.length, 64 * 1024);
        int known = 0;
        int lines = 0;
        // Line by line from the start: the verdict comes at the first empty or unheaderlike line, so the
        // rest of the 64 KB is never looked at (splitting it all was a tenth of a plain-text check).
        for (int from = 0; from <= n; ) {
            int eol = from;
            while (eol < n && b[eol] != '\n') {
                eol++;
            }
            int end = eol > from && b[eol - 1] == '\r' ? eol - 1 : eol;
            String line = new String(b, from, end - from, StandardCharsets.ISO_8859_1);
            from = eol + 1;
            if (line.isEmpty()) {
                return lines > 0 && known >= 2;
            }
            lines++;
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (lines == 1) {
                    return false;
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                return false;
            }
            for (int i = 0; i < colon; i++) {
                char c = line.charAt(i);
                if (c <= ' ' || c > '~') {
                    return false;
                }
            }
            if (MAIL_FIELDS.contains(line.substring(0, colon).toLowerCase(Locale.ROOT))) {
                known++;
            }
        }
        return false;
    }

    private static Sniffed sniffText(byte[] b) {
        // Every format below opens with '<' or {\rtf: the first 512 bytes tell most text files apart
        // (8 KB decoded for every file was a tenth of a self-check's reading).
        String first = TextDecoder.decode(b, 0, TextDecoder.headLength(b, 512)).text().stripLeading();
        if (!first.isEmpty() && first.charAt(0) != '<' && first.charAt(0) != '{') {
            return new Sniffed(Format.TEXT, "txt");
        }
        String head = TextDecoder.decode(b, 0, TextDecoder.headLength(b, 8192)).text();
        String stripped = head.stripLeading();
        if (stripped.isEmpty() || stripped.charAt(0) != '<' && stripped.charAt(0) != '{') {
            return new Sniffed(Format.TEXT, "txt");
        }
        String start = stripped.toLowerCase(Locale.ROOT);
        if (start.startsWith("{\\rtf")) {
            return new Sniffed(Format.RTF, "rtf");
        }
        if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head")
                || start.startsWith("<body") || start.startsWith("<meta") || start.startsWith("<table")
                || start.startsWith("<div") || start.startsWith("<p>") || start.startsWith("<p ")
                || (start.startsWith("<") && start.contains("<html"))) {
            if (start.contains("schemas.microsoft.com/office/word/2003/wordml")) {
                return new Sniffed(Format.WORD_XML, "xml");
            }
            return new Sniffed(Format.HTML, "html");
        }
        if (start.startsWith("<?xml") || start.startsWith("<")) {
            if (start.contains("schemas.microsoft.com/office/word/2003/wordml")
                    || start.contains("schemas.openxmlformats.org/wordprocessingml/2006/main")) {
                return new Sniffed(Format.WORD_XML, "xml");
            }
            return new Sniffed(Format.XML, "xml");
        }
        return new Sniffed(Format.TEXT, "txt");
    }

    /**
     * Text has no zero bytes (unless UTF-16) and hardly any other control characters; the check looks at
     * the first 8 KB.
     */
    static boolean looksLikeText(byte[] b) {
        int n = Math.min(b.length, 8192);
        if (n == 0) {
            return true;
        }
        if (TextDecoder.bomCharset(b, 0, n) != null) {
            return true;
        }
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == 0) {
                // only text with zero bytes can be UTF-16 without a byte-order mark: test it here
                return TextDecoder.utf16WithoutBom(b, 0, n) != null;
            }
            if (c < 0x09 || (c > 0x0d && c < 0x20 && c != 0x1b) || c == 0x7f) {
                controls++;
            }
        }
        return controls <= n / 100;
    }

    private static volatile MimeTypes mimeTypes;

    /** Tika's magic-based name for what we cannot read, so the message says "7z" rather than "binary". */
    private static String tikaType(byte[] b) {
        try {
            MimeTypes types = mimeTypes;
            if (types == null) {
                types = MimeTypes.getDefaultMimeTypes();
                mimeTypes = types;
            }
            MediaType type = types.detect(new ByteArrayInputStream(b, 0, Math.min(b.length, 64 * 1024)), new Metadata());
            return type == null || MediaType.OCTET_STREAM.equals(type) ? "unknown binary format" : type.toString();
        } catch (IOException | RuntimeException e) {
            return "unknown binary format";
        }
    }

    static String extension(String name) {
        if (name == null) {
            return "";
        }
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        int dot = name.lastIndexOf('.');
        return dot > slash && dot < name.length() - 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static boolean startsWith(byte[] b, int off, byte[] magic) {
        if (b.length < off + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (b[off + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, byte[] needle, int within) {
        int end = Math.min(b.length, within) - needle.length;
        outer:
        for (int i = 0; i <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
