package org.secrecyguard.ocr.samples;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.secrecyguard.engine.Level;

/**
 * The generated picture set used by the OCR tests and by {@code secrecy-guard bench ocr}: marked pages
 * as scans, phone photos, editor screenshots and header crops; red-header public notices that must be
 * allowed; and ordinary screenshots. All text is invented; bodies are routine administrative prose.
 */
public final class SampleImages {
    /** Screen pixels per millimetre of a 150 dpi scan. */
    public static final double SCAN_PX_PER_MM = 150 / 25.4;

    private static final List<String> BODY = List.of(
            "为进一步做好本年度安全生产检查工作，切实落实各级责任，现将有关事项通知如下。",
            "各区县人民政府要高度重视，成立工作专班，明确分管领导和具体责任人，按时报送工作进展。",
            "市直各部门要结合职责分工，组织开展隐患排查，建立问题清单和整改台账，做到闭环管理。",
            "检查工作分三个阶段进行，第一阶段为自查自纠，第二阶段为重点抽查，第三阶段为总结提高。",
            "请于十一月三十日前将工作总结报送市政府办公室，联系人及电话另行通知。",
            "各单位要加强值班值守，严格执行领导带班制度，遇有突发情况及时报告，不得迟报漏报。",
            "要充分发挥基层组织作用，广泛宣传安全知识，提高群众自我保护意识和应急处置能力。",
            "对检查中发现的问题，要逐项明确整改措施、责任单位和完成时限，确保按期整改到位。",
            "市政府将适时组织督查，对工作不力、敷衍塞责的单位和个人予以通报批评。");

    private SampleImages() {
    }

    /** A page with a national-secret or internal marking. */
    public static PageSpec markedPage(String copyNumber, String marking, boolean right, String urgency,
                                      String issuer, String docNumber, String title) {
        return new PageSpec(copyNumber, marking, right, urgency, issuer, docNumber, title, BODY);
    }

    /** A public notice: red header, 发文字号, no marking. */
    public static PageSpec publicNotice(String urgency, String issuer, String docNumber, String title) {
        return new PageSpec(null, null, false, urgency, issuer, docNumber, title, BODY);
    }

    /** The standard set: marked pictures of every kind, public notices and ordinary screenshots. */
    public static List<SampleImage> standardSet() {
        List<SampleImage> set = new ArrayList<>();
        PageSpec secret = markedPage("000123", "机密★1年", false, "特急", "××市人民政府文件",
                "×府发〔2026〕17号", "关于做好2026年度安全生产检查工作的通知");
        set.add(new SampleImage("scan-secret-redheader", scan(secret, 0.4, 1), Level.SECRET, "机密★1年"));
        set.add(new SampleImage("photo-secret-tilt4",
                PhotoSimulator.photograph(PageRenderer.render(secret, 8),
                        new PhotoSimulator.Style(2400, 1800, 4, 0.92, 0.35, 5, 0.5f, 2)),
                Level.SECRET, "机密★1年"));
        PageSpec confidential = markedPage("000045", "秘密★2年", false, null, "××县人民政府办公室文件",
                "×政办发〔2026〕8号", "关于开展防汛应急演练的通知");
        set.add(new SampleImage("photo-confidential-tilt-5",
                PhotoSimulator.photograph(PageRenderer.render(confidential, 8),
                        new PhotoSimulator.Style(2000, 1500, -5, 0.95, 0.4, 6, 0.45f, 3)),
                Level.CONFIDENTIAL, "秘密★2年"));
        PageSpec topSecret = markedPage("000007", "绝密★长期", false, "特急", "××省人民政府文件",
                "×政发〔2026〕3号", "关于印发重点工作任务分工方案的通知");
        set.add(new SampleImage("screenshot-topsecret-editor",
                ScreenSimulator.editor(topSecret, "重点工作任务分工方案.docx", 0.75), Level.TOP_SECRET, "绝密★长期"));
        set.add(new SampleImage("header-crop-secret", headerCrop(markedPage("000031", "机密", false, null,
                "××市财政局文件", "×财发〔2026〕21号", "关于下达专项资金的通知")), Level.SECRET, "机密"));
        set.add(new SampleImage("scan-1999-layout-right", scan(markedPage(null, "秘\u3000密", true, null,
                "××市人民政府办公厅文件", "×府办发〔1999〕5号", "关于加强档案管理工作的通知"), -0.3, 4),
                Level.CONFIDENTIAL, "秘　密"));
        set.add(new SampleImage("photo-worksecret-plain",
                PhotoSimulator.photograph(PageRenderer.render(markedPage(null, "工作秘密", false, null, null, null,
                        "关于调整内部办公用房的通知"), 8),
                        new PhotoSimulator.Style(2000, 1500, 2, 0.93, 0.25, 4, 0.6f, 5)),
                Level.WORK_SECRET, "工作秘密"));
        set.add(new SampleImage("render-300dpi-confidential-plain", PageRenderer.render(markedPage(null, "秘密★6个月",
                false, null, null, null, "关于调整内部办公用房的通知"), 300 / 25.4), Level.CONFIDENTIAL, "秘密★6个月"));
        PageSpec notice = publicNotice(null, "××市人民政府文件", "×府发〔2026〕30号", "关于公布第一批市级非物质文化遗产名录的通知");
        set.add(new SampleImage("scan-public-notice", scan(notice, 0.2, 6), null, null));
        set.add(new SampleImage("photo-public-notice-urgent",
                PhotoSimulator.photograph(PageRenderer.render(publicNotice("加急", "××区人民政府文件",
                        "×区府发〔2026〕12号", "关于做好冬季供暖保障工作的通知"), 8),
                        new PhotoSimulator.Style(2000, 1500, -3, 0.94, 0.3, 5, 0.5f, 7)),
                null, null));
        set.add(new SampleImage("screenshot-public-notice-editor",
                ScreenSimulator.editor(notice, "非物质文化遗产名录通知.docx", 0.75), null, null));
        set.add(new SampleImage("screenshot-chat", ScreenSimulator.chat(
                List.of("下午三点在三楼会议室开会", "材料我已经打印好了", "明天的检查安排发群里了吗"),
                List.of("收到，准时参加", "好的，谢谢", "已经发了，请查看")), null, null));
        set.add(new SampleImage("screenshot-desktop", ScreenSimulator.desktop(), null, null));
        return List.copyOf(set);
    }

    /** A 150 dpi scan: slightly tilted, a little grey noise, JPEG at high quality. */
    public static BufferedImage scan(PageSpec spec, double angle, long seed) {
        BufferedImage page = PageRenderer.render(spec, SCAN_PX_PER_MM);
        BufferedImage tilted = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = tilted.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, page.getWidth(), page.getHeight());
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                    java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.rotate(Math.toRadians(angle), page.getWidth() / 2.0, page.getHeight() / 2.0);
            g.drawImage(page, 0, 0, null);
        } finally {
            g.dispose();
        }
        PhotoSimulator.addNoise(((java.awt.image.DataBufferInt) tilted.getRaster().getDataBuffer()).getData(), 3,
                new Random(seed));
        return PhotoSimulator.jpeg(tilted, 0.85f);
    }

    /** The top of a 150 dpi page down to just under the red rule: what a cropped screenshot shows. */
    public static BufferedImage headerCrop(PageSpec spec) {
        BufferedImage page = PageRenderer.render(spec, SCAN_PX_PER_MM);
        int bottom = (int) Math.round(120 * SCAN_PX_PER_MM);
        return page.getSubimage(0, 0, page.getWidth(), Math.min(bottom, page.getHeight()));
    }
}
