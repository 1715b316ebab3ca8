package io.glio.engine.backing.glfs;

import java.time.Duration;

/**
 * Timing of user:glfs stores.
 *
 * @param firstConnectWait how long {@code open} waits for the first connection before returning
 *                         the store not ready (the attempt goes on in the background)
 * @param initialBackoff   delay before the first reconnect attempt; doubles after each failure
 * @param maxBackoff       bound of that delay
 */
public record GlfsStoreSettings(Duration firstConnectWait, Duration initialBackoff, Duration maxBackoff) {

    public static final GlfsStoreSettings DEFAULT = new GlfsStoreSettings(
            Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(30));

    public GlfsStoreSettings {
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff " + initialBackoff + ".." + maxBackoff + " is not a positive range");
        }
    }
}
