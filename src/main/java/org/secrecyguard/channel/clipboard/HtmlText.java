package org.secrecyguard.channel.clipboard;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text of clipboard HTML with a line break after every block element, because a marking counts
 * only when it stands on a line of its own (GB/T 9704 header), and HTML keeps lines as elements.
 */
final class HtmlText {
    private HtmlText() {
    }

    static String of(String html) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(t.text());
                } else if (node instanceof Element e && e.normalName().equals("br")) {
                    sb.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && (e.isBlock() || e.normalName().equals("td"))
                        && sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                    sb.append('\n');
                }
            }
        }, Jsoup.parse(html).body());
        return sb.toString().strip();
    }
}
