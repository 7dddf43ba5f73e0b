package org.secrecyguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules over HTTPS from a server whose self-signed certificate is generated here with the JDK's keytool;
 * the agent trusts exactly that certificate (as a unit with its own CA would configure it).
 */
class RuleUpdaterHttpsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    @Test
    void appliesABundleFromAnHttpsServerItTrustsAndRefusesOneItDoesNot() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1")
                .redirectErrorStream(true).start();
        String keytoolOutput = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, keytoolOutput);

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);

        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("rules-server", ks.getCertificate("server"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);

        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        TestBundles bundles = new TestBundles(Files.createDirectories(dir.resolve("authoring")));
        ActiveRules<java.util.Optional<RuleSnapshot>> active = ActiveRules.ofSnapshots();
        RuleUpdaterTest.RecordingListener listener = new RuleUpdaterTest.RecordingListener();
        try (TestBundleServer server = new TestBundleServer(https)) {
            server.publish(bundles.signed(1));
            HttpSource trusted = new HttpSource(server.uri("https"), Duration.ofSeconds(5), Duration.ofSeconds(10), clientTls);
            try (RuleUpdater u = RuleUpdater.builder().source(trusted).publicKey(TestBundles.KEYS.getPublic())
                    .rulesDir(dir.resolve("agent")).activeRules(active).listener(listener).build()) {
                assertEquals(RuleUpdater.Status.APPLIED, u.checkNow().status());
                assertEquals(1, active.version());
                assertEquals(RuleUpdater.Status.UP_TO_DATE, u.checkNow().status());
                assertEquals(1, server.notModified.get());
            }
            // The JDK's default trust store does not know this certificate: the connection is refused.
            HttpSource untrusted = new HttpSource(server.uri("https"), Duration.ofSeconds(5), Duration.ofSeconds(10), null);
            server.publish(bundles.signed(2));
            try (RuleUpdater u = RuleUpdater.builder().source(untrusted).publicKey(TestBundles.KEYS.getPublic())
                    .rulesDir(dir.resolve("agent")).activeRules(active).listener(listener).build()) {
                RuleUpdater.Outcome o = u.checkNow();
                assertEquals(RejectReason.SOURCE_UNAVAILABLE, o.reason(), o.message());
                assertEquals(1, active.version());
            }
            assertEquals(List.of(RejectReason.SOURCE_UNAVAILABLE),
                    listener.rejected.stream().map(UpdateListener.Rejected::reason).toList());
        }
    }
}
