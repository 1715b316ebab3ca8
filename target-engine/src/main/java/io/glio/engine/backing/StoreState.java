package io.glio.engine.backing;

import java.util.Objects;

/**
 * Where a backing store stands with its medium, as the engine serves it and {@code ls} shows it.
 * Only {@link Kind#CONNECTED} serves I/O; every other kind answers initiators NOT READY.
 *
 * @param kind   the state
 * @param reason why the store is not connected (empty for {@link Kind#CONNECTED} and
 *               {@link Kind#CLOSED})
 */
public record StoreState(Kind kind, String reason) {

    /** The states a store moves through. */
    public enum Kind {
        /** Opening, or waiting for the first answer of its medium (a gluster volume). */
        CONNECTING,
        /** Serving I/O. */
        CONNECTED,
        /** The medium stopped answering; the store reconnects by itself. */
        NOT_CONNECTED,
        /** The store is open but its medium cannot be served; retrying will not help. */
        NOT_USABLE,
        /** No store could be opened for the object (no provider, or opening failed). */
        UNAVAILABLE,
        /** Closed for good. */
        CLOSED
    }

    public static final StoreState CONNECTED_STATE = new StoreState(Kind.CONNECTED, "");
    public static final StoreState CLOSED_STATE = new StoreState(Kind.CLOSED, "");

    public StoreState {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    public static StoreState connecting(String reason) {
        return new StoreState(Kind.CONNECTING, reason);
    }

    public static StoreState notConnected(String reason) {
        return new StoreState(Kind.NOT_CONNECTED, reason);
    }

    public static StoreState notUsable(String reason) {
        return new StoreState(Kind.NOT_USABLE, reason);
    }

    public static StoreState unavailable(String reason) {
        return new StoreState(Kind.UNAVAILABLE, reason);
    }

    /** Whether I/O can be served. */
    public boolean isReady() {
        return kind == Kind.CONNECTED;
    }

    /** The text {@code ls} and {@code info} show, e.g. {@code not connected: ENOTCONN}. */
    public String description() {
        return switch (kind) {
            case CONNECTING, NOT_CONNECTED -> "not connected: " + reason;
            case CONNECTED -> "connected";
            case NOT_USABLE -> "not usable: " + reason;
            case UNAVAILABLE -> "not available: " + reason;
            case CLOSED -> "closed";
        };
    }

    @Override
    public String toString() {
        return description();
    }
}
