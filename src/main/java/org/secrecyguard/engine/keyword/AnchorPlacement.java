package org.secrecyguard.engine.keyword;

/**
 * Where in a term its anchor (the chars its prefilter covers) goes: at the window whose chars are least
 * common in ordinary Chinese text, so that the anchor seldom occurs outside the term. Only speed depends
 * on this (every occurrence of an anchor costs an HMAC); what matches does not.
 *
 * <p>Why it matters: a term such as 中国人民解放军某部行动 anchored on its first four chars would be
 * confirmed at every 中国人民 of a document. Scored by the frequency rank of its chars (the 500 most
 * frequent characters of modern Chinese, most frequent first; rarer ones count as rarer still), the
 * window with the rarest chars wins, the earliest on a tie. Digits count as common (dates and numbers
 * are everywhere in official documents), Latin letters as fairly common.
 */
final class AnchorPlacement {
    /** The 500 most frequent characters of modern Chinese, most frequent first (a widely published list). */
    private static final String COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";
    /** Score of a char outside the list: below every listed char. */
    private static final int RARE = -16;
    private static final int[] SCORE = buildScores();

    private AnchorPlacement() {
    }

    /** Offset of the anchor of {@code window} chars in the key-form term; 0 when the term is no longer. */
    static int offset(String keyForm, int window) {
        int best = 0;
        int bestScore = Integer.MAX_VALUE;
        for (int o = 0; o + window <= keyForm.length(); o++) {
            int score = 0;
            for (int i = o; i < o + window; i++) {
                score += score(keyForm.charAt(i));
            }
            if (score < bestScore) {
                bestScore = score;
                best = o;
            }
        }
        return best;
    }

    /** About 8·log2 of how much more frequent than the 500th char {@code c} is. */
    static int score(char c) {
        if (c >= '0' && c <= '9') {
            return SCORE['的'] / 2;
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            return SCORE['的'] / 4;
        }
        return SCORE[c];
    }

    private static int[] buildScores() {
        int[] scores = new int[Character.MAX_VALUE + 1];
        java.util.Arrays.fill(scores, RARE);
        for (int rank = 0; rank < COMMON.length(); rank++) {
            double ratio = (COMMON.length() + 1.0) / (rank + 1.0);
            scores[COMMON.charAt(rank)] = (int) Math.round(8 * Math.log(ratio) / Math.log(2));
        }
        return scores;
    }
}
