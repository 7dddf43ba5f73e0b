package org.secrecyguard.engine.text;

/**
 * Traditional → simplified for the characters of markings, periods and common official vocabulary.
 * Not a full converter: enough that 機密★壹年, 絕密, 祕密, 內部資料 注意保存 and typical document
 * phrases normalise to the simplified forms the rules are written in.
 */
final class TraditionalChars {
    private static final String PAIRS =
            "機机絕绝祕秘個个內内資资料料級级檔档號号發发會会機机關关國国務务廳厅處处" +
            "縣县區区鄉乡鎮镇長长為为於于與与這这後后開开時时間间將将對对當当從从單单" +
            "應应屬属據据說说報报據据議议記记錄录員员書书項项實实體体點点請请讓让轉转" +
            "傳传閱阅經经濟济辦办證证題题標标準准執执標标護护衛卫軍军網网絡络電电話话" +
            "並并僅仅產产業业條条規规範范權权專专級级類类數数據据庫库歷历憶忆聯联擊击" +
            "啟启動动態态門门問问須须顯显頁页圖图樣样頭头觀观點点預预備备選选舉举" +
            // periods and conditions of markings: 兩年, 陸個月, 公開發佈前, 啓用前; 絶 is the Japanese form of 絕
            "兩两陸陆貳贰參参萬万億亿佈布啓启絶绝還还無无週周歲岁計计劃划檢检嚴严讀读寫写簽签製制緊紧";

    private TraditionalChars() {
    }

    static void apply(char[] table) {
        for (int i = 0; i + 1 < PAIRS.length(); i += 2) {
            table[PAIRS.charAt(i)] = PAIRS.charAt(i + 1);
        }
    }
}
