package org.secrecyguard.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pipe's security descriptor, read back the way Windows reads SDDL: who is allowed what, and
 * that the tray app's open asks for no more than users are granted.
 */
class PipeSecurityTest {
    static final Pattern ACE = Pattern.compile("\\((A|D);;([^;]+);;;([A-Z]{2})\\)");
    static final int GENERIC_ALL = 0x1000_0000;
    static final int GENERIC_MASKS = 0xF000_0000;

    record Ace(String type, int mask, String who) {
    }

    static List<Ace> dacl(String sddl) {
        String d = sddl.substring(sddl.indexOf("D:") + 2);
        assertTrue(d.startsWith("P"), "protected: nothing inherited from \\\\.\\pipe\\ — " + sddl);
        List<Ace> aces = new ArrayList<>();
        Matcher m = ACE.matcher(d.substring(1));
        int end = 0;
        while (m.find()) {
            assertEquals(end, m.start(), "nothing but ACEs in the DACL: " + d);
            end = m.end();
            aces.add(new Ace(m.group(1), rights(m.group(2)), m.group(3)));
        }
        assertEquals(d.length() - 1, end, "the whole DACL parsed: " + d);
        return aces;
    }

    static int rights(String s) {
        if (s.equals("GA")) {
            return GENERIC_ALL;
        }
        assertTrue(s.startsWith("0x"), "rights as a mask or GA, nothing that maps to more: " + s);
        return (int) Long.parseLong(s.substring(2), 16);
    }

    @Test
    void usersMayReadAndWriteButNotCreateAnInstanceOfThePipe() {
        Map<String, Integer> allowed = new LinkedHashMap<>();
        for (Ace a : dacl(PipeSecurity.sddl())) {
            if (a.type().equals("A")) {
                allowed.merge(a.who(), a.mask(), (x, y) -> x | y);
            }
        }
        int users = allowed.get("AU");
        assertEquals(0, users & PipeSecurity.FILE_CREATE_PIPE_INSTANCE, "a user's server instance could take tray apps");
        assertEquals(0, users & GENERIC_MASKS, "GENERIC_WRITE would map to FILE_CREATE_PIPE_INSTANCE");
        assertEquals(PipeSecurity.FILE_READ_DATA | PipeSecurity.FILE_WRITE_DATA,
                users & (PipeSecurity.FILE_READ_DATA | PipeSecurity.FILE_WRITE_DATA));
        assertEquals(GENERIC_ALL, allowed.get("SY"), "the service (LocalSystem) creates the instances");
        assertEquals(List.of("SY", "AU"), List.copyOf(allowed.keySet()), "nobody else: no Everyone, no anonymous");
    }

    @Test
    void theTrayAppsOpenAsksForNoMoreThanUsersAreGranted() {
        int users = dacl(PipeSecurity.sddl()).stream().filter(a -> a.type().equals("A") && a.who().equals("AU"))
                .mapToInt(Ace::mask).reduce(0, (x, y) -> x | y);
        assertEquals(0, PipeSecurity.CLIENT_ACCESS & ~users, "CreateFileW would fail with ERROR_ACCESS_DENIED");
        assertTrue((PipeSecurity.CLIENT_ACCESS & PipeSecurity.SYNCHRONIZE) != 0, "overlapped waits need SYNCHRONIZE");
    }

    @Test
    void networkLogonsAreDeniedBeforeAnythingIsAllowed() {
        List<Ace> aces = dacl(PipeSecurity.sddl());
        Ace first = aces.get(0);
        assertEquals(new Ace("D", GENERIC_ALL, "NU"), first, "deny ACEs come first, or an allow would win");
        assertFalse(aces.subList(1, aces.size()).stream().anyMatch(a -> a.type().equals("D")));
        assertTrue(PipeSecurity.sddl().startsWith("O:SYG:SY"), "owned by SYSTEM, not by whoever is Administrators");
    }
}
