/**
 * libgfapi (GlusterFS's client library) for Java, through jnr-ffi: {@link io.glio.gfapi.Glfs}
 * is a connection to one volume ({@code glfs_t}), {@link io.glio.gfapi.GlfsFile} an open file on
 * it with synchronous and asynchronous positional I/O into direct buffers and byte-range locks
 * ({@link io.glio.gfapi.GlfsLock}, {@code glfs_posix_lock}, one lock owner per open file) that
 * exclude other clients of the volume. Failures are
 * {@link io.glio.gfapi.GlfsException}s naming the call and the errno ({@code ENOENT}).
 *
 * <p>Binds {@code libgfapi.so.0} of glusterfs 6 or later (Debian package {@code libgfapi0}); the
 * library is loaded on first use. Close order is enforced: a file refuses to close while calls
 * run on it, a connection while files are open.
 */
package io.glio.gfapi;
