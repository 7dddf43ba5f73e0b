package org.secrecyguard.extract;

/** Text helpers shared by the spreadsheet extractors. */
final class SheetText {
    private SheetText() {
    }

    /**
     * A sheet header/footer definition without its formatting codes: "&L&\"宋体,常规\"机密★1年&C第&P页"
     * becomes "机密★1年\n第页". The left, centre and right sections go on lines of their own.
     */
    static String stripHeaderFooter(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '&' || i + 1 >= s.length()) {
                sb.append(c);
                i++;
                continue;
            }
            char code = s.charAt(i + 1);
            if (code == '&') {
                sb.append('&');
                i += 2;
            } else if (code == '"') {
                int end = s.indexOf('"', i + 2);
                i = end < 0 ? s.length() : end + 1;
            } else if (Character.isDigit(code)) {
                i += 2;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
            } else if (code == 'K' || code == 'k') {
                i += 2;
                int n = 0;
                while (i < s.length() && n < 6 && (Character.digit(s.charAt(i), 16) >= 0 || s.charAt(i) == '+' || s.charAt(i) == '-')) {
                    i++;
                    n++;
                }
            } else if (code == 'L' || code == 'C' || code == 'R') {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                    sb.append('\n');
                }
                i += 2;
            } else {
                i += 2; // &P &N &D &T &F &A &Z &G &B &I &U &E &S &X &Y &O &H
            }
        }
        return sb.toString();
    }

    /** "sheet 预算!B4". */
    static String cellWhere(String sheet, String ref) {
        return "sheet " + sheet + "!" + ref;
    }
}
