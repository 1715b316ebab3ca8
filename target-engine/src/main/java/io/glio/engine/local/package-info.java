/**
 * What glio's local endpoints share, the engine's NBD sockets and the shell service's control
 * socket alike: where their files go ({@link io.glio.engine.local.LocalPath}), a Unix socket
 * private from its creation ({@link io.glio.engine.local.PrivateSocket}) and an accept loop that
 * admits only root and the process's own user ({@link io.glio.engine.local.UnixListener}).
 */
package io.glio.engine.local;
