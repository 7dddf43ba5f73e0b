package org.secrecyguard.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secrecyguard.platform.PickerSelection;

/** The picker logic on recorded WinEvent traces and window trees (see the fixtures' "_source"). */
class PickerEventsTest {
    private static final Path HOME = Path.of("/home/zhang");

    private static List<PickerSelection> replay(String trace) {
        return RecordedPickerTrace.load(trace, RecordedPickerTrace.windowsHomeAt(HOME)).replayCollecting();
    }

    @Test
    void readsTheClickedFileInTheChineseDialogAtSelectionAndAtItsEnd() {
        List<PickerSelection> s = replay("trace-weixin-pick-one.json");
        assertEquals(3, s.size(), "the half-typed name, the file, the end: " + s);
        Path file = HOME.resolve("Documents/通知.docx");
        assertEquals(List.of(HOME.resolve("Documents/通")), s.get(0).chosen());
        assertEquals(PickerSelection.Phase.SELECTION, s.get(1).phase());
        assertEquals(List.of(file), s.get(1).chosen());
        assertEquals(PickerSelection.Phase.DIALOG_END, s.get(2).phase());
        assertEquals(List.of(file), s.get(2).chosen());
        assertEquals("C:\\Program Files\\Tencent\\Weixin\\Weixin.exe", s.get(2).executable());
        assertEquals(4242, s.get(2).pid());
        assertEquals(0x000A0B2CL, s.get(2).dialog());
    }

    @Test
    void readsEveryQuotedNameOfAMultipleSelectionUnderAnEnglishAddressBand() {
        List<PickerSelection> s = replay("trace-chrome-multi-select-en.json");
        assertEquals(List.of(HOME.resolve("Documents/通知.docx"), HOME.resolve("Documents/附件一.docx")),
                s.get(0).chosen());
        assertEquals(PickerSelection.Phase.DIALOG_END, s.get(s.size() - 1).phase());
    }

    @Test
    void resolvesRelativeNamesAgainstAKnownFolderTakesAbsoluteOnesAsTheyAreAndKeepsNamesWithoutAFolder() {
        List<PickerSelection> s = replay("trace-desktop-typed-names.json");
        assertEquals(List.of(HOME.resolve("Desktop/材料/报告.docx")), s.get(0).chosen());
        assertEquals(List.of(HOME.resolve("other/D/存档/旧报告.docx")), s.get(1).chosen());
        // "此电脑" is no file-system folder: the relative name cannot be placed, and says so
        assertEquals(List.of(), s.get(2).chosen());
        assertEquals(List.of("说明.txt"), s.get(2).unresolved());
    }

    @Test
    void aMessageBoxOfTheSameClassIsNoFileDialog() {
        assertEquals(List.of(), replay("trace-weixin-message-box.json"));
    }

    @Test
    void forgetsADialogOnceItEnded() {
        RecordedPickerTrace t = RecordedPickerTrace.load("trace-weixin-pick-one.json",
                RecordedPickerTrace.windowsHomeAt(HOME));
        PickerEvents events = new PickerEvents(t, new FileDialogReader(Map.of()), Path::of, x -> { });
        events.accept(new WinEvent(WinEvent.EVENT_OBJECT_SHOW, 0x000A0B2CL, 0, 4242));
        assertEquals(1, events.followedCount());
        events.accept(new WinEvent(WinEvent.EVENT_SYSTEM_DIALOGEND, 0x000A0B2CL, 0, 4242));
        assertEquals(0, events.followedCount());
    }

    @Test
    void addressBandTextInChineseAndEnglish() {
        assertEquals(Optional.of("C:\\Users\\张三\\Documents"),
                AddressBandText.folderOf("地址: C:\\Users\\张三\\Documents", Map.of()));
        assertEquals(Optional.of("D:\\公文"), AddressBandText.folderOf("Address: D:\\公文", Map.of()));
        assertEquals(Optional.of("\\\\fileserver\\共享"), AddressBandText.folderOf("地址：\\\\fileserver\\共享", Map.of()));
        assertEquals(Optional.empty(), AddressBandText.folderOf("地址: 此电脑", Map.of()));
        assertEquals(Optional.empty(), AddressBandText.folderOf("C:\\Users", Map.of()), "no label: not an address");
        assertTrue(AddressBandText.isAddress("位址: C:\\"));
    }

    @Test
    void quotedNamesAndNamesWithSpaces() {
        assertEquals(List.of("工作 总结.docx"), FileNameList.parse("工作 总结.docx"));
        assertEquals(List.of("a b.docx", "c.xlsx"), FileNameList.parse("\"a b.docx\" \"c.xlsx\""));
        assertEquals(List.of("a.docx", "b.docx"), FileNameList.parse("\"a.docx\" b.docx"));
        assertEquals(List.of("半"), FileNameList.parse("\"半"));
        assertEquals(List.of(), FileNameList.parse("  "));
    }
}
