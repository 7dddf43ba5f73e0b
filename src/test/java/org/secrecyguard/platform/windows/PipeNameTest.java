package org.secrecyguard.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PipeNameTest {
    @Test
    void aPipeNameIsTakenAsItIs() {
        assertEquals("\\\\.\\pipe\\sg-test-7", PipeName.of("\\\\.\\pipe\\sg-test-7"));
        assertEquals("\\\\.\\PIPE\\sg", PipeName.of(" \\\\.\\PIPE\\sg "), "case-insensitive prefix, spaces trimmed");
    }

    @Test
    void aFilePathOrNothingMeansTheDefaultPipe() {
        assertEquals("\\\\.\\pipe\\secrecy-guard-tray", PipeName.of("C:\\ProgramData\\SecrecyGuard\\run\\guard.sock"));
        assertEquals(PipeName.DEFAULT, PipeName.of(""));
        assertEquals(PipeName.DEFAULT, PipeName.of(null));
        assertEquals(PipeName.DEFAULT, PipeName.of("/run/secrecy-guard/guard.sock"));
    }

    @Test
    void aNameWindowsWouldRejectMeansTheDefaultPipe() {
        assertEquals(PipeName.DEFAULT, PipeName.of("\\\\.\\pipe\\"), "no name after the prefix");
        assertEquals(PipeName.DEFAULT, PipeName.of("\\\\.\\pipe\\a\\b"), "a backslash in the name");
        assertEquals(PipeName.DEFAULT, PipeName.of("\\\\server\\pipe\\sg"), "a remote pipe");
        assertEquals(PipeName.DEFAULT, PipeName.of("\\\\.\\pipe\\" + "x".repeat(300)), "longer than 256");
    }
}
