package org.secrecyguard.ocr;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the folder with Tesseract's language data, or says in words a user can act on why there is
 * none. Looks, in order, at the configured folder (only there when one is configured), then
 * TESSDATA_PREFIX, the Debian/Ubuntu/UOS/Kylin package folders, and a {@code tessdata} folder next to
 * the installed application (how the Windows installer ships chi_sim with tess4j's bundled DLLs).
 */
final class TessdataLocator {
    static final List<Path> SYSTEM_DIRS = List.of(
            Path.of("/usr/share/tesseract-ocr/5/tessdata"),
            Path.of("/usr/share/tesseract-ocr/4.00/tessdata"),
            Path.of("/usr/share/tessdata"),
            Path.of("/usr/local/share/tessdata"));

    /**
     * Where the data is.
     *
     * @param dir     the folder, or null when not found
     * @param problem null when found, else the user-facing reason ("OCR unavailable: …")
     */
    record Location(Path dir, String problem) {
        boolean found() {
            return dir != null;
        }
    }

    private TessdataLocator() {
    }

    static Location locate(Path configured, String languages, Map<String, String> env) {
        return locate(configured, languages, env, applicationDir());
    }

    static Location locate(Path configured, String languages, Map<String, String> env, Path appDir) {
        List<String> langs = List.of(languages.split("\\+"));
        Set<Path> candidates = new LinkedHashSet<>();
        if (configured != null) {
            candidates.add(configured);
        } else {
            String prefix = env.get("TESSDATA_PREFIX");
            if (prefix != null && !prefix.isBlank()) {
                Path p = Path.of(prefix.trim());
                candidates.add(p);
                candidates.add(p.resolve("tessdata")); // Tesseract 3 meaning: the parent of tessdata
            }
            candidates.addAll(SYSTEM_DIRS);
            if (appDir != null) {
                candidates.add(appDir.resolve("tessdata"));
                if (appDir.getParent() != null) {
                    candidates.add(appDir.getParent().resolve("tessdata"));
                }
            }
        }
        List<String> missingInBest = null;
        for (Path dir : candidates) {
            List<String> missing = new ArrayList<>();
            for (String lang : langs) {
                if (!Files.isReadable(dir.resolve(lang + ".traineddata"))) {
                    missing.add(lang);
                }
            }
            if (missing.isEmpty()) {
                return new Location(dir, null);
            }
            if (missing.size() < langs.size() && missingInBest == null) {
                missingInBest = missing;
            }
        }
        List<String> missing = missingInBest != null ? missingInBest : langs;
        String where = String.join(", ", candidates.stream().map(Path::toString).toList());
        String hint = configured != null
                ? "copy " + missing.get(0) + ".traineddata there or change the OCR data folder setting"
                : "install tesseract-ocr-" + missing.get(0).replace('_', '-')
                        + ", or set TESSDATA_PREFIX to the folder holding " + missing.get(0) + ".traineddata";
        return new Location(null, "OCR unavailable: Tesseract language data " + String.join(", ", missing)
                + " not found in " + where + " (" + hint + ")");
    }

    /** The folder of the running jar (the installed application), or null when unknown. */
    static Path applicationDir() {
        try {
            var source = TessdataLocator.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) ? p.getParent() : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
