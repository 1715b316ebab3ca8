package io.glio.gfapi;

/**
 * Two connections to the test volume, as two gateways have: {@link #first} and {@link #second}.
 * Open one per test class ({@code glfs_fini} takes seconds); closing closes both.
 */
public record TwoClients(GlusterTestVolume volume, Glfs first, Glfs second) implements AutoCloseable {

    /** Connects twice to the configured volume (failing or skipping as {@link GlusterTestVolume#require()}). */
    public static TwoClients connect() throws GlfsException {
        GlusterTestVolume volume = GlusterTestVolume.require();
        Glfs first = volume.connect();
        try {
            return new TwoClients(volume, first, volume.connect());
        } catch (GlfsException | RuntimeException e) {
            first.close();
            throw e;
        }
    }

    /** Closes {@code clients} when there are any (an {@code @AfterAll} after a failed connect). */
    public static void closeIfOpen(TwoClients clients) {
        if (clients != null) {
            clients.close();
        }
    }

    @Override
    public void close() {
        try {
            first.close();
        } finally {
            second.close();
        }
    }
}
