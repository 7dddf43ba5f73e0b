package org.secrecyguard.engine.image;

/**
 * Where the page is in a picture.
 *
 * @param bounds   the page's bounding box (the whole picture when no page stands out)
 * @param detected true when a distinct page was found inside a larger picture
 * @param mask     for a detected page, which pixels of the analysed picture belong to it (a tilted
 *                 page leaves desk in the corners of its bounding box); null when not detected
 */
public record PageRegion(Region bounds, boolean detected, PageMask mask) {
    /** The whole picture as the page. */
    public static PageRegion whole(int width, int height) {
        return new PageRegion(new Region(0, 0, width, height), false, null);
    }
}
