package org.secrecyguard.engine.marking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;

/** Markings people put into file names, and titles that merely contain a level word. */
class FileNameMarkingTest {

    private static List<Finding> name(String fileName) {
        return Scan.findings(new Segment(fileName, SegmentKind.FILE_NAME, "file name"));
    }

    @ParameterizedTest(name = "flagsFileName {0}")
    @CsvSource(delimiter = '|', value = {
        "（机密）关于召开专题会议的通知.docx | SECRET       | 机密",
        "【秘密】xx.pdf                      | CONFIDENTIAL | 秘密",
        "秘密★1年_材料.txt                   | CONFIDENTIAL | 秘密★1年",
        "机密-会议纪要.doc                   | SECRET       | 机密",
        "绝密_xxx                            | TOP_SECRET   | 绝密",
        "会议纪要(机密).doc                  | SECRET       | 机密",
        "会议纪要_机密.doc                   | SECRET       | 机密",
        "[绝密]方案.pptx                     | TOP_SECRET   | 绝密",
        "機密 會議紀要.doc                   | SECRET       | 机密",
        "D:\\公文\\2026\\机密-会议纪要.doc    | SECRET       | 机密",
        "/home/user/下载/秘密＊6个月 汇报.wps | CONFIDENTIAL | 秘密★6个月",
        "2026年工作要点（秘密★1年）.pdf     | CONFIDENTIAL | 秘密★1年",
        "机密.docx                           | SECRET       | 机密",
        "机密1年_会议材料.doc                | SECRET       | 机密★1年",
        "会议纪要（机密）.docx                | SECRET       | 机密",
        "工作秘密-人员名单.xlsx              | WORK_SECRET  | 工作秘密",
        "【内部】通讯录.xlsx                 | INTERNAL     | 内部",
        "内部资料-2026年汇编.pdf             | INTERNAL     | 内部资料"})
    void flagsFileName(String fileName, Level level, String evidence) {
        Finding f = Scan.single(name(fileName.strip()));
        assertEquals(DetectorType.FILENAME, f.detector());
        assertEquals("marking.filename", f.rule());
        assertEquals(level, f.level());
        assertEquals(evidence, f.evidence());
        assertEquals("file name", f.where());
    }

    @Test
    void findsTheMarkingInTheNameAtTheEndOfAVeryLongPath() {
        String path = "D:\\" + "很长的目录名\\".repeat(400) + "机密-会议纪要.doc";
        assertEquals(Level.SECRET, Scan.level(name(path)));
    }

    @ParameterizedTest(name = "allowsFileName {0}")
    @ValueSource(strings = {
        "商业机密保护办法.docx",
        "秘密花园.pdf",
        "《秘密》读后感.docx",
        "“绝密”档案展观后感.docx",
        "机密级文件清单模板.xlsx",
        "内部审计报告.docx",
        "内部控制手册.pdf",
        "秘密.txt",
        "关于加强秘密载体管理的通知.doc",
        "工作秘密管理办法.docx",
        "小秘密.jpg",
        "绝密行动（电影）.mp4",
        "机密大会.ppt",
        "涉密人员保密承诺书.docx"})
    void allowsFileNamesThatOnlyContainALevelWord(String fileName) {
        assertTrue(name(fileName).isEmpty(), () -> fileName + " → " + name(fileName));
    }
}
