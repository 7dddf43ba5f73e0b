package org.secrecyguard.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content hash is the cache key and the file id in events: SHA-256, the same for file, bytes and text. */
class ContentHashTest {
    @Test
    void isSha256InLowerCaseHex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ContentHash.of("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ContentHash.of(new byte[0]));
    }

    @Test
    void fileBytesAndUtf8TextAgree(@TempDir Path dir) throws IOException {
        String text = "机密★1年\n关于某项工作的通知";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("a.txt"), bytes);
        assertEquals(ContentHash.of(bytes), ContentHash.of(file));
        assertEquals(ContentHash.of(bytes), ContentHash.of(text));
    }

    @Test
    void largeFileIsHashedWholeNotJustItsFirstBuffer(@TempDir Path dir) throws IOException {
        byte[] a = new byte[200 * 1024];
        byte[] b = a.clone();
        b[b.length - 1] = 1;
        assertNotEquals(ContentHash.of(Files.write(dir.resolve("a"), a)), ContentHash.of(Files.write(dir.resolve("b"), b)));
        assertEquals(ContentHash.of(a), ContentHash.of(dir.resolve("a")));
    }

    @Test
    void missingFileIsAnIoException(@TempDir Path dir) {
        assertThrows(IOException.class, () -> ContentHash.of(dir.resolve("gone")));
    }
}
