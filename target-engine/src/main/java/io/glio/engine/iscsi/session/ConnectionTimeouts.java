package io.glio.engine.iscsi.session;

import java.time.Duration;

/**
 * Connection timers (LIO: TPG {@code login_timeout}, node ACL {@code nopin_timeout} and
 * {@code nopin_response_timeout}).
 *
 * @param login         the whole login phase must end within this
 * @param nopInInterval an idle normal session gets a target NOP-In ping after this
 * @param nopInResponse an unanswered ping drops the connection after this
 */
public record ConnectionTimeouts(Duration login, Duration nopInInterval, Duration nopInResponse) {

    public static final ConnectionTimeouts LIO_DEFAULTS =
            new ConnectionTimeouts(Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(30));
}
