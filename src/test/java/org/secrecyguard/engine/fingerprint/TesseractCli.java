package org.secrecyguard.engine.fingerprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code tesseract} command line (chi_sim, LSTM, one block of text) on an image file. */
final class TesseractCli {
    private TesseractCli() {
    }

    static String ocr(Path image) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of("tesseract", image.toString(), "stdout",
                "-l", "chi_sim", "--oem", "1", "--psm", "6"));
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("tesseract timed out on " + image);
        }
        if (p.exitValue() != 0) {
            throw new IOException("tesseract failed (exit " + p.exitValue() + ") on " + image);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Writes {@code jpeg} to {@code dir/name.jpg} and OCRs it. */
    static String ocr(byte[] jpeg, Path dir, String name) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".jpg");
        Files.write(file, jpeg);
        return ocr(file);
    }
}
