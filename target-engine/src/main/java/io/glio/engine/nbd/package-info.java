/**
 * The loopback fabric's transport: an NBD server (the NetworkBlockDevice protocol, {@code doc/proto.md}
 * of github.com/NetworkBlockDevice/nbd) that gives local clients (qemu, libnbd's nbdcopy and nbdinfo,
 * nbdfuse, the kernel's nbd client) block access to the LUNs of each {@code /loopback} target.
 *
 * <p>Roles, as in the iSCSI packages: {@link io.glio.engine.nbd.NbdOptionDecoder} and
 * {@link io.glio.engine.nbd.NbdRequestDecoder} turn bytes into options and requests (explicit state
 * machines over {@link java.nio.ByteBuffer}s, testable without sockets);
 * {@link io.glio.engine.nbd.NbdHandshake} haggles the options; one class per command kind
 * ({@code *Command}) turns a request into SCSI commands submitted to the same
 * {@link io.glio.engine.scsi.LogicalUnit} the iSCSI path uses; {@link io.glio.engine.nbd.NbdReplies}
 * writes replies; {@link io.glio.engine.nbd.NbdConnection} and {@link io.glio.engine.nbd.NbdServer}
 * move the bytes over Unix (and optionally loopback TCP) sockets.
 */
package io.glio.engine.nbd;
