package org.secrecyguard.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.text.TextPosition;

/**
 * Builds the lines of a PDF page from where its glyphs stand, not from the order the exporter wrote
 * them. PDFBox's default order glues lines whose boxes overlap: the big 发文机关标志 of a red-header
 * document overlaps the 份号 and marking lines above it, so LibreOffice, WPS and Word exports came back
 * as "000123机密★1年…办公室文件", which no marking reader can take apart safely. Here a line is the
 * glyphs on one baseline (within a fraction of their size) and of a similar size; a jump in font size
 * or a wide horizontal gap on one baseline starts a new line, and a smaller gap becomes a space.
 */
final class PositionedLines {
    /** Glyphs whose baselines differ by less than this share of their size stand on one line. */
    private static final float SAME_BASELINE = 0.35f;
    /** Glyph sizes differing by more than this factor on one baseline belong to different lines. */
    private static final float SIZE_JUMP = 1.5f;
    /** A horizontal gap wider than this share of the font size is a space between words. */
    private static final float SPACE_GAP = 0.2f;
    /** A horizontal gap wider than this many font sizes separates two texts (columns, a right-aligned 份号). */
    private static final float BREAK_GAP = 3f;

    private PositionedLines() {
    }

    /** The page's text, one line per row of glyphs, rows from the top of the page down. */
    static String text(List<TextPosition> glyphs) {
        List<TextPosition> visible = new ArrayList<>(glyphs.size());
        for (TextPosition g : glyphs) {
            String u = g.getUnicode();
            if (u != null && !u.isBlank()) {
                visible.add(g);
            }
        }
        visible.sort(Comparator.comparingDouble(TextPosition::getYDirAdj).thenComparingDouble(TextPosition::getXDirAdj));
        List<List<TextPosition>> rows = new ArrayList<>();
        List<TextPosition> row = null;
        float baseline = 0;
        float rowSize = 0;
        for (TextPosition g : visible) {
            float size = size(g);
            boolean joins = row != null
                    && Math.abs(g.getYDirAdj() - baseline) <= SAME_BASELINE * Math.min(size, rowSize)
                    && Math.max(size, rowSize) <= SIZE_JUMP * Math.min(size, rowSize);
            if (!joins) {
                row = new ArrayList<>();
                rows.add(row);
                baseline = g.getYDirAdj();
                rowSize = size;
            }
            row.add(g);
        }
        StringBuilder out = new StringBuilder();
        for (List<TextPosition> r : rows) {
            r.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
            TextPosition previous = null;
            for (TextPosition g : r) {
                if (previous != null) {
                    float gap = g.getXDirAdj() - (previous.getXDirAdj() + previous.getWidthDirAdj());
                    float size = Math.max(size(g), size(previous));
                    if (gap > BREAK_GAP * size) {
                        out.append('\n');
                    } else if (gap > SPACE_GAP * size) {
                        out.append(' ');
                    }
                }
                out.append(g.getUnicode());
                previous = g;
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The glyph's size in points; some exporters set size 1 and scale by the matrix, hence the fallbacks. */
    private static float size(TextPosition g) {
        float pt = g.getFontSizeInPt();
        if (pt > 0.5f) {
            return pt;
        }
        float h = g.getHeightDir();
        return h > 0.5f ? h : 1f;
    }
}
