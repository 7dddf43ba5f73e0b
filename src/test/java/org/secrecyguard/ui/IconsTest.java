package org.secrecyguard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every state has its shield in every size, in the colour a user reads it by. */
class IconsTest {
    @Test
    void eachStateHasItsColourInEverySize() {
        for (GuardState s : GuardState.values()) {
            for (int size : Icons.SIZES) {
                BufferedImage img = Icons.awt(s, size);
                assertEquals(size, img.getWidth());
                // A point on the shield left of the white symbol.
                float[] hsb = hsb(img.getRGB(size * 50 / 256, size * 120 / 256));
                float hue = hsb[0] * 360;
                switch (s) {
                    case PROTECTED -> assertTrue(hue > 90 && hue < 150, s + " " + size + " hue " + hue);
                    case DEGRADED -> assertTrue(hue > 30 && hue < 55, s + " " + size + " hue " + hue);
                    case ALERT -> assertTrue(hue < 10 || hue > 350, s + " " + size + " hue " + hue);
                }
                assertTrue(hsb[1] > 0.5, "saturated, not white or grey");
            }
        }
    }

    @Test
    void svgSourcesAndWindowsIconShipWithTheProject() throws Exception {
        for (GuardState s : GuardState.values()) {
            assertTrue(Files.readString(Path.of("icons", "shield-" + s.iconName() + ".svg")).contains("<svg"));
        }
        byte[] ico = Files.readAllBytes(Path.of("icons", "secrecy-guard.ico"));
        assertEquals(0, ico[0]);
        assertEquals(1, ico[2], "ICO type");
        assertEquals(4, ico[4], "four sizes");
    }

    private static float[] hsb(int argb) {
        Color c = new Color(argb, true);
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
    }
}
