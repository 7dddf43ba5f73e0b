package org.secrecyguard.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.secrecyguard.ocr.samples.PageRenderer;
import org.secrecyguard.ocr.samples.PageSpec;
import org.secrecyguard.ocr.samples.PhotoSimulator;
import org.secrecyguard.ocr.samples.SampleImages;

/**
 * An invented 机密 notice for the registration tests, as text and as phone photos; and a public page
 * with the same layout and different sentences. Every sentence is made up for these tests.
 */
final class RegisteredNotice {
    static final String MARKING = "机密★1年";
    static final String TITLE = "关于开展新型通信装备联合试验的通知";
    static final List<String> BODY = List.of(
            "经研究决定，于二〇二六年十二月在西北某基地开展新型通信装备联合试验，参试单位须于十一月底前完成人员政审和设备封存工作。",
            "试验分为三个阶段：第一阶段进行单机性能测试，第二阶段开展组网联调，第三阶段组织全系统综合演示验证。",
            "参试人员一律凭专用通行证进出试验区域，严禁携带手机、照相机等具有录音录像功能的电子设备。",
            "各参试单位要指定专人负责试验资料的登记、保管和销毁，试验数据不得通过互联网传输或存储。",
            "试验期间如遇突发情况，应立即向试验指挥部报告，不得擅自对外发布任何与试验有关的信息。",
            "请各单位于十二月十日前将参试人员名单和设备清单报送指挥部办公室，联系人另行通知。");
    /** The page as printed: 份号, marking, urgency, red header, 发文字号, title, body. */
    static final PageSpec PAGE = new PageSpec("000086", MARKING, false, "特急", "××市国防科技工业办公室文件",
            "×科工发〔2026〕9号", TITLE, BODY);
    /** A public notice laid out the same way, with routine sentences of its own. */
    static final PageSpec PUBLIC_PAGE = new PageSpec(null, null, false, null, "××市人民政府文件",
            "×府发〔2026〕30号", "关于做好冬季供暖保障工作的通知",
            SampleImages.publicNotice(null, "××市人民政府文件", "×府发〔2026〕30号", "").body());

    /** Pixels per millimetre of the rendered page before it is photographed. */
    private static final double PX_PER_MM = 8;
    /** Distance from the top of the page to just under the red rule, in mm (see PageRenderer). */
    private static final double HEADER_MM = 117;

    private RegisteredNotice() {
    }

    /** The notice as a text file: the marking line, the title and the body. */
    static Path textFile(Path dir, String name, boolean withMarking) throws IOException {
        String text = (withMarking ? MARKING + "\n" : "") + TITLE + "\n" + String.join("\n", BODY) + "\n";
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /**
     * A phone photo of a page (JPEG file). With {@code headerCovered}, everything from the top of the
     * page to under the red rule (份号, marking, red 发文机关标志, 发文字号) is covered with white paper
     * before the photo is taken, as in the case of the covered header.
     */
    static Path photo(Path dir, String name, PageSpec spec, boolean headerCovered, double angle, long seed)
            throws IOException {
        BufferedImage page = PageRenderer.render(spec, PX_PER_MM);
        if (headerCovered) {
            Graphics2D g = page.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, page.getWidth(), (int) Math.round(HEADER_MM * PX_PER_MM));
            } finally {
                g.dispose();
            }
        }
        BufferedImage photo = PhotoSimulator.photograph(page,
                new PhotoSimulator.Style(2400, 1800, angle, 0.92, 0.3, 4, 0.6f, seed));
        return Files.write(dir.resolve(name), PhotoSimulator.jpegBytes(photo, 0.6f));
    }

    /** Every run of {@code n} characters of the registered body, to prove none is printed. */
    static boolean printsRegisteredText(String output, int n) {
        for (String sentence : BODY) {
            for (int i = 0; i + n <= sentence.length(); i++) {
                if (output.contains(sentence.substring(i, i + n))) {
                    return true;
                }
            }
        }
        return false;
    }
}
