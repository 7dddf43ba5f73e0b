package org.secrecyguard.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.secrecyguard.platform.PeerConnection;
import org.secrecyguard.platform.PeerIdentity;
import org.secrecyguard.testing.Await;

/** The service's pipe: who a client is comes from the OS's answers, and handles are never misused. */
class NamedPipeServerTest {
    static final String NAME = PipeName.DEFAULT;
    static final String ALICE_SID = "S-1-5-21-1004336348-1177238915-682003330-1001";

    final FakePipeApi os = new FakePipeApi();

    @Test
    void identifiesTheClientByItsProcessToken() throws Exception {
        os.process(4242, 2, ALICE_SID, "CORP\\alice").nextClient(4242, 2);
        try (NamedPipeServer server = NamedPipeServer.open(os, NAME)) {
            os.openClient(NAME, PipeSecurity.CLIENT_ACCESS);
            PeerConnection c = server.accept();
            assertEquals(new PeerIdentity("CORP\\alice", 2, 4242), c.peer());
            c.close();
        }
        assertEquals(List.of(), os.violations());
    }

    @Test
    void aTokenUserWithoutAnAccountNameIsKnownByItsSid() {
        assertEquals("S-1-5-21-9-1105", NamedPipeServer.peerOf(7, 1, new PipeApi.TokenUser("S-1-5-21-9-1105", null))
                .user());
        assertEquals("S-1-5-21-9-1105", NamedPipeServer.peerOf(7, 1, new PipeApi.TokenUser("S-1-5-21-9-1105", " "))
                .user());
        assertEquals("CORP\\bob", NamedPipeServer.peerOf(7, 1, new PipeApi.TokenUser("S-1-5-21-9-1105", "CORP\\bob"))
                .user());
        assertEquals(4_294_967_294L, NamedPipeServer.peerOf(-2, 1, new PipeApi.TokenUser("S-1-5-18", "NT AUTHORITY\\SYSTEM"))
                .pid(), "a DWORD process id above 2^31 stays positive");
        assertThrows(IllegalArgumentException.class, () -> NamedPipeServer.peerOf(7, 1, new PipeApi.TokenUser("", null)));
    }

    @Test
    void refusesAClientWhoseTokenCannotBeReadAndServesTheNext() throws Exception {
        os.sessions.put(100, 1); // a process whose token OpenProcess cannot reach
        os.nextClient(100, 1);
        try (NamedPipeServer server = NamedPipeServer.open(os, NAME)) {
            os.openClient(NAME, PipeSecurity.CLIENT_ACCESS);
            long refused = os.serverHandles().get(0);
            IOException e = assertThrows(IOException.class, server::accept);
            assertTrue(e.getMessage().contains("OpenProcess failed"), e.getMessage());
            assertEquals(1, os.closes(refused), "the unknown client is disconnected");
            assertTrue(server.isOpen());

            os.process(200, 1, ALICE_SID, "CORP\\alice").nextClient(200, 1);
            os.openClient(NAME, PipeSecurity.CLIENT_ACCESS);
            assertEquals("CORP\\alice", server.accept().peer().user());
        }
        assertEquals(List.of(), os.violations());
    }

    @Test
    void refusesAClientWhenItsProcessIdNowNamesAProcessInAnotherSession() throws Exception {
        os.process(300, 3, ALICE_SID, "CORP\\carol").nextClient(300, 1); // the pipe's client was in session 1
        try (NamedPipeServer server = NamedPipeServer.open(os, NAME)) {
            os.openClient(NAME, PipeSecurity.CLIENT_ACCESS);
            IOException e = assertThrows(IOException.class, server::accept);
            assertTrue(e.getMessage().contains("session 1"), e.getMessage());
            assertFalse(os.calls().contains("OpenProcess 300"), "no token is read for a reused process id");
        }
    }

    @Test
    void doesNotStartWhenAnotherProcessHoldsTheName() {
        os.takenNames.add(NAME);
        IOException e = assertThrows(IOException.class, () -> NamedPipeServer.open(os, NAME));
        assertTrue(e.getMessage().contains("held by another process"), e.getMessage());
        assertEquals(List.of("CreateNamedPipeW " + NAME + " first"), os.calls());
    }

    @Test
    void claimsTheNameOnceAndKeepsAFreeInstanceBeforeLookingAtAClient() throws Exception {
        os.process(4242, 2, ALICE_SID, "CORP\\alice").nextClient(4242, 2);
        try (NamedPipeServer server = NamedPipeServer.open(os, NAME)) {
            os.openClient(NAME, PipeSecurity.CLIENT_ACCESS);
            server.accept();
            List<String> calls = os.calls();
            assertEquals(1, calls.stream().filter(c -> c.endsWith(" first")).count());
            int next = calls.indexOf("CreateNamedPipeW " + NAME);
            int identify = indexOfPrefix(calls, "GetNamedPipeClientProcessId");
            assertTrue(next >= 0 && next < identify, "the next instance exists before the client is identified: "
                    + calls);
            assertEquals(2, os.openServerInstances());
            os.nextClient(4242, 2).openClient(NAME, PipeSecurity.CLIENT_ACCESS); // not ERROR_PIPE_BUSY
        }
    }

    @Test
    void aFailedWaitClosesThatInstanceAndTheNextAcceptMakesAnother() throws Exception {
        os.process(4242, 2, ALICE_SID, "CORP\\alice").nextClient(4242, 2);
        os.failOnce.put("ConnectNamedPipe", PipeCallException.ERROR_NO_DATA);
        try (NamedPipeServer server = NamedPipeServer.open(os, NAME)) {
            PipeCallException e = assertThrows(PipeCallException.class, server::accept);
            assertEquals("ConnectNamedPipe", e.call());
            assertEquals(0, os.openServerInstances());
            assertTrue(server.isOpen());
            CompletableFuture<PeerConnection> next = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.accept();
                } catch (IOException io) {
                    throw new IllegalStateException(io);
                }
            });
            Await.until(() -> os.openServerInstances() == 1, "a fresh instance");
            os.openClient(NAME, PipeSecurity.CLIENT_ACCESS);
            assertEquals("CORP\\alice", next.get(5, TimeUnit.SECONDS).peer().user());
        }
        assertEquals(List.of(), os.violations());
    }

    @Test
    void aClientWhoseProcessIdCannotBeReadIsRefused() throws Exception {
        os.process(4242, 2, ALICE_SID, "CORP\\alice").nextClient(4242, 2);
        os.failOnce.put("GetNamedPipeClientProcessId", PipeCallException.ERROR_PIPE_NOT_CONNECTED);
        try (NamedPipeServer server = NamedPipeServer.open(os, NAME)) {
            os.openClient(NAME, PipeSecurity.CLIENT_ACCESS);
            IOException e = assertThrows(IOException.class, server::accept);
            assertTrue(e.getMessage().contains("GetNamedPipeClientProcessId failed: error 233"), e.getMessage());
            assertFalse(os.calls().stream().anyMatch(c -> c.startsWith("OpenProcess")));
            assertEquals(1, os.closes(os.serverHandles().get(0)));
        }
    }

    @Test
    void whenTheNextInstanceCannotBeMadeTheClientIsStillServedAndTheNextAcceptTriesAgain() throws Exception {
        os.process(4242, 2, ALICE_SID, "CORP\\alice").nextClient(4242, 2);
        try (NamedPipeServer server = NamedPipeServer.open(os, NAME)) {
            os.failOnce.put("CreateNamedPipeW", 1450); // ERROR_NO_SYSTEM_RESOURCES
            os.openClient(NAME, PipeSecurity.CLIENT_ACCESS);
            assertEquals("CORP\\alice", server.accept().peer().user());
            assertEquals(1, os.openServerInstances(), "only the served one");

            CompletableFuture<PeerConnection> next = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.accept();
                } catch (IOException io) {
                    throw new IllegalStateException(io);
                }
            });
            Await.until(() -> os.openServerInstances() == 2, "the next accept made the missing instance");
            os.openClient(NAME, PipeSecurity.CLIENT_ACCESS);
            assertEquals("CORP\\alice", next.get(5, TimeUnit.SECONDS).peer().user());
        }
        assertEquals(List.of(), os.violations());
    }

    @Test
    void closeEndsAWaitingAcceptAndClosesItsInstanceOnceNoCallUsesIt() throws Exception {
        NamedPipeServer server = NamedPipeServer.open(os, NAME);
        CompletableFuture<Throwable> accept = CompletableFuture.supplyAsync(() -> {
            try {
                server.accept();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Await.until(() -> indexOfPrefix(os.calls(), "ConnectNamedPipe") >= 0, "the accept waits");
        long instance = os.serverHandles().get(0);
        server.close();
        assertInstanceOf(IOException.class, accept.get(5, TimeUnit.SECONDS));
        assertFalse(server.isOpen());
        assertEquals(1, os.closes(instance));
        assertEquals(List.of(), os.violations(), "never closed under the waiting call, never used after");
        server.close();
        assertEquals(1, os.closes(instance), "closing twice closes once");
    }

    private static int indexOfPrefix(List<String> calls, String prefix) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
