package org.secrecyguard.engine.marking;

/**
 * Character classes the marking rules are written in, over normalised text (full-width folded,
 * traditional folded, ASCII lower case, horizontal whitespace removed).
 */
final class MarkingChars {
    /** Stars people type or fonts draw for the ★ of a marking; ※ counts because typists use it when ★ is missing. */
    private static final String REAL_STARS =
            "★☆✩✪✫✬✭✮✯✰⭐⋆*∗⁎✱✲✳✴✵✶✷✸✹✺✻✼✽❋※٭";
    /** What Tesseract (chi_sim) reads a printed ★ as. Only trusted next to a period or with header evidence. */
    private static final String STAR_LOOKALIKES = "大太犬女坟士土文火贪食丈夫天木米水术本x+友妇娘广妈";
    /** Junk at a line's edge: scanner borders, OCR specks, brackets typists put round a marking. */
    private static final String EDGE_NOISE = "|!'\"`.,;:_-~^[](){}/\\=#丨。、·【】〔〕〖〗—–";
    /** Specks OCR drops between the characters of one marking. */
    private static final String INNER_NOISE = ".,'`·-_:;|~^、。丨";
    private static final String CHINESE_NUMERALS = "〇零一二三四五六七八九十百两壹贰叁参肆伍陆柒捌玖拾半";
    /** Marks that make a level word a mention (book titles, quotations), never a marking. */
    private static final String MENTION_MARKS = "《》〈〉“”‘’「」『』";

    /** A marking line holds at least one of these (工作秘密, 绝密, 机密, 秘密, 内部). */
    private static final String LEVEL_INITIALS = "工绝机秘内";
    /** A 版头 clue line holds an (OCR) digit or one of these (特急/加急/特提, 密级, …文件, …号). */
    private static final String CLUE_CHARS = "急提级件号";

    /** Classes a line's chars are or-ed into ({@link DocumentLines#charClasses}), asked by LineFacts. */
    static final int LEVEL_INITIAL = 64;
    static final int CLUE = 128;
    private static final int REAL_STAR = 1;
    private static final int STAR_LOOKALIKE = 2;
    private static final int EDGE = 4;
    private static final int INNER = 8;
    private static final int NUMERAL = 16;
    private static final int MENTION = 32;
    /**
     * The classes of every char, one look-up instead of a search through the strings above: the parser
     * asks them of the edge chars of every short line, the line split of every char, and a self-check
     * meets millions of lines.
     */
    private static final byte[] CLASSES = classes();

    private MarkingChars() {
    }

    private static byte[] classes() {
        byte[] table = new byte[Character.MAX_VALUE + 1];
        mark(table, REAL_STARS, REAL_STAR);
        mark(table, STAR_LOOKALIKES, STAR_LOOKALIKE);
        mark(table, EDGE_NOISE, EDGE);
        mark(table, INNER_NOISE, INNER);
        mark(table, CHINESE_NUMERALS, NUMERAL);
        mark(table, MENTION_MARKS, MENTION);
        mark(table, LEVEL_INITIALS, LEVEL_INITIAL);
        mark(table, CLUE_CHARS, CLUE);
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (ocrDigit((char) c) >= 0) {
                table[c] |= (byte) CLUE;
            }
        }
        return table;
    }

    private static void mark(byte[] table, String chars, int bit) {
        for (int i = 0; i < chars.length(); i++) {
            table[chars.charAt(i)] |= (byte) bit;
        }
    }

    /** All classes of {@code c} as bits ({@link #LEVEL_INITIAL}, {@link #CLUE} and the private ones). */
    static int classesOf(char c) {
        return CLASSES[c] & 0xff;
    }

    static boolean isRealStar(char c) {
        return (CLASSES[c] & REAL_STAR) != 0;
    }

    static boolean isStarLookalike(char c) {
        return (CLASSES[c] & STAR_LOOKALIKE) != 0;
    }

    static boolean isEdgeNoise(char c) {
        return (CLASSES[c] & EDGE) != 0;
    }

    static boolean isInnerNoise(char c) {
        return (CLASSES[c] & INNER) != 0;
    }

    static boolean isChineseNumeral(char c) {
        return (CLASSES[c] & NUMERAL) != 0;
    }

    static boolean isMentionMark(char c) {
        return (CLASSES[c] & MENTION) != 0;
    }

    /** True for CJK unified ideographs (the basic block and extension A). */
    static boolean isIdeograph(char c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
    }

    /**
     * The value of a digit as OCR may print it: 0-9, and the letters it confuses with them
     * (o for 0; l, i, | and ] for 1). -1 for anything else.
     */
    static int ocrDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        switch (c) {
            case 'o':
                return 0;
            case 'l': case 'i': case '|': case ']':
                return 1;
            default:
                return -1;
        }
    }
}
