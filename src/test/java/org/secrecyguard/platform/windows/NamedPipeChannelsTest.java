package org.secrecyguard.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.secrecyguard.platform.LocalChannel;
import org.secrecyguard.platform.PeerServer;

/** A tray app's side of the pipe: what it asks of the OS, and which pipes it refuses. */
class NamedPipeChannelsTest {
    final FakePipeApi os = new FakePipeApi();
    final NamedPipeChannels channels = new NamedPipeChannels(() -> os);

    @Test
    void opensThePipeAskingForTheClientAccessOnly() throws Exception {
        try (PeerServer server = channels.listen("")) {
            channels.connect("").close();
        }
        assertTrue(os.calls().contains("CreateFileW " + PipeName.DEFAULT + " 0x00100083"), os.calls().toString());
    }

    @Test
    void refusesAPipeThatIsNotServedFromSessionZero() throws Exception {
        os.serverSession = 1; // a user's process took the name first
        try (PeerServer server = channels.listen(PipeName.DEFAULT)) {
            IOException e = assertThrows(IOException.class, () -> channels.connect(PipeName.DEFAULT));
            assertTrue(e.getMessage().contains("session 1"), e.getMessage());
        }
        assertEquals(1, os.closes(os.clientHandles().get(0)), "the refused pipe's handle is closed");
        assertEquals(List.of(), os.violations());
    }

    @Test
    void saysSoWhenNoServiceListens() {
        IOException e = assertThrows(IOException.class, () -> channels.connect(PipeName.DEFAULT));
        assertTrue(e.getMessage().startsWith("no guard service listens on " + PipeName.DEFAULT), e.getMessage());
    }

    @Test
    void waitsForAFreeInstanceWhenAllAreBusyAndTriesAgain() throws Exception {
        os.failOnce.put("CreateFileW", PipeCallException.ERROR_PIPE_BUSY);
        try (PeerServer server = channels.listen(PipeName.DEFAULT); LocalChannel c = channels.connect(PipeName.DEFAULT)) {
            List<String> calls = os.calls();
            assertEquals(2, calls.stream().filter(x -> x.startsWith("CreateFileW")).count());
            assertTrue(calls.contains("WaitNamedPipeW " + PipeName.DEFAULT));
        }
    }

    @Test
    void anyOtherOpenFailureIsPassedOnWithItsCode() {
        os.takenNames.add(PipeName.DEFAULT);
        os.failOnce.put("CreateFileW", PipeCallException.ERROR_ACCESS_DENIED);
        PipeCallException e = assertThrows(PipeCallException.class, () -> channels.connect(PipeName.DEFAULT));
        assertEquals(PipeCallException.ERROR_ACCESS_DENIED, e.error());
        assertEquals("CreateFileW", e.call());
    }

    @Test
    void aSocketPathSettingListensOnTheDefaultPipe() throws Exception {
        try (PeerServer server = channels.listen("C:\\ProgramData\\SecrecyGuard\\run\\guard.sock")) {
            assertEquals(PipeName.DEFAULT, server.address());
        }
    }
}
