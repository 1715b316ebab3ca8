/**
 * Full feature phase (RFC 7143 §4): {@link io.glio.target.iscsi.session.IscsiConnection} is the
 * Netty handler of one connection; {@link io.glio.target.iscsi.session.CommandWindow} orders
 * commands by CmdSN; {@link io.glio.target.iscsi.session.SessionRegistry} keeps live sessions.
 */
package io.glio.target.iscsi.session;
