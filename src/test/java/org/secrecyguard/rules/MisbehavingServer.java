package org.secrecyguard.rules;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw socket server on 127.0.0.1 that misbehaves the way broken servers and middleboxes do: it never
 * answers, stalls in the middle of the body, or cuts the connection after part of the body.
 */
final class MisbehavingServer implements AutoCloseable {
    enum Mode { NEVER_ANSWER, STALL_MID_BODY, CUT_MID_BODY }

    private final ServerSocket socket;
    private final List<Socket> clients = new ArrayList<>();
    private final Thread acceptor;

    MisbehavingServer(Mode mode, byte[] body) throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> serve(mode, body), "misbehaving-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/rules.zip");
    }

    private void serve(Mode mode, byte[] body) {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                synchronized (clients) {
                    clients.add(s);
                }
                if (mode == Mode.NEVER_ANSWER) {
                    continue; // read nothing, write nothing, keep the connection open
                }
                s.getInputStream().read(new byte[8192]); // the request (small enough for one read)
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/zip\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, body.length / 2);
                out.flush();
                if (mode == Mode.CUT_MID_BODY) {
                    s.close();
                }
                // STALL_MID_BODY: keep the connection open and send nothing more
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        synchronized (clients) {
            for (Socket s : clients) {
                s.close();
            }
        }
    }
}
