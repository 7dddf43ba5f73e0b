package org.secrecyguard.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.secrecyguard.platform.windows.ClipboardMessages.Step;

/**
 * The Windows listener window's decisions, fed with message traces of the kind Windows delivers
 * (message id and GetClipboardSequenceNumber at arrival). The traces are written from the documented
 * behaviour (one WM_CLIPBOARDUPDATE per clipboard close, repeats when an application opens and closes
 * the clipboard several times for one copy), not captured on a Windows machine.
 */
class ClipboardMessagesTest {
    static final int UPDATE = ClipboardUser32.WM_CLIPBOARDUPDATE;

    @Test
    void oneNotificationPerSequenceNumber() {
        // Word copying text, HTML and RTF: three updates, two of them for the same sequence number.
        int[][] trace = {{UPDATE, 1041}, {UPDATE, 1041}, {UPDATE, 1042}, {0x0113 /* WM_TIMER */, 0},
                {UPDATE, 1043}, {UPDATE, 1043}};
        assertEquals(List.of(Step.NOTIFY, Step.IGNORE, Step.NOTIFY, Step.DEFAULT, Step.NOTIFY, Step.IGNORE),
                replay(trace));
    }

    @Test
    void unknownSequenceNumbersAlwaysNotify() {
        // GetClipboardSequenceNumber returns 0 without window-station access: never drop updates then.
        assertEquals(List.of(Step.NOTIFY, Step.NOTIFY), replay(new int[][] {{UPDATE, 0}, {UPDATE, 0}}));
    }

    @Test
    void sequenceNumbersBeyondIntMaxStillCount() {
        assertEquals(List.of(Step.NOTIFY, Step.NOTIFY, Step.IGNORE),
                replay(new int[][] {{UPDATE, Integer.MAX_VALUE}, {UPDATE, Integer.MIN_VALUE}, {UPDATE, Integer.MIN_VALUE}}));
    }

    @Test
    void closeThenDestroyEndsTheLoop() {
        assertEquals(List.of(Step.CLOSE, Step.QUIT), replay(new int[][] {{ClipboardMessages.WM_CLOSE, 0},
                {ClipboardMessages.WM_DESTROY, 0}}));
    }

    private static List<Step> replay(int[][] trace) {
        ClipboardMessages m = new ClipboardMessages();
        List<Step> steps = new ArrayList<>();
        for (int[] msg : trace) {
            steps.add(m.onMessage(msg[0], msg[1]));
        }
        return steps;
    }
}
