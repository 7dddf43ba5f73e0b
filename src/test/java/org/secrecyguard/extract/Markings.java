package org.secrecyguard.extract;

/**
 * The GB/T 9704 header lines and one distinct marking per position, so that a test can tell from the
 * text which position a segment came from.
 */
final class Markings {
    static final String COPY_NUMBER = "000123";
    static final String FIRST_LINE_MARK = "机密★1年";
    static final String URGENCY = "特急";
    static final String ISSUER = "某某市人民政府办公室文件";
    static final String DOC_NUMBER = "某政办发〔2026〕17号";
    static final String TITLE = "关于印发2026年重点工作安排的通知";
    static final String PROSE = "各区人民政府，市政府各部门：现将有关事项通知如下，请认真贯彻执行。";
    static final String HEADER_MARK = "秘密★2年";
    static final String FOOTER_MARK = "内部资料 注意保存";
    static final String CELL_MARK = "绝密★长期";
    static final String TEXT_BOX_MARK = "机密★6个月";
    static final String FOOTNOTE_MARK = "工作秘密★1年";
    static final String COMMENT_MARK = "绝密★启用前";
    static final String SPLIT_MARK = "机密★3个月";
    static final String NOTES_MARK = "秘密★6个月";

    /** The first lines of a GB/T 9704 document, one per line. */
    static final String[] HEAD_LINES = {COPY_NUMBER, FIRST_LINE_MARK, URGENCY, ISSUER, DOC_NUMBER, TITLE, PROSE};

    private Markings() {
    }
}
