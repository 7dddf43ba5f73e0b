package org.secrecyguard.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.kwhat.jnativehook.NativeInputEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import org.junit.jupiter.api.Test;

class NativeHookScreenshotKeysTest {
    private static final int ALT = NativeInputEvent.ALT_L_MASK;
    private static final int CTRL = NativeInputEvent.CTRL_L_MASK;
    private static final int SHIFT = NativeInputEvent.SHIFT_L_MASK;
    private static final int META = NativeInputEvent.META_L_MASK;

    @Test
    void recognisesTheScreenshotKeysOfTheDesktopAndTheChatApplications() {
        assertEquals("PrintScreen", NativeHookScreenshotKeys.combination(NativeKeyEvent.VC_PRINTSCREEN, 0));
        assertEquals("PrintScreen", NativeHookScreenshotKeys.combination(NativeKeyEvent.VC_PRINTSCREEN, ALT));
        assertEquals("Alt+A", NativeHookScreenshotKeys.combination(NativeKeyEvent.VC_A, ALT));
        assertEquals("Ctrl+Alt+A", NativeHookScreenshotKeys.combination(NativeKeyEvent.VC_A, ALT | CTRL));
        assertEquals("Win+Shift+S", NativeHookScreenshotKeys.combination(NativeKeyEvent.VC_S, META | SHIFT));
    }

    @Test
    void ordinaryTypingIsNotAScreenshot() {
        assertNull(NativeHookScreenshotKeys.combination(NativeKeyEvent.VC_A, 0));
        assertNull(NativeHookScreenshotKeys.combination(NativeKeyEvent.VC_A, CTRL), "select all");
        assertNull(NativeHookScreenshotKeys.combination(NativeKeyEvent.VC_S, CTRL), "save");
        assertNull(NativeHookScreenshotKeys.combination(NativeKeyEvent.VC_S, CTRL | SHIFT), "save as");
        assertNull(NativeHookScreenshotKeys.combination(NativeKeyEvent.VC_A, ALT | SHIFT));
    }
}
