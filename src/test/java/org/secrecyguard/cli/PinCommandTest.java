package org.secrecyguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.secrecyguard.policy.AdminPin;

/** IT turns the chosen admin PIN into the configuration line; only the hash is printed. */
class PinCommandTest {
    @Test
    void printsAConfigurationLineThatVerifiesThePin() {
        StringWriter out = new StringWriter();
        int status = run("246813\n", out);
        assertEquals(ExitCodes.OK, status);
        String line = out.toString().strip();
        assertTrue(line.startsWith("admin.pin.hash=pbkdf2-sha256:"), line);
        assertTrue(AdminPin.verify("246813".toCharArray(), line.substring("admin.pin.hash=".length())));
        assertTrue(!line.contains("246813"));
    }

    @Test
    void refusesAShortPin() {
        assertEquals(ExitCodes.ERROR, run("123\n", new StringWriter()));
    }

    private static int run(String stdin, StringWriter out) {
        InputStream before = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            return SecrecyGuardCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                    .execute("pin-hash");
        } finally {
            System.setIn(before);
        }
    }
}
