package org.secrecyguard.onaccess;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What a program file is by its bytes, not its name: the size and a SHA-256 of its first and last
 * 64 KiB. Renaming or copying a chat client's binary keeps it; a different program (even one built
 * from the same sources with another size) does not share it. Reading 128 KiB instead of the whole
 * file keeps the cost to a fraction of a millisecond, paid once per program file.
 */
record ExecutableIdentity(long size, String digest) {
    static final int EDGE = 64 * 1024;

    static Optional<ExecutableIdentity> of(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size <= 0) {
                return Optional.empty();
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            digest(ch, 0, (int) Math.min(EDGE, size), sha);
            if (size > EDGE) {
                long tail = Math.max(EDGE, size - EDGE);
                digest(ch, tail, (int) (size - tail), sha);
            }
            return Optional.of(new ExecutableIdentity(size, HexFormat.of().formatHex(sha.digest())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone, unreadable or not a regular file: no identity, judged by path only
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void digest(FileChannel ch, long position, int length, MessageDigest sha) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) {
                break;
            }
        }
        buf.flip();
        sha.update(buf);
    }
}
