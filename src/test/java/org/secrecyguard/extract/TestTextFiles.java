package org.secrecyguard.extract;

import static org.secrecyguard.extract.Markings.CELL_MARK;
import static org.secrecyguard.extract.Markings.COMMENT_MARK;
import static org.secrecyguard.extract.Markings.FOOTER_MARK;
import static org.secrecyguard.extract.Markings.FOOTNOTE_MARK;
import static org.secrecyguard.extract.Markings.HEADER_MARK;
import static org.secrecyguard.extract.Markings.HEAD_LINES;
import static org.secrecyguard.extract.Markings.SPLIT_MARK;
import static org.secrecyguard.extract.Markings.TEXT_BOX_MARK;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Generates text-like test files: plain text in several encodings, HTML, RTF, Word 2003 XML. */
final class TestTextFiles {
    static final Charset GBK = Charset.forName("GBK");

    private TestTextFiles() {
    }

    static String headText() {
        return String.join("\n", HEAD_LINES) + "\n";
    }

    /** Text with a byte-order mark for UTF-8 and UTF-16, none for the others. */
    static byte[] text(String text, Charset charset, boolean bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            if (charset.equals(StandardCharsets.UTF_8)) {
                out.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
            } else if (charset.equals(StandardCharsets.UTF_16LE)) {
                out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe});
            } else if (charset.equals(StandardCharsets.UTF_16BE)) {
                out.writeBytes(new byte[] {(byte) 0xfe, (byte) 0xff});
            }
        }
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }

    /** An HTML page in GBK declaring gb2312 (as many government sites do), with a table and a title. */
    static byte[] htmlGbk() {
        StringBuilder body = new StringBuilder();
        for (String line : HEAD_LINES) {
            body.append("<p>").append(line).append("</p>\n");
        }
        String html = "<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                + "<title>" + Markings.TITLE + "</title><style>p{margin:0}</style><script>var x='机密';</script></head>\n<body>\n"
                + body
                + "<p><span>机</span><span>密</span><b>★3个月</b></p>\n"
                + "<table><tr><td>项目</td><td>金额</td></tr><tr><td>" + CELL_MARK + "</td><td>100</td></tr></table>\n"
                + "</body></html>";
        return html.getBytes(GBK);
    }

    /**
     * Chinese RTF as Word/WPS write it: \ansicpg936, a \fcharset134 font, GBK bytes as \'xx escapes (one
     * line with a literal trail byte), a Unicode-escape line, a header, footer, table, footnote, comment, text box.
     */
    static byte[] rtf() {
        StringBuilder r = new StringBuilder();
        r.append("{\\rtf1\\ansi\\ansicpg936\\deff0\\deflang1033\\deflangfe2052");
        r.append("{\\fonttbl{\\f0\\fnil\\fcharset134 ").append(hex("宋体")).append(";}{\\f1\\fswiss\\fcharset0 Arial;}}");
        r.append("{\\colortbl ;\\red255\\green0\\blue0;}");
        r.append("{\\*\\generator WPS Office;}");
        r.append("{\\info{\\title ").append(hex("标题")).append("}}");
        r.append("{\\header\\pard\\plain\\f0 ").append(hex(HEADER_MARK)).append("\\par}");
        r.append("{\\footer\\pard\\plain\\f0 ").append(hex(FOOTER_MARK)).append("\\par}");
        r.append("\\pard\\plain\\f0\\fs32 ");
        for (String line : HEAD_LINES) {
            r.append(hex(line)).append("\\par\n");
        }
        // Unicode escapes with a '?' fallback after each, as Word writes characters outside the code page.
        r.append("\\uc1");
        for (char c : SPLIT_MARK.toCharArray()) {
            if (c < 128) {
                r.append(c);
            } else {
                r.append("\\u").append((int) (short) c).append("?");
            }
        }
        r.append("\\par\n");
        r.append("\\trowd\\cellx2000\\cellx4000\\pard\\intbl ").append(hex("项目")).append("\\cell ")
                .append(hex("金额")).append("\\cell\\row\n");
        r.append("\\trowd\\cellx2000\\cellx4000\\pard\\intbl ").append(hex(CELL_MARK)).append("\\cell 100\\cell\\row\n");
        r.append("\\pard ").append(hex("见脚注")).append("{\\super\\chftn}{\\footnote\\pard\\plain\\f0 {\\super\\chftn} ")
                .append(hex(FOOTNOTE_MARK)).append("}\\par\n");
        r.append("{\\*\\atnid A}{\\*\\atnauthor ").append(hex("审核人")).append("}\\chatn{\\*\\annotation{\\*\\atnref 1}\\pard\\plain\\f0 ")
                .append(hex(COMMENT_MARK)).append("}\\par\n");
        r.append("{\\shp{\\*\\shpinst\\shpleft0\\shptop0\\shpright2000\\shpbottom600{\\sp{\\sn shapeType}{\\sv 202}}")
                .append("{\\shptxt\\pard\\plain\\f0 ").append(hex(TEXT_BOX_MARK)).append("\\par}}")
                .append("{\\shprslt{\\*\\do\\dobxcolumn{\\dptxbx{\\dptxbxtext\\pard ").append(hex(TEXT_BOX_MARK)).append("\\par}}}}}\n");
        r.append("{\\pict\\pngblip 89504e470d0a1a0a}\\par}");
        return r.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** GBK bytes as \'xx escapes; ASCII stays literal. */
    static String hex(String text) {
        StringBuilder sb = new StringBuilder();
        for (byte b : text.getBytes(GBK)) {
            int v = b & 0xff;
            if (v < 0x80 && v != '\\' && v != '{' && v != '}') {
                sb.append((char) v);
            } else {
                sb.append(String.format("\\'%02x", v));
            }
        }
        return sb.toString();
    }

    /** An RTF whose GBK characters are written as a \'xx lead byte followed by a literal trail byte. */
    static byte[] rtfLiteralTrailBytes(String text) {
        StringBuilder sb = new StringBuilder("{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0\\fcharset134 SimSun;}}\\f0 ");
        for (byte b : text.getBytes(GBK)) {
            int v = b & 0xff;
            // Trail bytes in the ASCII range (0x40-0x7e) appear literally in RTF written by some tools.
            if (v >= 0x40 && v <= 0x7e && v != '\\' && v != '{' && v != '}') {
                sb.append((char) v);
            } else {
                sb.append(String.format("\\'%02x", v));
            }
        }
        sb.append("\\par}");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Word 2003 XML: body, a header, a footnote and a marking split over runs. */
    static byte[] wordXml2003() {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<?mso-application progid=\"Word.Document\"?>\n"
                + "<w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\"><w:body>");
        x.append("<w:p><w:r><w:t>").append(HEAD_LINES[0]).append("</w:t></w:r></w:p>");
        x.append("<w:p>");
        for (char c : Markings.FIRST_LINE_MARK.toCharArray()) {
            x.append("<w:r><w:t>").append(c).append("</w:t></w:r>");
        }
        x.append("</w:p>");
        x.append("<w:p><w:r><w:t>见脚注</w:t></w:r><w:r><w:footnote><w:p><w:r><w:t>").append(FOOTNOTE_MARK)
                .append("</w:t></w:r></w:p></w:footnote></w:r></w:p>");
        x.append("<w:sectPr><w:hdr w:type=\"odd\"><w:p><w:r><w:t>").append(HEADER_MARK)
                .append("</w:t></w:r></w:p></w:hdr></w:sectPr>");
        x.append("</w:body></w:wordDocument>");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }
}
