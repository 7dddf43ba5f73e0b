package org.secrecyguard.platform;

import com.github.kwhat.jnativehook.GlobalScreen;
import com.github.kwhat.jnativehook.NativeHookException;
import com.github.kwhat.jnativehook.NativeInputEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyListener;
import java.util.function.Consumer;

/**
 * {@link ScreenshotKeys} through jnativehook's global keyboard hook (XRecord on X11, a low-level
 * keyboard hook on Windows). Keys are only observed, never swallowed: X11 cannot, and on Windows a
 * swallowed PrintScreen would break the desktop's own screenshot tool for every user.
 */
public final class NativeHookScreenshotKeys implements ScreenshotKeys {
    private NativeKeyListener listener;

    @Override
    public synchronized void start(Consumer<String> onKey) {
        if (listener != null) {
            return;
        }
        try {
            // The hook is registered once per process and never unregistered: unregistering shuts the
            // library's dispatcher down (asynchronously), after which a pause and resume of the guard
            // would lose every key. Stopping only removes the listener.
            if (!GlobalScreen.isNativeHookRegistered()) {
                GlobalScreen.registerNativeHook();
            }
        } catch (NativeHookException | UnsatisfiedLinkError e) {
            throw new PlatformUnavailableException(Limitation.SCREENSHOT_KEYS_UNAVAILABLE,
                    "screenshot keys cannot be watched: " + e.getMessage(), e);
        }
        listener = new NativeKeyListener() {
            @Override
            public void nativeKeyPressed(NativeKeyEvent e) {
                String name = combination(e.getKeyCode(), e.getModifiers());
                if (name != null) {
                    onKey.accept(name);
                }
            }
        };
        GlobalScreen.addNativeKeyListener(listener);
    }

    /** The screenshot combination a key press is, or null. Pure, so that it is tested without a hook. */
    static String combination(int keyCode, int modifiers) {
        boolean alt = (modifiers & NativeInputEvent.ALT_MASK) != 0;
        boolean ctrl = (modifiers & NativeInputEvent.CTRL_MASK) != 0;
        boolean shift = (modifiers & NativeInputEvent.SHIFT_MASK) != 0;
        boolean meta = (modifiers & NativeInputEvent.META_MASK) != 0;
        if (keyCode == NativeKeyEvent.VC_PRINTSCREEN) {
            return "PrintScreen";
        }
        if (keyCode == NativeKeyEvent.VC_A && alt && !shift && !meta) {
            return ctrl ? "Ctrl+Alt+A" : "Alt+A";
        }
        if (keyCode == NativeKeyEvent.VC_S && meta && shift && !alt && !ctrl) {
            return "Win+Shift+S";
        }
        return null;
    }

    @Override
    public synchronized void close() {
        if (listener == null) {
            return;
        }
        GlobalScreen.removeNativeKeyListener(listener);
        listener = null;
    }
}
