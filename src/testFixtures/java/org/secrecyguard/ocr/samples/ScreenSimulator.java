package org.secrecyguard.ocr.samples;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/**
 * Draws screenshots of an office PC: a page open in a word processor at a given zoom (toolbar, ruler,
 * grey canvas, status bar), a chat window, and a desktop with icons.
 */
public final class ScreenSimulator {
    private static final double SCREEN_PX_PER_MM = 96 / 25.4;

    private ScreenSimulator() {
    }

    /** A 1920x1080 word-processor window showing the top of the page at {@code zoom} (0.75 = 75%). */
    public static BufferedImage editor(PageSpec spec, String fileName, double zoom) {
        int w = 1920;
        int h = 1080;
        BufferedImage shot = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(shot);
        try {
            SampleFonts fonts = SampleFonts.get();
            Font ui = fonts.sans.deriveFont(13f);
            Color blue = new Color(43, 87, 154);
            g.setColor(blue);
            g.fillRect(0, 0, w, 64);
            g.setColor(Color.WHITE);
            g.setFont(ui);
            g.drawString(fileName + " - 文字处理", w / 2 - 120, 21);
            String[] tabs = {"文件", "开始", "插入", "设计", "布局", "引用", "邮件", "审阅", "视图", "帮助"};
            for (int i = 0; i < tabs.length; i++) {
                g.drawString(tabs[i], 20 + i * 64, 54);
            }
            g.setColor(new Color(243, 243, 243));
            g.fillRect(0, 64, w, 96);
            String[] tools = {"粘贴", "剪切", "复制", "格式刷", "字体", "字号", "加粗", "段落", "样式", "查找", "替换", "选择"};
            Random random = new Random(7);
            for (int i = 0; i < tools.length; i++) {
                g.setColor(new Color(60 + random.nextInt(120), 80 + random.nextInt(100), 120 + random.nextInt(100)));
                g.fillRoundRect(24 + i * 92, 76, 28, 28, 6, 6);
                g.setColor(new Color(50, 50, 50));
                g.drawString(tools[i], 18 + i * 92, 128);
            }
            g.setColor(new Color(210, 210, 210));
            g.drawLine(0, 159, w, 159);
            int canvasTop = 184;
            int statusTop = h - 28;
            g.setColor(new Color(230, 230, 230));
            g.fillRect(0, 160, w, statusTop - 160);
            double pxPerMm = SCREEN_PX_PER_MM * zoom;
            BufferedImage page = PageRenderer.render(spec, pxPerMm);
            int pageX = (w - 20 - page.getWidth()) / 2;
            // Ruler over the page width.
            g.setColor(Color.WHITE);
            g.fillRect(pageX, 164, page.getWidth(), 16);
            g.setColor(new Color(120, 120, 120));
            for (int mm = 0; mm <= 210; mm += 5) {
                int x = pageX + (int) (mm * pxPerMm);
                g.drawLine(x, mm % 10 == 0 ? 172 : 176, x, 179);
            }
            int pageY = canvasTop + 16;
            g.setColor(new Color(200, 200, 200));
            g.fillRect(pageX + 3, pageY + 3, page.getWidth(), statusTop - pageY);
            g.setClip(0, canvasTop, w - 20, statusTop - canvasTop);
            g.drawImage(page, pageX, pageY, null);
            g.setClip(null);
            g.setColor(new Color(240, 240, 240));
            g.fillRect(w - 20, 160, 20, statusTop - 160);
            g.setColor(new Color(190, 190, 190));
            g.fillRect(w - 16, 190, 12, 300);
            g.setColor(blue);
            g.fillRect(0, statusTop, w, h - statusTop);
            g.setColor(Color.WHITE);
            g.drawString("第 1 页，共 2 页    1268 个字    中文(中国)", 16, h - 9);
            g.drawString((int) Math.round(zoom * 100) + "%", w - 60, h - 9);
        } finally {
            g.dispose();
        }
        return shot;
    }

    /** A chat application window with a contact list and a conversation of ordinary messages. */
    public static BufferedImage chat(List<String> theirs, List<String> mine) {
        int w = 1280;
        int h = 800;
        BufferedImage shot = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(shot);
        try {
            SampleFonts fonts = SampleFonts.get();
            Font ui = fonts.sans.deriveFont(14f);
            Font small = fonts.sans.deriveFont(12f);
            g.setColor(new Color(46, 46, 46));
            g.fillRect(0, 0, 60, h);
            Random random = new Random(11);
            for (int i = 0; i < 5; i++) {
                g.setColor(new Color(120 + random.nextInt(100), 120 + random.nextInt(100), 120 + random.nextInt(100)));
                g.fillRoundRect(14, 24 + i * 56, 32, 32, 8, 8);
            }
            g.setColor(new Color(233, 233, 233));
            g.fillRect(60, 0, 260, h);
            String[] names = {"办公室群", "张科长", "李明", "文件传输助手", "家人群", "王芳", "项目组", "刘强"};
            String[] snippets = {"收到", "下午三点见", "好的谢谢", "[图片]", "周末回家吃饭", "表格已发", "明天讨论", "[语音]"};
            for (int i = 0; i < names.length; i++) {
                int y = 60 + i * 72;
                if (i == 1) {
                    g.setColor(new Color(198, 198, 198));
                    g.fillRect(60, y - 8, 260, 72);
                }
                g.setColor(new Color(100 + random.nextInt(120), 100 + random.nextInt(120), 100 + random.nextInt(120)));
                g.fillRoundRect(74, y, 44, 44, 6, 6);
                g.setColor(new Color(30, 30, 30));
                g.setFont(ui);
                g.drawString(names[i], 130, y + 18);
                g.setColor(new Color(150, 150, 150));
                g.setFont(small);
                g.drawString(snippets[i], 130, y + 40);
            }
            g.setColor(new Color(245, 245, 245));
            g.fillRect(320, 0, w - 320, h);
            g.setColor(new Color(30, 30, 30));
            g.setFont(fonts.sans.deriveFont(16f));
            g.drawString("张科长", 344, 36);
            g.setColor(new Color(220, 220, 220));
            g.drawLine(320, 58, w, 58);
            int y = 90;
            g.setFont(ui);
            int n = Math.max(theirs.size(), mine.size());
            for (int i = 0; i < n; i++) {
                if (i < theirs.size()) {
                    y = bubble(g, theirs.get(i), 400, y, Color.WHITE, false, w);
                }
                if (i < mine.size()) {
                    y = bubble(g, mine.get(i), w - 80, y, new Color(149, 236, 105), true, w);
                }
            }
            g.setColor(Color.WHITE);
            g.fillRect(320, h - 170, w - 320, 170);
            g.setColor(new Color(220, 220, 220));
            g.drawLine(320, h - 170, w, h - 170);
            g.setColor(new Color(120, 120, 120));
            for (int i = 0; i < 5; i++) {
                g.drawOval(340 + i * 40, h - 158, 22, 22);
            }
            g.setColor(new Color(233, 233, 233));
            g.fillRoundRect(w - 120, h - 50, 90, 32, 6, 6);
            g.setColor(new Color(7, 193, 96));
            g.drawString("发送(S)", w - 102, h - 29);
        } finally {
            g.dispose();
        }
        return shot;
    }

    private static int bubble(Graphics2D g, String text, int anchorX, int y, Color colour, boolean right, int w) {
        int tw = g.getFontMetrics().stringWidth(text);
        int bx = right ? anchorX - tw - 24 : anchorX;
        int avatarX = right ? w - 64 : 340;
        g.setColor(right ? new Color(90, 140, 200) : new Color(200, 140, 90));
        g.fillRoundRect(avatarX, y, 40, 40, 6, 6);
        g.setColor(colour);
        g.fillRoundRect(bx, y, tw + 24, 40, 8, 8);
        g.setColor(new Color(25, 25, 25));
        g.drawString(text, bx + 12, y + 26);
        return y + 64;
    }

    /** A desktop: wallpaper, a column of labelled icons and a taskbar with a clock. */
    public static BufferedImage desktop() {
        int w = 1920;
        int h = 1080;
        BufferedImage shot = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(shot);
        try {
            g.setPaint(new GradientPaint(0, 0, new Color(20, 60, 120), w, h, new Color(70, 150, 200)));
            g.fillRect(0, 0, w, h);
            SampleFonts fonts = SampleFonts.get();
            g.setFont(fonts.sans.deriveFont(13f));
            String[] icons = {"此电脑", "回收站", "微信", "文字处理", "表格", "浏览器", "下载", "工作资料", "会议照片"};
            Random random = new Random(5);
            for (int i = 0; i < icons.length; i++) {
                int x = 24 + (i / 7) * 100;
                int y = 20 + (i % 7) * 110;
                g.setColor(new Color(random.nextInt(200) + 40, random.nextInt(200) + 40, random.nextInt(200) + 40));
                g.fillRoundRect(x + 18, y, 48, 48, 10, 10);
                g.setColor(Color.WHITE);
                int tw = g.getFontMetrics().stringWidth(icons[i]);
                g.drawString(icons[i], x + 42 - tw / 2, y + 70);
            }
            g.setColor(new Color(32, 32, 36));
            g.fillRect(0, h - 48, w, 48);
            g.setColor(Color.WHITE);
            g.drawString("14:32", w - 90, h - 28);
            g.drawString("2026/11/23", w - 100, h - 10);
            for (int i = 0; i < 6; i++) {
                g.setColor(new Color(random.nextInt(200) + 40, random.nextInt(200) + 40, random.nextInt(200) + 40));
                g.fillRoundRect(700 + i * 56, h - 42, 36, 36, 6, 6);
            }
        } finally {
            g.dispose();
        }
        return shot;
    }

    private static Graphics2D start(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }
}
