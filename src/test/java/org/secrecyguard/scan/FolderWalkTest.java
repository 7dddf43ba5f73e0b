package org.secrecyguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One walker, one set of limits for copied folders, plugged-in drives and the check-a-file window. */
class FolderWalkTest {
    @TempDir
    Path dir;

    @Test
    void walksFoldersAndKeepsFilesInAStableOrderSkippingSystemFolders() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("材料/二级"));
        Files.writeString(dir.resolve("材料/b.txt"), "b");
        Files.writeString(folder.resolve("a.txt"), "a");
        Files.createDirectories(dir.resolve("材料/System Volume Information"));
        Files.writeString(dir.resolve("材料/System Volume Information/x.txt"), "x");
        Path single = Files.writeString(dir.resolve("单个.txt"), "c");
        FolderWalk.Listing l = FolderWalk.of(List.of(dir.resolve("材料"), single));
        assertEquals(List.of(dir.resolve("材料/b.txt"), folder.resolve("a.txt"), single), l.files());
        assertFalse(l.truncated());
        assertEquals("", l.note());
    }

    @Test
    void saysWhenItStoppedAtTheLimit() throws IOException {
        for (int i = 0; i <= FolderWalk.MAX_FILES; i++) {
            Files.writeString(dir.resolve(String.format("f%05d.txt", i)), "");
        }
        FolderWalk.Listing l = FolderWalk.of(List.of(dir));
        assertEquals(FolderWalk.MAX_FILES, l.files().size());
        assertTrue(l.truncated());
        assertTrue(l.note().contains("rest not checked"), l.note());
    }

    @Test
    void aDriveIsWalkedNewestFirst() throws IOException {
        Path old = Files.writeString(dir.resolve("old.txt"), "");
        Path recent = Files.writeString(Files.createDirectories(dir.resolve("新")).resolve("recent.txt"), "");
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Files.setLastModifiedTime(recent, FileTime.from(Instant.parse("2026-12-01T00:00:00Z")));
        assertEquals(List.of(recent, old), FolderWalk.newestFirst(dir).files());
    }

    @Test
    void aFolderThatVanishedIsReportedNotThrown() {
        FolderWalk.Listing l = FolderWalk.newestFirst(dir.resolve("拔掉了"));
        assertTrue(l.files().isEmpty());
        assertTrue(l.unreadable());
    }
}
