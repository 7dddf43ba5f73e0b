package org.secrecyguard.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;

/** Shared handling of OOXML packages (docx, xlsx, pptx): safe opening, parts, pictures, embedded objects. */
final class OoxmlPackage {
    private OoxmlPackage() {
    }

    /** Checks the zip for bombs, then opens it with POI (read from memory; close with {@link OPCPackage#revert()}). */
    static OPCPackage open(byte[] bytes, ExtractionContext ctx) throws IOException, ExtractionException, InvalidFormatException {
        ContainerChecks.precheck(bytes, ctx);
        return OPCPackage.open(new ByteArrayInputStream(bytes));
    }

    /** The main document part (transitional or strict), or null. */
    static PackagePart mainPart(OPCPackage pkg) {
        PackageRelationshipCollection rels = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (rels.isEmpty()) {
            rels = pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
        }
        if (rels.isEmpty()) {
            return null;
        }
        return pkg.getPart(rels.getRelationship(0));
    }

    /** Parts related to {@code part} whose relationship type ends with "/" + {@code typeSuffix}. */
    static List<PackagePart> related(PackagePart part, String typeSuffix) throws InvalidFormatException {
        List<PackagePart> found = new ArrayList<>();
        for (PackageRelationship rel : part.getRelationships()) {
            if (rel.getRelationshipType().endsWith("/" + typeSuffix)) {
                PackagePart target = part.getRelatedPart(rel);
                if (target != null && !found.contains(target)) {
                    found.add(target);
                }
            }
        }
        return found;
    }

    static byte[] read(PackagePart part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /**
     * Adds every picture part (word/media, xl/media, ppt/media) as an embedded image, "image 2
     * (word/media/image2.png)", and reads embedded objects (word/embeddings/...) as nested files.
     */
    static void addPicturesAndEmbeddings(OPCPackage pkg, DocumentCollector out)
            throws InvalidFormatException, IOException, ExtractionException {
        List<PackagePart> parts = new ArrayList<>(pkg.getParts());
        parts.sort(Comparator.comparing(p -> p.getPartName().getName(), OoxmlPackage::naturalOrder));
        int n = 0;
        for (PackagePart part : parts) {
            out.context().checkTime();
            String name = part.getPartName().getName().substring(1);
            String type = part.getContentType() == null ? "" : part.getContentType().toLowerCase(Locale.ROOT);
            if (type.startsWith("image/")) {
                n++;
                out.addImage("image " + n + " (" + name + ")", read(part));
            } else if (NestedEntries.isEmbeddingPart(name)) {
                NestedEntries.addEmbedded(name, read(part), out);
            }
        }
    }

    /** "image2.png" before "image10.png". */
    static int naturalOrder(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
