package org.secrecyguard.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClipboardContentTest {
    @Test
    void equalContentHasEqualHashAndAnyChangeChangesIt() {
        assertEquals(ClipboardContent.ofText("机密★1年").contentHash(), ClipboardContent.ofText("机密★1年").contentHash());
        assertNotEquals(ClipboardContent.ofText("机密★1年").contentHash(),
                ClipboardContent.ofText("机密★2年").contentHash());
        BufferedImage a = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        BufferedImage b = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        b.setRGB(7, 7, 0xff0000);
        assertNotEquals(new ClipboardContent(null, null, a, List.of()).contentHash(),
                new ClipboardContent(null, null, b, List.of()).contentHash());
        // Text in the HTML slot is not the same content as plain text.
        assertNotEquals(new ClipboardContent(null, "x", null, List.of()).contentHash(),
                ClipboardContent.ofText("x").contentHash());
    }

    @Test
    void printingContentNeverShowsIt() {
        String shown = new ClipboardContent("机密★1年 项目代号", null, null, List.of(Path.of("/tmp/绝密.docx")))
                .toString();
        assertFalse(shown.contains("项目代号"), shown);
        assertFalse(shown.contains("绝密"), shown);
    }
}
