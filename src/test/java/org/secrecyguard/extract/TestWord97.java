package org.secrecyguard.extract;

import static org.secrecyguard.extract.Markings.CELL_MARK;
import static org.secrecyguard.extract.Markings.COMMENT_MARK;
import static org.secrecyguard.extract.Markings.FOOTER_MARK;
import static org.secrecyguard.extract.Markings.FOOTNOTE_MARK;
import static org.secrecyguard.extract.Markings.HEADER_MARK;
import static org.secrecyguard.extract.Markings.HEAD_LINES;
import static org.secrecyguard.extract.Markings.TEXT_BOX_MARK;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.poi.hwpf.model.types.DOPAbstractType;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Writes a minimal Word 97-2003 binary document ([MS-DOC]) by hand, because POI's HWPF cannot create
 * one from nothing and no office suite is installed here. The file holds what a reader must handle:
 * the GB/T 9704 head lines, a two-by-two table, a header and a footer (plcfHdd stories), a footnote,
 * a comment and a text box (their sub-documents), as one Unicode text piece with default character
 * formatting. Only the structures HWPF reads are written: FIB, piece table, character and paragraph
 * bin tables with one formatted disk page each, section table, empty style sheet and font table, DOP.
 */
final class TestWord97 {
    private static final int TEXT_FC = 1024;
    private static final int PAGE = 512;

    private TestWord97() {
    }

    /** The document; Kingsoft WPS writes the same format under the .wps extension. */
    static byte[] doc() {
        StringBuilder main = new StringBuilder();
        for (String line : HEAD_LINES) {
            main.append(line).append('\r');
        }
        main.append("见脚注");
        int footnoteRef = main.length();
        main.append('\u0002').append('\r');
        int tableStart = main.length();
        main.append("项目\u0007金额\u0007\u0007");
        main.append(CELL_MARK).append("\u0007100\u0007\u0007");
        main.append("正文结束\r");
        String footnotes = "\u0002 " + FOOTNOTE_MARK + "\r";
        String header = HEADER_MARK + "\r";
        String footer = FOOTER_MARK + "\r";
        String headers = header + footer + "\r";
        String comments = "\u0005" + COMMENT_MARK + "\r";
        String textBoxes = TEXT_BOX_MARK + "\r\r";
        String all = main + footnotes + headers + comments + textBoxes + "\r";

        // Paragraph boundaries and which properties each paragraph gets.
        int paragraphs = 0;
        int[] ends = new int[64];
        int[] kinds = new int[64]; // 0 plain, 1 in a table cell, 2 table row end
        int cellsInRow = 0;
        for (int i = 0; i < all.length(); i++) {
            char c = all.charAt(i);
            if (c != '\r' && c != '\u0007') {
                continue;
            }
            ends[paragraphs] = i + 1;
            boolean inTable = i >= tableStart && i < main.length() && c == '\u0007';
            if (inTable) {
                kinds[paragraphs] = cellsInRow == 2 ? 2 : 1;
                cellsInRow = cellsInRow == 2 ? 0 : cellsInRow + 1;
            }
            paragraphs++;
        }

        byte[] text = all.getBytes(StandardCharsets.UTF_16LE);
        int fcEnd = TEXT_FC + text.length;
        int chpxPage = (fcEnd + PAGE - 1) / PAGE;
        int papxPage = chpxPage + 1;
        ByteBuffer word = le(ByteBuffer.allocate((papxPage + 1) * PAGE));
        word.position(TEXT_FC);
        word.put(text);
        writeChpxPage(word, chpxPage * PAGE, fcEnd);
        writePapxPage(word, papxPage * PAGE, paragraphs, ends, kinds);

        ByteBuffer table = le(ByteBuffer.allocate(4096));
        int stsh = table.position();
        table.putShort((short) 18).putShort((short) 0).putShort((short) 10);
        table.position(stsh + 20);
        int clx = table.position();
        table.put((byte) 2).putInt(16).putInt(0).putInt(all.length());
        table.putShort((short) 0).putInt(TEXT_FC).putShort((short) 0);
        int bteChpx = table.position();
        table.putInt(TEXT_FC).putInt(fcEnd).putInt(chpxPage);
        int btePapx = table.position();
        table.putInt(TEXT_FC).putInt(fcEnd).putInt(papxPage);
        int sed = table.position();
        table.putInt(0).putInt(main.length()).putShort((short) 0).putInt(0xFFFFFFFF).putShort((short) 0).putInt(0);
        int hdd = table.position();
        // 6 note separator stories, then per section: even header, odd header, even footer, odd footer,
        // first header, first footer; then the end.
        int h = header.length();
        int f = footer.length();
        int[] hddCps = {0, 0, 0, 0, 0, 0, 0, 0, h, h, h + f, h + f, h + f, h + f + 1};
        for (int cp : hddCps) {
            table.putInt(cp);
        }
        int fndRef = table.position();
        table.putInt(footnoteRef).putInt(main.length()).putShort((short) 1);
        int fndTxt = table.position();
        table.putInt(0).putInt(footnotes.length());
        int ffn = table.position();
        table.putInt(0);
        int dop = table.position();
        table.position(dop + DOPAbstractType.getSize());
        int tableLength = table.position();

        // FIB: base, 14 shorts, 22 longs, 93 fc/lcb pairs.
        word.position(0);
        word.putShort((short) 0xA5EC).putShort((short) 0x00C1).putShort((short) 0).putShort((short) 0x0804);
        word.putShort((short) 0).putShort((short) 0x1200).putShort((short) 0x00BF).putInt(0);
        word.position(32);
        word.putShort((short) 14);
        word.position(62);
        word.putShort((short) 22);
        word.putInt(64, word.capacity()); // cbMac
        word.putInt(76, main.length()); // ccpText
        word.putInt(80, footnotes.length()); // ccpFtn
        word.putInt(84, headers.length()); // ccpHdd
        word.putInt(92, comments.length()); // ccpAtn
        word.putInt(100, textBoxes.length()); // ccpTxbx
        word.putShort(152, (short) 0x5D);
        fcLcb(word, 1, stsh, 20);
        fcLcb(word, 2, fndRef, 10);
        fcLcb(word, 3, fndTxt, 8);
        fcLcb(word, 6, sed, 20);
        fcLcb(word, 11, hdd, hddCps.length * 4);
        fcLcb(word, 12, bteChpx, 12);
        fcLcb(word, 13, btePapx, 12);
        fcLcb(word, 15, ffn, 4);
        fcLcb(word, 31, dop, DOPAbstractType.getSize());
        fcLcb(word, 33, clx, 21);

        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new java.io.ByteArrayInputStream(word.array()), "WordDocument");
            fs.createDocument(new java.io.ByteArrayInputStream(java.util.Arrays.copyOf(table.array(), tableLength)), "1Table");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteBuffer le(ByteBuffer b) {
        return b.order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void fcLcb(ByteBuffer fib, int index, int fc, int lcb) {
        fib.putInt(154 + index * 8, fc);
        fib.putInt(158 + index * 8, lcb);
    }

    /** One character run over the whole text with default formatting. */
    private static void writeChpxPage(ByteBuffer b, int at, int fcEnd) {
        b.putInt(at, TEXT_FC);
        b.putInt(at + 4, fcEnd);
        b.put(at + 8, (byte) 0);
        b.put(at + 511, (byte) 1);
    }

    /** One paragraph entry per paragraph; table cells and row ends get their table properties. */
    private static void writePapxPage(ByteBuffer b, int at, int count, int[] ends, int[] kinds) {
        byte[] plain = grpprl(new byte[0]);
        byte[] cell = grpprl(cat(sprm1(0x2416, 1), sprm4(0x6649, 1)));
        byte[] rowEnd = grpprl(cat(sprm1(0x2416, 1), sprm4(0x6649, 1), sprm1(0x2417, 1), defTable(2)));
        // Property blocks sit at the end of the page, after the offset and BX arrays, word-aligned.
        int plainAt = (510 - plain.length - cell.length - rowEnd.length) & ~1;
        int cellAt = plainAt + plain.length;
        int rowEndAt = cellAt + cell.length;
        if (plainAt < (count + 1) * 4 + count * 13) {
            throw new IllegalStateException("too many paragraphs for one formatted disk page");
        }
        b.position(at + plainAt);
        b.put(plain);
        b.position(at + cellAt);
        b.put(cell);
        b.position(at + rowEndAt);
        b.put(rowEnd);
        int bxStart = (count + 1) * 4;
        b.putInt(at, TEXT_FC);
        for (int i = 0; i < count; i++) {
            b.putInt(at + (i + 1) * 4, TEXT_FC + ends[i] * 2);
            int papx = kinds[i] == 0 ? plainAt : kinds[i] == 1 ? cellAt : rowEndAt;
            b.put(at + bxStart + i * 13, (byte) (papx / 2));
        }
        b.put(at + 511, (byte) count);
    }

    /** PapxInFkp: cb = 0, cb' = length in words, then istd 0 and the properties. */
    private static byte[] grpprl(byte[] sprms) {
        int length = 2 + sprms.length;
        int words = (length + 1) / 2;
        byte[] out = new byte[2 + words * 2];
        out[0] = 0;
        out[1] = (byte) words;
        System.arraycopy(sprms, 0, out, 4, sprms.length);
        return out;
    }

    private static byte[] sprm1(int op, int value) {
        return new byte[] {(byte) op, (byte) (op >> 8), (byte) value};
    }

    private static byte[] sprm4(int op, int value) {
        return new byte[] {(byte) op, (byte) (op >> 8), (byte) value, (byte) (value >> 8), (byte) (value >> 16),
                (byte) (value >> 24)};
    }

    /** sprmTDefTable: cell count, cell edges, one default cell descriptor (TC80, 20 bytes) per cell. */
    private static byte[] defTable(int cells) {
        int payload = 1 + (cells + 1) * 2 + cells * 20;
        ByteBuffer b = le(ByteBuffer.allocate(4 + payload));
        b.putShort((short) 0xD608).putShort((short) (payload + 1)).put((byte) cells);
        for (int i = 0; i <= cells; i++) {
            b.putShort((short) (i * 2000));
        }
        return b.array();
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
