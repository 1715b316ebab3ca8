package io.glio.engine.runtime;

import io.glio.saveconfig.SaveConfigWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * This gateway's stable id in the registries of shared LUs: a uuid kept in
 * {@code $TARGETCLI_HOME/gateway-id} (default {@code ~/.targetcli}), made on first use.
 *
 * <p>Persisted rather than derived from the host name and config path: it survives a renamed
 * host or a moved configuration, and two gateways on one machine (the tests, a second
 * instance) differ by their TARGETCLI_HOME as they already must.
 */
public final class GatewayIdentity {

    static final String FILE = "gateway-id";

    private GatewayIdentity() {
    }

    /** The id of the gateway whose preferences live in {@code home}; creates it when missing. */
    public static String load(Path home) {
        Path file = home.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            Files.createDirectories(home);
            String id = UUID.randomUUID().toString();
            SaveConfigWriter.writePrivately(file, (id + "\n").getBytes(StandardCharsets.US_ASCII));
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the gateway id " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code TARGETCLI_HOME}, else {@code ~/.targetcli}, as the shell resolves it. */
    public static Path defaultHome() {
        String home = System.getenv("TARGETCLI_HOME");
        return home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".targetcli") : Path.of(home);
    }
}
