package org.secrecyguard.platform;

import java.util.function.Consumer;

/**
 * Tells when the user presses a screenshot key: PrintScreen (any modifiers), Win+Shift+S (Windows
 * snipping), Alt+A (WeChat) or Ctrl+Alt+A (QQ, WeCom). The listener runs on the hook's thread and must
 * return at once (Windows drops a hook that waits): channels only queue work in it.
 */
public interface ScreenshotKeys extends AutoCloseable {
    /**
     * Starts listening.
     *
     * @param onKey called with the combination's name, e.g. "PrintScreen", "Alt+A"
     * @throws PlatformUnavailableException when keys cannot be watched on this desktop
     */
    void start(Consumer<String> onKey);

    @Override
    void close();
}
