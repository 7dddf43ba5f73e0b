package org.secrecyguard.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A bundle file in a folder, typically a share on the unit's LAN that IT publishes to with
 * {@code rules bundle --out \\server\share\secrecy-guard-rules.zip}. The file's size and modification time
 * serve as its tag, so an unchanged file is not read again. The file is copied locally before it is
 * checked, so that a change on the share during verification cannot slip through.
 */
public final class FolderSource implements BundleSource {
    /** The file name agents look for unless configured otherwise. */
    public static final String DEFAULT_FILE_NAME = "secrecy-guard-rules.zip";

    private final Path file;

    public FolderSource(Path folder, String fileName) {
        this.file = folder.resolve(fileName);
    }

    public FolderSource(Path folder) {
        this(folder, DEFAULT_FILE_NAME);
    }

    @Override
    public FetchResult fetch(String previousTag, Path target, long maxBytes) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new BundleRejectedException(RejectReason.SOURCE_UNAVAILABLE, "no bundle at " + file);
        } catch (IOException e) {
            throw new BundleRejectedException(RejectReason.SOURCE_UNAVAILABLE, "cannot read " + file + ": " + e.getMessage(), e);
        }
        String tag = attrs.size() + "-" + attrs.lastModifiedTime().toMillis();
        if (tag.equals(previousTag)) {
            return FetchResult.unchanged(tag);
        }
        if (attrs.size() > maxBytes) {
            throw new BundleRejectedException(RejectReason.TOO_LARGE,
                    "bundle at " + file + " is " + attrs.size() + " bytes, over the limit of " + maxBytes);
        }
        try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(target)) {
            LimitedCopy.copy(in, out, maxBytes);
        }
        return FetchResult.fetched(tag);
    }

    @Override
    public String describe() {
        return file.toString();
    }
}
