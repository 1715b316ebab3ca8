/**
 * The login phase (RFC 7143 §6, §12, §13): {@link io.glio.engine.iscsi.login.LoginNegotiator}
 * answers Login Requests one at a time; {@link io.glio.engine.iscsi.login.OperationalNegotiation}
 * combines the keys; {@link io.glio.engine.iscsi.login.ChapAuthenticator} runs CHAP.
 * No Netty here: the connection feeds it decoded PDUs.
 */
package io.glio.engine.iscsi.login;
