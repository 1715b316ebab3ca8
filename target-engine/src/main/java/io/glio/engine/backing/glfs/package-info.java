/**
 * The user:glfs backing store (tcmu-runner's glfs handler): LUNs that are files on a gluster
 * volume, reached with libgfapi. {@link io.glio.engine.backing.glfs.GlfsBackingStoreProvider}
 * opens them from {@code user} storage objects whose config is
 * {@code glfs/volume@host[:port][,host...]/path}; stores on one volume share one connection.
 * A store whose volume is unreachable stays open, not ready, and reconnects in the background.
 */
package io.glio.engine.backing.glfs;
