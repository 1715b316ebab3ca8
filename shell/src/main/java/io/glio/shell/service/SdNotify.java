package io.glio.shell.service;

import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * systemd's readiness protocol ({@code Type=notify}, sd_notify(3)): one datagram such as
 * {@code READY=1} to the Unix socket named by {@code $NOTIFY_SOCKET}; nothing when it is unset.
 */
public final class SdNotify {

    private static final Logger LOG = LoggerFactory.getLogger(SdNotify.class);

    private SdNotify() {
    }

    /** Sends {@code state} if systemd listens; a failure is logged (systemd then times the start out). */
    public static void send(Map<String, String> env, String state) {
        String socket = env.get("NOTIFY_SOCKET");
        if (socket == null || socket.isEmpty()) {
            return;
        }
        try {
            ServiceLibc.sendDatagram(socket, state);
        } catch (IOException | RuntimeException e) {
            LOG.warn("sd_notify {} to {} failed: {}", state, socket, e.getMessage());
        }
    }
}
