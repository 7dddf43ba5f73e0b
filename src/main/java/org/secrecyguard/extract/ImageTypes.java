package org.secrecyguard.extract;

/** Recognises picture formats by their leading bytes (never by file name). */
final class ImageTypes {
    private ImageTypes() {
    }

    /** "image/png", "image/jpeg", … for raster pictures OCR can read, else null. */
    static String rasterType(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return "image/png";
        }
        if (starts(b, 0xff, 0xd8, 0xff)) {
            return "image/jpeg";
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (starts(b, 'B', 'M') && b.length > 26 && b[14] != 0 && (b[15] == 0)) {
            return "image/bmp";
        }
        if (starts(b, 'I', 'I', 0x2a, 0x00) || starts(b, 'M', 'M', 0x00, 0x2a)) {
            return "image/tiff";
        }
        if (starts(b, 'R', 'I', 'F', 'F') && b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    /** A short name of a picture format OCR cannot read, for notes ("emf", "wmf", "unknown"). */
    static String describe(byte[] b) {
        if (starts(b, 0x01, 0x00, 0x00, 0x00) && b.length > 44 && b[40] == ' ' && b[41] == 'E' && b[42] == 'M'
                && b[43] == 'F') {
            return "emf";
        }
        if (starts(b, 0xd7, 0xcd, 0xc6, 0x9a) || starts(b, 0x01, 0x00, 0x09, 0x00) || starts(b, 0x02, 0x00, 0x09, 0x00)) {
            return "wmf";
        }
        if (starts(b, 0x97, 'J', 'B', '2', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return "jbig2";
        }
        if (starts(b, 0x1f, 0x8b)) {
            return "compressed (emz/wmz)";
        }
        return "unknown";
    }

    static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
