package io.glio.engine.model;

/**
 * iSCSI discovery authentication ({@code /iscsi} group {@code discovery_auth}): whether
 * SendTargets discovery sessions must log in with CHAP, and the credentials.
 */
public record DiscoveryAuth(boolean enabled, ChapCredentials credentials) {

    public static final DiscoveryAuth DISABLED = new DiscoveryAuth(false, ChapCredentials.NONE);
}
