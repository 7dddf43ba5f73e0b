package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StopReasonTest {
    @Test
    void theReasonRootLeftIsReadOnceAsOneLine(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve(StopReason.FILE), "package removal\n(dpkg remove, by root)\n");
        assertEquals("package removal (dpkg remove, by root)", StopReason.take(home));
        assertFalse(Files.exists(home.resolve(StopReason.FILE)));
        assertEquals("", StopReason.take(home), "a later stop is not blamed on it");
    }

    @Test
    void anOversizedFileIsNoReasonAndIsRemoved(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve(StopReason.FILE), "x".repeat(10_000));
        assertEquals("", StopReason.take(home));
        assertFalse(Files.exists(home.resolve(StopReason.FILE)));
    }
}
