package org.secrecyguard.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;

/**
 * A deterministic corpus of official-document-like Chinese text for benchmarks: documents of several
 * pages of prose built from typical 公文 phrases, some with a GB/T 9704 header (份号, 密级★期限, 特急,
 * 发文机关, 发文字号), some with prose that merely mentions a level ("商业机密"), and code-name keywords
 * sprinkled in verbatim.
 *
 * <p>Keywords are a stem of rare characters that the prose never uses plus a common suffix, and every
 * stem is used once, so no keyword occurs by accident and none is part of another: any correct matcher
 * must report exactly the sprinkled keywords, which lets the benchmark compare two matchers' counts.
 */
final class SyntheticOfficialCorpus {
    private static final String[] SUBJECTS = {
        "各级党委和政府", "县委办公室", "各乡镇人民政府", "市直各有关单位", "区财政局", "各街道办事处",
        "领导小组办公室", "本单位全体干部职工", "有关部门", "驻村工作队", "市发展和改革委员会", "县应急管理局",
        "各县（市、区）人民政府", "市委组织部", "区教育局"};
    private static final String[] VERBS = {
        "要认真贯彻落实", "进一步加强", "切实做好", "统筹推进", "全面落实", "持续深化", "严格执行",
        "及时报送", "认真组织开展", "扎实推进", "研究部署", "督促检查", "高度重视"};
    private static final String[] OBJECTS = {
        "安全生产工作", "乡村振兴战略", "基层治理能力建设", "保密管理制度", "防汛抗旱准备工作",
        "重点项目建设", "营商环境优化提升", "档案整理归档", "信息化建设任务", "干部作风建设",
        "年度目标考核", "财政预算执行情况", "网络安全检查", "耕地保护责任", "民生实事项目",
        "矛盾纠纷排查化解", "森林防火工作", "巡视整改任务"};
    private static final String[] TAILS = {
        "，确保取得实效。", "，形成工作合力。", "，按时报送有关材料。", "，不得敷衍塞责。",
        "，做到责任到人、措施到位。", "，请各单位遵照执行。", "。", "，切实抓好整改落实。",
        "，并将落实情况于每月5日前报送。", "，确保各项工作有序推进。"};
    private static final String[] HEADINGS = {
        "一、总体要求", "二、主要任务", "三、保障措施", "四、工作要求", "（一）加强组织领导",
        "（二）明确职责分工", "（三）强化督促检查", "（四）严肃工作纪律"};
    private static final String[] MENTIONS = {
        "严禁在互联网上存储、处理涉及国家秘密的信息，", "对涉及商业机密的材料要妥善保管，",
        "一份机密级文件的传递必须履行登记手续，", "不得在非涉密计算机上处理秘密信息，"};
    private static final String[] ISSUERS = {"某某县人民政府", "某某市委办公室", "某某区应急管理局", "某某县财政局"};
    private static final String[] PERIODS = {"★1年", "★6个月", "★长期", "★启用前", "★10年", "", "★2年"};
    private static final String[] TEMPLATES = {
        "关于“%s”的实施方案，", "%s相关工作", "涉及%s的材料", "由%s项目组负责，", "%s筹备组", "参照%s有关要求，"};

    /** Rare characters for keyword stems; none appears in the prose above. */
    private static final String STEM_FIRST = "穹隼翎骁渊曜澜琨璟骥鲲鹞嵘岚烽焱霆麒麟鸾翡翠琥珀琉璃玑璇瑶琼玖珑琛瑾璋瑜珩琰玥";
    private static final String STEM_SECOND = "犀貔貅獬豸螭蛟虬狻猊饕餮麝鹳鹭鸥鹈鹕鸮鹫雎鸠鹧鸪翱翔猎戟钺弩殳胄戈戎镝镞铠";
    private static final String STEM_EXTRA = "昴觜轸亢氐箕娄奎壁胃柳翼毕鬼尾斗牛虚危";
    /** Suffixes giving key-form lengths 2 to 8 (punctuation and hyphens do not count). */
    private static final String[] SUFFIXES = {
        "", "号", "工程", "行动", "-7号", "试验区", "指挥所", "数据中心", "-2026", "联合指挥部",
        "战略储备基地", "型装备", "专项计划", "前沿观测站点"};

    private SyntheticOfficialCorpus() {
    }

    /** One generated document: its segments (a header when it has one, then pages) and its UTF-8 size. */
    record Doc(List<Segment> segments, long utf8Bytes, long chars) {
    }

    /** The corpus: documents, the keywords and their levels, totals. */
    record Corpus(List<Doc> documents, List<String> keywords, List<Level> levels, long utf8Bytes, long chars) {
        String describe() {
            return String.format(Locale.ROOT, "%.1f MB UTF-8 (%,d chars) in %,d documents",
                    utf8Bytes / 1e6, chars, documents.size());
        }
    }

    /** {@code count} distinct keywords; deterministic for a seed. */
    static List<String> keywords(Random random, int count) {
        int pairs = STEM_FIRST.length() * STEM_SECOND.length();
        int triples = STEM_EXTRA.length() * STEM_EXTRA.length() * STEM_EXTRA.length();
        if (count > pairs + triples) {
            throw new IllegalArgumentException("at most " + (pairs + triples) + " keywords can be generated");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pairs + triples; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        List<String> keywords = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = order.get(i);
            String stem;
            if (n < pairs) {
                stem = "" + STEM_FIRST.charAt(n / STEM_SECOND.length()) + STEM_SECOND.charAt(n % STEM_SECOND.length());
            } else {
                int m = n - pairs;
                int e = STEM_EXTRA.length();
                stem = "" + STEM_EXTRA.charAt(m / (e * e)) + STEM_EXTRA.charAt(m / e % e) + STEM_EXTRA.charAt(m % e);
            }
            keywords.add(stem + SUFFIXES[random.nextInt(SUFFIXES.length)]);
        }
        return keywords;
    }

    /** About {@code megabytes} MB (UTF-8) of documents with {@code keywordCount} keywords to sprinkle. */
    static Corpus generate(long seed, double megabytes, int keywordCount) {
        checkStemsAreRare();
        Random random = new Random(seed);
        List<String> keywords = keywords(random, keywordCount);
        List<Level> levels = new ArrayList<>(keywordCount);
        for (int i = 0; i < keywordCount; i++) {
            levels.add(i % 3 == 0 ? Level.SECRET : i % 3 == 1 ? Level.CONFIDENTIAL : Level.WORK_SECRET);
        }
        long target = (long) (megabytes * 1e6);
        List<Doc> docs = new ArrayList<>();
        long bytes = 0;
        long chars = 0;
        while (bytes < target) {
            Doc doc = document(random, keywords);
            docs.add(doc);
            bytes += doc.utf8Bytes();
            chars += doc.chars();
        }
        return new Corpus(List.copyOf(docs), List.copyOf(keywords), List.copyOf(levels), bytes, chars);
    }

    private static Doc document(Random random, List<String> keywords) {
        List<Segment> segments = new ArrayList<>();
        int roll = random.nextInt(100);
        if (roll < 30) {
            segments.add(new Segment(header(random), SegmentKind.HEADER, "header"));
        }
        int pages = 2 + random.nextInt(14);
        int sprinkles = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3);
        for (int p = 1; p <= pages; p++) {
            StringBuilder page = new StringBuilder(2400);
            if (p == 1 && roll >= 30 && roll < 36) {
                page.append(roll < 33 ? "工作秘密\n" : "内部资料　注意保存\n");
            }
            while (page.length() < 1800) {
                int r = random.nextInt(40);
                if (r == 0) {
                    page.append('\n').append(pick(random, HEADINGS)).append('\n');
                } else if (r == 1) {
                    page.append(pick(random, MENTIONS));
                } else if (r == 2 && sprinkles > 0 && random.nextInt(pages) == 0) {
                    sprinkles--;
                    page.append(String.format(Locale.ROOT, pick(random, TEMPLATES),
                            keywords.get(random.nextInt(keywords.size()))));
                }
                page.append(pick(random, SUBJECTS)).append(pick(random, VERBS)).append(pick(random, OBJECTS));
                if (random.nextInt(4) == 0) {
                    page.append("，于2026年").append(1 + random.nextInt(12)).append("月")
                            .append(1 + random.nextInt(28)).append("日前完成");
                }
                page.append(pick(random, TAILS));
                if (random.nextInt(6) == 0) {
                    page.append('\n');
                }
            }
            segments.add(new Segment(page.toString(), SegmentKind.BODY, "page " + p));
        }
        long bytes = 0;
        long chars = 0;
        for (Segment s : segments) {
            bytes += s.text().getBytes(StandardCharsets.UTF_8).length;
            chars += s.text().length();
        }
        return new Doc(List.copyOf(segments), bytes, chars);
    }

    private static String header(Random random) {
        Level[] levels = {Level.TOP_SECRET, Level.SECRET, Level.SECRET, Level.CONFIDENTIAL, Level.CONFIDENTIAL};
        String level = levels[random.nextInt(levels.length)].chinese();
        return String.format(Locale.ROOT, "%06d\n%s%s\n%s\n%s文件\n某政发〔2026〕%d号\n关于%s的通知",
                random.nextInt(1_000_000), level, pick(random, PERIODS), random.nextBoolean() ? "特急" : "加急",
                pick(random, ISSUERS), 1 + random.nextInt(120), pick(random, OBJECTS));
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }

    /** A programming-error guard: stems must not share characters with the prose, or counts could differ. */
    private static void checkStemsAreRare() {
        StringBuilder prose = new StringBuilder();
        for (String[] list : List.of(SUBJECTS, VERBS, OBJECTS, TAILS, HEADINGS, MENTIONS, ISSUERS, PERIODS,
                TEMPLATES, SUFFIXES)) {
            for (String s : list) {
                prose.append(s);
            }
        }
        prose.append("文件某政发〔〕号关于的通知特急加急工作秘密内部资料注意保存绝密机密秘密");
        String stems = STEM_FIRST + STEM_SECOND + STEM_EXTRA;
        for (int i = 0; i < stems.length(); i++) {
            if (prose.indexOf(String.valueOf(stems.charAt(i))) >= 0 || stems.indexOf(stems.charAt(i)) != i) {
                throw new IllegalStateException("keyword stem character " + i + " is not rare or repeats");
            }
        }
    }
}
