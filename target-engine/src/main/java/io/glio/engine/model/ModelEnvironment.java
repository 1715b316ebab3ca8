package io.glio.engine.model;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the model takes from the machine: the host name and machine type for generated IQNs,
 * the source of uuid4 values (storage-object serials, WWNs, aliases) and the probe for local
 * files and block devices. Tests pass fixed values; production uses {@link #system()}.
 */
public record ModelEnvironment(String hostname, String machine, Supplier<UUID> uuids,
                               DeviceProbe devices) {

    /** The running machine: {@code gethostname()}, {@code uname -m}, random uuid4s. */
    public static ModelEnvironment system() {
        return new ModelEnvironment(localHostname(), machineName(), UUID::randomUUID,
                DeviceProbe.system());
    }

    UUID randomUuid() {
        return uuids.get();
    }

    private static String localHostname() {
        // gethostname() without a DNS round trip: the kernel's UTS name.
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException ex) {
                return "localhost";
            }
        }
    }

    private static String machineName() {
        String arch = System.getProperty("os.arch", "x86_64");
        // Java reports amd64 where uname says x86_64.
        return "amd64".equals(arch) ? "x86_64" : arch;
    }
}
