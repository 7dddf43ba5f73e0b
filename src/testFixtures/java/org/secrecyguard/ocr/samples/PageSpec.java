package org.secrecyguard.ocr.samples;

import java.util.List;

/**
 * What to print on a sample page, in GB/T 9704-2012 order: 份号, 密级★期限, 紧急程度, the red
 * 发文机关标志, 发文字号, red rule, title and body. Null fields are left out; a page with no issuer
 * has no red header.
 *
 * @param copyNumber   six-digit 份号, or null
 * @param marking      密级和保密期限 as printed (e.g. "机密★1年"), or null
 * @param markingRight true for the 1999 layout: the marking stands at the top right
 * @param urgency      "特急" or "加急", or null
 * @param issuer       the red 发文机关标志 (e.g. "××市人民政府文件"), or null for no red header
 * @param docNumber    发文字号 (e.g. "×府发〔2026〕17号"), or null
 * @param title        the title
 * @param body         body paragraphs
 */
public record PageSpec(String copyNumber, String marking, boolean markingRight, String urgency, String issuer,
                       String docNumber, String title, List<String> body) {
    public PageSpec {
        body = List.copyOf(body);
    }
}
