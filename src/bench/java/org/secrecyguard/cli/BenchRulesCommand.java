package org.secrecyguard.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.fingerprint.RegisteredDocument;
import org.secrecyguard.engine.keyword.KeywordRule;
import org.secrecyguard.rules.BundleLimits;
import org.secrecyguard.rules.RuleBundle;
import org.secrecyguard.rules.RuleSnapshot;
import org.secrecyguard.rules.RuleStore;
import org.secrecyguard.rules.SigningKeys;
import org.secrecyguard.rules.VerifiedBundle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench rules}: how long a large rule set takes to load, bundle and verify. Builds a throw-away
 * database of random keyed rules (no real terms) in a temp folder and deletes it afterwards.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Time loading, bundling and verifying a large rule set (random data in a temp folder).")
final class BenchRulesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--docs", defaultValue = "10000", description = "Registered documents (default ${DEFAULT-VALUE}).")
    int docs;

    @Option(names = "--fingerprints", defaultValue = "500", description = "Fingerprints per document (default ${DEFAULT-VALUE}).")
    int fingerprints;

    @Option(names = "--keywords", defaultValue = "5000", description = "Keyword rules (default ${DEFAULT-VALUE}).")
    int keywords;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed loads (default ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("secrecy-guard-bench-");
        try {
            Path db = dir.resolve("rules.db");
            SplittableRandom random = new SplittableRandom(42);
            long t0 = System.nanoTime();
            try (RuleStore store = RuleStore.create(db)) {
                List<RegisteredDocument> list = new ArrayList<>(docs);
                for (int i = 0; i < docs; i++) {
                    long[] f = new long[fingerprints];
                    for (int j = 0; j < f.length; j++) {
                        f[j] = random.nextLong();
                    }
                    list.add(new RegisteredDocument(0, "doc " + i, Level.SECRET, fingerprints * 20, f));
                }
                store.addDocuments(list);
                List<Function<String, KeywordRule>> kws = new ArrayList<>(keywords);
                for (int i = 0; i < keywords; i++) {
                    byte[] digest = new byte[32];
                    random.nextBytes(digest);
                    int len = 2 + random.nextInt(8);
                    long prefilter = random.nextLong();
                    kws.add(id -> new KeywordRule(id, Level.SECRET, len, prefilter, digest));
                }
                store.addKeywords(kws);
            }
            out.printf("built %d documents x %d fingerprints + %d keywords in %d ms; database %.1f MiB%n",
                    docs, fingerprints, keywords, ms(t0), Files.size(db) / 1048576.0);

            long best = Long.MAX_VALUE;
            long total = 0;
            RuleSnapshot s = null;
            for (int r = 0; r < rounds; r++) {
                long t = System.nanoTime();
                try (RuleStore store = RuleStore.open(db)) {
                    s = store.loadSnapshot();
                }
                long took = ms(t);
                best = Math.min(best, took);
                total += took;
            }
            out.printf("open + loadSnapshot: best %d ms, mean %d ms over %d rounds (%d fingerprints)%n",
                    best, total / rounds, rounds, s.fingerprintCount());

            KeyPair keys = SigningKeys.generate();
            Path bundle = dir.resolve("bundle.zip");
            long tb = System.nanoTime();
            try (RuleStore store = RuleStore.open(db)) {
                RuleBundle.create(store, 1, "bench", keys.getPrivate(), bundle);
            }
            out.printf("bundle (VACUUM INTO + hash + sign + write): %d ms, %.1f MiB%n", ms(tb),
                    Files.size(bundle) / 1048576.0);
            long tv = System.nanoTime();
            VerifiedBundle v = RuleBundle.verify(bundle, keys.getPublic(), BundleLimits.DEFAULT,
                    Files.createDirectories(dir.resolve("work")));
            v.discard();
            out.printf("verify (layout + signature + hashes + integrity_check + load): %d ms%n", ms(tv));
            return ExitCodes.OK;
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
