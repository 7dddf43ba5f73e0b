package org.secrecyguard.engine.keyword;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Generates official-document-like Chinese prose and candidate terms for the keyword tests. */
final class OfficialProse {
    private static final String[] SUBJECTS = {
        "各级党委和政府", "县委办公室", "各乡镇人民政府", "市直各有关单位", "区财政局", "各街道办事处",
        "领导小组办公室", "本单位全体干部职工", "有关部门", "驻村工作队"};
    private static final String[] VERBS = {
        "要认真贯彻落实", "进一步加强", "切实做好", "统筹推进", "全面落实", "持续深化", "严格执行",
        "及时报送", "认真组织开展", "扎实推进"};
    private static final String[] OBJECTS = {
        "安全生产工作", "乡村振兴战略", "基层治理能力建设", "保密管理制度", "防汛抗旱准备",
        "重点项目建设", "营商环境优化", "档案整理归档", "信息化建设任务", "干部作风建设",
        "疫情防控措施", "年度考核工作", "财政预算执行", "网络安全检查"};
    private static final String[] TAILS = {
        "，确保取得实效。", "，形成工作合力。", "，按时报送有关材料。", "，不得敷衍塞责。",
        "，做到责任到人。", "，请各单位遵照执行。", "。", "，切实抓好整改落实。"};
    private static final String CODE_CHARS = "东西南北青湖山河星海龙凤金银长红光明华新安平兴盛云江岭峰";
    private static final String[] CODE_SUFFIXES = {
        "", "基地", "工程", "行动", "计划", "专项", "一号", "二期", "试验区", "指挥所", "数据中心", "联合演练"};

    private OfficialProse() {
    }

    /** About {@code chars} characters of prose in paragraphs separated by line breaks. */
    static String prose(Random random, int chars) {
        StringBuilder sb = new StringBuilder(chars + 64);
        while (sb.length() < chars) {
            if (random.nextInt(8) == 0) {
                sb.append(random.nextInt(3) == 0 ? "\n（" + (1 + random.nextInt(9)) + "）" : "\n");
            }
            sb.append(pick(random, SUBJECTS)).append(pick(random, VERBS)).append(pick(random, OBJECTS));
            if (random.nextInt(4) == 0) {
                sb.append("，于2026年").append(1 + random.nextInt(12)).append("月")
                        .append(1 + random.nextInt(28)).append("日前完成");
            }
            sb.append(pick(random, TAILS));
        }
        return sb.toString();
    }

    /**
     * {@code count} distinct code-name-like terms (2 to 12 chars) built from characters that also occur in
     * ordinary prose, so that a matcher over-reaching across words or punctuation would be caught.
     */
    static List<String> terms(Random random, int count) {
        Set<String> terms = new LinkedHashSet<>();
        while (terms.size() < count) {
            StringBuilder sb = new StringBuilder();
            int stem = 2 + random.nextInt(2);
            for (int i = 0; i < stem; i++) {
                sb.append(CODE_CHARS.charAt(random.nextInt(CODE_CHARS.length())));
            }
            sb.append(pick(random, CODE_SUFFIXES));
            terms.add(sb.toString());
        }
        return new ArrayList<>(terms);
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
