package io.glio.engine.model;

/**
 * Decides, when a portal is created or restored, whether it can listen: LIO binds the socket in
 * the configfs {@code mkdir} and refuses the portal when the bind fails, so glio asks before the
 * portal exists. The configuration rules ({@link PortalRules}) have passed when it is called,
 * under the model's lock; it refuses by throwing {@link InvalidValueException} with LIO's text.
 * A served model's guard binds the listener (the iSCSI server's); {@link #LOCAL_ADDRESS}, the
 * default, checks what can be checked without binding.
 */
@FunctionalInterface
public interface PortalGuard {

    /** LIO's message for every portal it cannot create (the kernel only says EINVAL/EADDRINUSE). */
    String REFUSED = "Could not create NetworkPortal in configFS";

    /** Returns when {@code ipAddress:port} (configfs spelling) can listen, else throws. */
    void admit(String ipAddress, int port);

    /** Nothing served: the address must be a wildcard or one of this host's. */
    PortalGuard LOCAL_ADDRESS = (ipAddress, port) -> {
        if (!PortalRules.isLocal(ipAddress)) {
            throw new InvalidValueException(REFUSED);
        }
    };
}
