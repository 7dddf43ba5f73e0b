package org.secrecyguard.platform.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secrecyguard.platform.LocalChannel;
import org.secrecyguard.platform.PeerConnection;
import org.secrecyguard.testing.Await;

/** Both ends of a connected pipe: writes pass a pending read, close ends it and frees the handle after it. */
class PipeChannelTest {
    final FakePipeApi os = new FakePipeApi();
    NamedPipeServer server;
    LocalChannel tray;
    PeerConnection service;

    @BeforeEach
    void connect() throws Exception {
        os.process(4242, 1, "S-1-5-21-7-1001", "PC\\alice").nextClient(4242, 1);
        server = NamedPipeServer.open(os, PipeName.DEFAULT);
        tray = new NamedPipeChannels(() -> os).connect(PipeName.DEFAULT);
        service = server.accept();
    }

    @Test
    void writesInBothDirectionsWhileBothEndsHaveAReadPending() throws Exception {
        CompletableFuture<String> trayReads = readAsync(tray, 5);
        CompletableFuture<String> serviceReads = readAsync(service, 5);
        Await.until(() -> os.calls().stream().filter(c -> c.startsWith("ReadFile")).count() == 2, "both reading");
        service.output().write("alert".getBytes(StandardCharsets.UTF_8));
        tray.output().write("hello".getBytes(StandardCharsets.UTF_8));
        assertEquals("alert", trayReads.get(5, TimeUnit.SECONDS));
        assertEquals("hello", serviceReads.get(5, TimeUnit.SECONDS));
    }

    @Test
    void closeEndsABlockedReadAndClosesTheHandleOnceNoCallUsesIt() throws Exception {
        CompletableFuture<String> blocked = readAsync(service, 1);
        Await.until(() -> os.calls().stream().anyMatch(c -> c.startsWith("ReadFile")), "the service reads");
        service.close();
        Throwable t = assertThrowsAsync(blocked);
        assertInstanceOf(IOException.class, t);
        service.close();
        long closes = os.calls().stream().filter(c -> c.startsWith("CloseHandle")).count();
        assertEquals(1, closes, "one handle closed, once: " + os.calls());
        assertEquals(List.of(), os.violations(), "not under the pending read, and nothing used it after");
        IOException after = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> service.output().write(1));
        assertTrue(after.getMessage().contains("closed"));
    }

    @Test
    void theOtherEndGoingAwayIsTheEndOfTheStream() throws Exception {
        tray.close();
        assertEquals(-1, service.input().read());
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> service.output().write("x".getBytes(StandardCharsets.UTF_8)));
        assertInstanceOf(PipeCallException.class, e);
    }

    private static CompletableFuture<String> readAsync(LocalChannel ch, int bytes) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                byte[] b = ch.input().readNBytes(bytes);
                return new String(b, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static Throwable assertThrowsAsync(CompletableFuture<?> f) throws Exception {
        try {
            f.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : e.getCause();
        }
        throw new AssertionError("the read returned instead of failing");
    }
}
