package org.secrecyguard.engine.marking;

import org.secrecyguard.engine.Level;

/**
 * One marking as parsed from a line or a token, before the detector weighs it against its
 * surroundings.
 *
 * @param level      the level it states
 * @param form       its shape, which sets how much it proves on its own
 * @param canonical  the marking normalised for evidence: "机密★1年", "秘密", "内部资料 注意保存"
 * @param spaced     the level's characters were apart in the source ("秘　密", "机 密")
 * @param lookalike  an OCR look-alike stood for the star ("机密女1年")
 * @param copyNumber a 6-digit 份号 stood before it on the same line
 * @param urgency    特急/加急 followed it on the same line
 * @param labelled   "密级：" stood before it
 * @param end        index in the normalised text just after the marking
 */
record Marking(Level level, Form form, String canonical, boolean spaced, boolean lookalike,
               boolean copyNumber, boolean urgency, boolean labelled, int end) {

    /** Shapes of a marking, from those that prove themselves to those that need support. */
    enum Form {
        /** Level, a real star (★☆✩*※…), maybe a period: "机密★1年", "绝密★启用前", "内部★". */
        STAR,
        /** Level and a definite period with the star dropped or misread: "机密1年", "机密女1年". */
        PERIOD,
        /** 内部/工作秘密 with a keeping phrase: "内部资料 注意保存", "内部事项 注意保管". */
        PHRASE,
        /** 内部 with a kind of material: "内部资料", "内部文件". */
        NOUN,
        /** Level and a condition with no real star: "秘密公开发布前". */
        CONDITION,
        /** Level and a star look-alike, no period: "机密士", "机密大". */
        LOOKALIKE,
        /** The level word alone: "机密", "秘　密", "内部", "工作秘密". */
        BARE
    }

    /**
     * What the marking proves on its own, on the detector's scale (3 = flag): a star or a definite
     * period proves it; 秘密 alone is a common word and proves least.
     */
    int baseScore() {
        if (labelled) {
            return 3;
        }
        switch (form) {
            case STAR: case PERIOD: case PHRASE:
                return 3;
            case NOUN:
                return 2;
            case BARE:
                return level == Level.CONFIDENTIAL ? 1 : 2;
            default:
                return 1;
        }
    }

    Marking withContext(boolean copy, boolean urgent, boolean label) {
        return new Marking(level, form, canonical, spaced, lookalike, copy, urgent, label, end);
    }
}
