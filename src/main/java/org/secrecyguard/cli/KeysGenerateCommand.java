package org.secrecyguard.cli;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.secrecyguard.rules.SigningKeys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keys generate --out PREFIX}: writes PREFIX.key (private, owner-only) and PREFIX.pub. */
@Command(mixinStandardHelpOptions = true, name = "generate", description = {
        "Generate an Ed25519 key pair: PREFIX.key (PKCS#8 PEM, keep it offline with the secrecy office) and",
        "PREFIX.pub (X.509 PEM, installed on every agent). Existing files are never overwritten."})
final class KeysGenerateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "PREFIX", description = "Path prefix of the two key files.")
    Path prefix;

    @Override
    public Integer call() throws Exception {
        KeyPair pair = SigningKeys.generate();
        List<Path> files = SigningKeys.write(pair, prefix);
        String fingerprint = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded()));
        var out = spec.commandLine().getOut();
        out.println("private key: " + files.get(0) + " (owner-only where the file system allows; keep it offline)");
        out.println("public key:  " + files.get(1) + " (install this on every agent)");
        out.println("public key SHA-256: " + fingerprint);
        return ExitCodes.OK;
    }
}
