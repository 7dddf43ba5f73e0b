package org.secrecyguard.selfcheck;

import java.nio.file.attribute.BasicFileAttributes;

/**
 * What the index compares to tell a changed file from an unchanged one without reading it: size,
 * modification time and the file's identity (device and inode on Unix; empty where the OS gives none).
 * A file replaced by another of the same size and time has another inode; a tool that rewrites a file
 * in place and restores its time is not caught, which is the bargain every incremental scanner makes.
 */
public record FileStamp(long size, long mtimeMillis, String fileKey) {
    public FileStamp {
        fileKey = fileKey == null ? "" : fileKey;
    }

    public static FileStamp of(BasicFileAttributes attrs) {
        Object key = attrs.fileKey();
        return new FileStamp(attrs.size(), attrs.lastModifiedTime().toMillis(), key == null ? "" : key.toString());
    }
}
