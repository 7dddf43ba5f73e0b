package org.secrecyguard.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/** The shield icons (rendered from icons/*.svg into PNGs of 16, 32, 64 and 256 px). */
public final class Icons {
    public static final int[] SIZES = {16, 32, 64, 256};

    private Icons() {
    }

    static String resource(GuardState state, int size) {
        return "icons/" + state.iconName() + "-" + size + ".png";
    }

    /** The FX image of a state at the given size (one of {@link #SIZES}). */
    public static Image fx(GuardState state, int size) {
        try (InputStream in = open(state, size)) {
            return new Image(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The AWT image for the system tray, the smallest rendered size at least {@code size}. */
    public static BufferedImage awt(GuardState state, int size) {
        int pick = SIZES[SIZES.length - 1];
        for (int s : SIZES) {
            if (s >= size) {
                pick = s;
                break;
            }
        }
        try (InputStream in = open(state, pick)) {
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(GuardState state, int size) {
        InputStream in = Icons.class.getResourceAsStream(resource(state, size));
        if (in == null) {
            throw new IllegalStateException("icon missing from the jar: " + resource(state, size));
        }
        return in;
    }
}
