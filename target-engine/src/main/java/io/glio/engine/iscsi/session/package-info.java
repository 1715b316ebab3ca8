/**
 * Full feature phase (RFC 7143 §4): {@link io.glio.engine.iscsi.session.IscsiConnection} is the
 * Netty handler of one connection; {@link io.glio.engine.iscsi.session.CommandWindow} orders
 * commands by CmdSN; {@link io.glio.engine.iscsi.session.SessionRegistry} keeps live sessions.
 */
package io.glio.engine.iscsi.session;
