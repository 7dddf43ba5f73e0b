package org.secrecyguard.events;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Generates a collector key pair for 127.0.0.1 and a trust store holding its certificate, with the
 * JDK's keytool (so the test shows exactly how an installation would make them).
 */
final class TestCertificates {
    static final char[] PASSWORD = "changeit-test".toCharArray();

    final Path keyStore;
    final Path trustStore;

    private TestCertificates(Path keyStore, Path trustStore) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
    }

    static TestCertificates generate(Path dir) throws IOException, InterruptedException {
        Path ks = dir.resolve("collector.p12");
        Path cert = dir.resolve("collector.crt");
        Path ts = dir.resolve("trust.p12");
        String pw = new String(PASSWORD);
        keytool("-genkeypair", "-alias", "collector", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1, O=SecrecyGuard test", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", pw, "-keypass", pw);
        keytool("-exportcert", "-alias", "collector", "-keystore", ks.toString(), "-storepass", pw,
                "-rfc", "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "collector", "-file", cert.toString(),
                "-storetype", "PKCS12", "-keystore", ts.toString(), "-storepass", pw);
        return new TestCertificates(ks, ts);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> cmd = new java.util.ArrayList<>(List.of(keytool.toString(), "-J-XX:TieredStopAtLevel=1"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + new String(out));
        }
    }
}
