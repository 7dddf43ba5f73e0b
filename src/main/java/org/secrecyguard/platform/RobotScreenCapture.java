package org.secrecyguard.platform;

import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;

/** {@link ScreenCapture} of the primary screen through AWT's Robot (X11 and Windows alike). */
public final class RobotScreenCapture implements ScreenCapture {
    private Robot robot;

    @Override
    public synchronized BufferedImage capture() {
        if (GraphicsEnvironment.isHeadless()) {
            throw new PlatformUnavailableException(Limitation.NO_DISPLAY, "no screen to capture");
        }
        try {
            if (robot == null) {
                // On X11 the Robot would load GTK to read the screen, and a GTK loaded by AWT before
                // JavaFX starts keeps JavaFX's own GTK toolkit from loading; plain X11 reads suffice.
                System.setProperty("awt.robot.gtk", "false");
                robot = new Robot();
            }
            Rectangle bounds = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
                    .getDefaultConfiguration().getBounds();
            return robot.createScreenCapture(bounds);
        } catch (AWTException | SecurityException e) {
            throw new PlatformUnavailableException(Limitation.SCREENSHOT_KEYS_UNAVAILABLE,
                    "the screen cannot be read: " + e.getMessage(), e);
        }
    }
}
