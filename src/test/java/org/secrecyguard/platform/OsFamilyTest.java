package org.secrecyguard.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OsFamilyTest {
    @Test
    void readsTheFamilyFromTheOsName() {
        assertEquals(OsFamily.WINDOWS, OsFamily.of("Windows 10"));
        assertEquals(OsFamily.WINDOWS, OsFamily.of("Windows Server 2022"));
        assertEquals(OsFamily.LINUX, OsFamily.of("Linux"));
        assertEquals(OsFamily.MACOS, OsFamily.of("Mac OS X"));
        assertEquals(OsFamily.OTHER, OsFamily.of("FreeBSD"));
        assertEquals(OsFamily.OTHER, OsFamily.of(""));
        assertEquals(OsFamily.OTHER, OsFamily.of(null));
    }

    @Test
    void currentIsTheFamilyOfThisJvm() {
        assertEquals(OsFamily.of(System.getProperty("os.name")), OsFamily.current());
    }
}
