package org.secrecyguard.platform.linux;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of {@code /proc/<pid>/mountinfo} (proc(5)) as records. The kernel writes path names as raw
 * bytes with space, tab, newline and backslash escaped as three octal digits ({@code \040}); names are
 * decoded as UTF-8, which is what UOS, Kylin and Ubuntu use for user and volume names.
 */
final class MountInfo {
    /**
     * One mounted file system.
     *
     * @param root       the directory of the file system that is mounted ("/" unless a bind mount)
     * @param mountPoint where it is mounted
     * @param fsType     the file system type, e.g. "vfat"
     * @param source     the mount source, e.g. "/dev/sdb1", or "tmpfs" for pseudo file systems
     */
    record Mount(String root, String mountPoint, String fsType, String source) {
    }

    private MountInfo() {
    }

    /** Parses the whole file, given as bytes read verbatim; malformed lines are skipped. */
    static List<Mount> parse(byte[] content) {
        // ISO-8859-1 maps every byte to one char, so escapes can be undone byte-exactly before UTF-8 decoding.
        String text = new String(content, StandardCharsets.ISO_8859_1);
        List<Mount> mounts = new ArrayList<>();
        for (String line : text.split("\n")) {
            Mount mount = parseLine(line);
            if (mount != null) {
                mounts.add(mount);
            }
        }
        return mounts;
    }

    /** One line, or null when it is not a well-formed mountinfo line. */
    static Mount parseLine(String line) {
        String[] f = line.split(" ");
        // id parent major:minor root mountpoint options [optional fields...] - fstype source superoptions
        if (f.length < 10) {
            return null;
        }
        int separator = -1;
        for (int i = 6; i < f.length; i++) {
            if (f[i].equals("-")) {
                separator = i;
                break;
            }
        }
        if (separator < 0 || separator + 2 >= f.length) {
            return null;
        }
        return new Mount(unescape(f[3]), unescape(f[4]), unescape(f[separator + 1]), unescape(f[separator + 2]));
    }

    /** Undoes the kernel's octal escapes on a field holding one byte per char, and decodes UTF-8. */
    static String unescape(String field) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                bytes.write(Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                bytes.write(c & 0xFF);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }
}
