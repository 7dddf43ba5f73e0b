package org.secrecyguard.extract;

import static org.secrecyguard.extract.Markings.CELL_MARK;
import static org.secrecyguard.extract.Markings.COMMENT_MARK;
import static org.secrecyguard.extract.Markings.FIRST_LINE_MARK;
import static org.secrecyguard.extract.Markings.FOOTER_MARK;
import static org.secrecyguard.extract.Markings.FOOTNOTE_MARK;
import static org.secrecyguard.extract.Markings.HEADER_MARK;
import static org.secrecyguard.extract.Markings.HEAD_LINES;
import static org.secrecyguard.extract.Markings.NOTES_MARK;
import static org.secrecyguard.extract.Markings.SPLIT_MARK;
import static org.secrecyguard.extract.Markings.TEXT_BOX_MARK;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Generates OpenDocument (odt, ods, odp) and OFD (GB/T 33190) test files: zips of hand-written XML. */
final class TestOpenDocuments {
    private static final String NS = " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
            + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
            + " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""
            + " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
            + " xmlns:presentation=\"urn:oasis:names:tc:opendocument:xmlns:presentation:1.0\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\"";

    private TestOpenDocuments() {
    }

    /** An odt with head lines, a split marking, a table, a text box, a footnote, a comment, header and footer. */
    static byte[] odt() {
        StringBuilder body = new StringBuilder();
        for (String line : HEAD_LINES) {
            body.append("<text:p>").append(line).append("</text:p>");
        }
        body.append("<text:p>");
        for (char c : SPLIT_MARK.toCharArray()) {
            body.append("<text:span text:style-name=\"T1\">").append(c).append("</text:span>");
        }
        body.append("</text:p>");
        body.append("<table:table table:name=\"表格1\"><table:table-column table:number-columns-repeated=\"2\"/>"
                + "<table:table-row><table:table-cell><text:p>项目</text:p></table:table-cell>"
                + "<table:table-cell><text:p>金额</text:p></table:table-cell></table:table-row>"
                + "<table:table-row><table:table-cell><text:p>" + CELL_MARK + "</text:p></table:table-cell>"
                + "<table:table-cell><text:p>100</text:p></table:table-cell></table:table-row></table:table>");
        body.append("<text:p>见脚注<text:note text:id=\"ftn1\" text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
                + "<text:note-body><text:p>" + FOOTNOTE_MARK + "</text:p></text:note-body></text:note>"
                + "<office:annotation><dc:creator>审核人</dc:creator><dc:date>2026-01-01T00:00:00</dc:date>"
                + "<text:p>" + COMMENT_MARK + "</text:p></office:annotation></text:p>");
        body.append("<text:p><draw:frame draw:name=\"文本框1\"><draw:text-box><text:p>" + TEXT_BOX_MARK
                + "</text:p></draw:text-box></draw:frame></text:p>");
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content" + NS
                + "><office:body><office:text>" + body + "</office:text></office:body></office:document-content>";
        String styles = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-styles" + NS
                + "><office:master-styles><style:master-page style:name=\"Standard\">"
                + "<style:header><text:p>" + HEADER_MARK + "</text:p></style:header>"
                + "<style:footer><text:p>" + FOOTER_MARK + "</text:p></style:footer>"
                + "</style:master-page></office:master-styles></office:document-styles>";
        return odf("application/vnd.oasis.opendocument.text", content, styles, false);
    }

    /** An ods with sheet "预算" whose B4 holds the cell mark; rows and columns use the repeat attributes. */
    static byte[] ods() {
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content" + NS
                + "><office:body><office:spreadsheet><table:table table:name=\"预算\">"
                + "<table:table-column table:number-columns-repeated=\"1024\"/>"
                + "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>" + HEAD_LINES[0]
                + "</text:p></table:table-cell><table:table-cell table:number-columns-repeated=\"1023\"/></table:table-row>"
                + "<table:table-row><table:table-cell><text:p>" + FIRST_LINE_MARK + "</text:p></table:table-cell></table:table-row>"
                + "<table:table-row table:number-rows-repeated=\"1\"><table:table-cell/></table:table-row>"
                + "<table:table-row><table:table-cell><text:p>合计</text:p></table:table-cell>"
                + "<table:table-cell><text:p>" + CELL_MARK + "</text:p></table:table-cell></table:table-row>"
                + "<table:table-row table:number-rows-repeated=\"1048570\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
                + "</table:table></office:spreadsheet></office:body></office:document-content>";
        return odf("application/vnd.oasis.opendocument.spreadsheet", content, null, false);
    }

    /** An odp: slide 1 with a title frame, a free text box and notes. */
    static byte[] odp() {
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content" + NS
                + "><office:body><office:presentation><draw:page draw:name=\"page1\">"
                + "<draw:frame presentation:class=\"title\"><draw:text-box><text:p>" + FIRST_LINE_MARK
                + "</text:p></draw:text-box></draw:frame>"
                + "<draw:frame><draw:text-box><text:p>" + TEXT_BOX_MARK + "</text:p></draw:text-box></draw:frame>"
                + "<presentation:notes><draw:frame presentation:class=\"notes\"><draw:text-box><text:p>" + NOTES_MARK
                + "</text:p></draw:text-box></draw:frame></presentation:notes>"
                + "</draw:page></office:presentation></office:body></office:document-content>";
        return odf("application/vnd.oasis.opendocument.presentation", content, null, false);
    }

    /** An odt whose manifest says its content is encrypted (password-protected in LibreOffice). */
    static byte[] odtEncrypted() {
        return odf("application/vnd.oasis.opendocument.text", "not xml: encrypted bytes", null, true);
    }

    private static byte[] odf(String mimetype, String content, String styles, boolean encrypted) {
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest"
                + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + mimetype + "\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">"
                + (encrypted ? "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\"/>" : "")
                + "</manifest:file-entry></manifest:manifest>";
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
                byte[] mt = mimetype.getBytes(StandardCharsets.US_ASCII);
                ZipEntry first = new ZipEntry("mimetype");
                first.setMethod(ZipEntry.STORED);
                first.setSize(mt.length);
                CRC32 crc = new CRC32();
                crc.update(mt);
                first.setCrc(crc.getValue());
                zip.putNextEntry(first);
                zip.write(mt);
                zip.closeEntry();
                put(zip, "META-INF/manifest.xml", manifest);
                put(zip, "content.xml", content);
                if (styles != null) {
                    put(zip, "styles.xml", styles);
                }
                zip.putNextEntry(new ZipEntry("Pictures/seal.png"));
                zip.write(TestDocuments.png("印章", 120, 60));
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /**
     * An OFD with one document of two pages and a template page. Page 1 writes the marking one character
     * per TextObject on the same baseline (as PDF-to-OFD converters do), then the title on a new line.
     */
    static byte[] ofd() {
        String ns = " xmlns:ofd=\"http://www.ofdspec.org/2016\"";
        String ofdXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD" + ns + " Version=\"1.0\" DocType=\"OFD\">"
                + "<ofd:DocBody><ofd:DocInfo><ofd:DocID>abc</ofd:DocID></ofd:DocInfo>"
                + "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>";
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document" + ns + ">"
                + "<ofd:CommonData><ofd:MaxUnitID>100</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                + "<ofd:TemplatePage ID=\"2\" BaseLoc=\"Tpls/Tpl_0/Content.xml\"/></ofd:CommonData>"
                + "<ofd:Pages><ofd:Page ID=\"3\" BaseLoc=\"Pages/Page_0/Content.xml\"/>"
                + "<ofd:Page ID=\"4\" BaseLoc=\"/Doc_0/Pages/Page_1/Content.xml\"/></ofd:Pages></ofd:Document>";
        StringBuilder page1 = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page" + ns + ">"
                + "<ofd:Template TemplateID=\"2\"/><ofd:Content><ofd:Layer ID=\"5\">");
        int id = 10;
        page1.append(textObject(id++, 25, 30, HEAD_LINES[0]));
        double x = 25;
        for (char c : FIRST_LINE_MARK.toCharArray()) {
            page1.append(textObject(id++, x, 40, String.valueOf(c)));
            x += 5;
        }
        page1.append(textObject(id++, 25, 60, Markings.TITLE));
        page1.append("</ofd:Layer></ofd:Content></ofd:Page>");
        String page2 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page" + ns + "><ofd:Content><ofd:Layer ID=\"50\">"
                + textObject(51, 25, 30, Markings.PROSE) + "</ofd:Layer></ofd:Content></ofd:Page>";
        String template = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page" + ns + "><ofd:Content><ofd:Layer ID=\"60\">"
                + textObject(61, 150, 10, HEADER_MARK) + "</ofd:Layer></ofd:Content></ofd:Page>";
        return TestDocuments.zip(TestDocuments.entries(
                "OFD.xml", ofdXml,
                "Doc_0/Document.xml", document,
                "Doc_0/Pages/Page_0/Content.xml", page1.toString(),
                "Doc_0/Pages/Page_1/Content.xml", page2,
                "Doc_0/Tpls/Tpl_0/Content.xml", template,
                "Doc_0/Res/image_80.png", TestDocuments.png("印章", 120, 60)));
    }

    private static String textObject(int id, double x, double y, String text) {
        return "<ofd:TextObject ID=\"" + id + "\" Boundary=\"" + x + " " + y + " 100 8\" Font=\"1\" Size=\"5\">"
                + "<ofd:TextCode X=\"0\" Y=\"5\">" + text + "</ofd:TextCode></ofd:TextObject>";
    }

}
