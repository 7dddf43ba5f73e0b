package org.secrecyguard.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdminPinTest {
    @Test
    void theRightPinMatchesItsHashAndOthersDoNot() {
        String stored = AdminPin.hash("246813".toCharArray());
        assertTrue(stored.startsWith("pbkdf2-sha256:210000:"), stored);
        assertTrue(AdminPin.verify("246813".toCharArray(), stored));
        assertFalse(AdminPin.verify("246814".toCharArray(), stored));
        assertFalse(AdminPin.verify("".toCharArray(), stored));
    }

    @Test
    void theSamePinHashesDifferentlyEachTime() {
        assertNotEquals(AdminPin.hash("246813".toCharArray()), AdminPin.hash("246813".toCharArray()));
    }

    @Test
    void theHashDoesNotContainThePin() {
        assertFalse(AdminPin.hash("secret-admin-pin".toCharArray()).contains("secret-admin-pin"));
    }

    @Test
    void missingOrBrokenStoredValuesNeverVerify() {
        assertFalse(AdminPin.verify("246813".toCharArray(), ""));
        assertFalse(AdminPin.verify("246813".toCharArray(), null));
        assertFalse(AdminPin.verify("246813".toCharArray(), "246813"));
        assertFalse(AdminPin.verify("246813".toCharArray(), "pbkdf2-sha256:1:AAAA:AAAA"), "too few iterations");
        assertFalse(AdminPin.verify("246813".toCharArray(), "pbkdf2-sha256:x:%%%:!!"));
        assertFalse(AdminPin.isWellFormed(""));
    }

    @Test
    void shortPinsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AdminPin.hash("123".toCharArray()));
    }
}
