/**
 * A user:glfs LU shared by several gateways through its gluster volume (issue 12): its
 * identity (wwn, size, block size) and the registry of gateways exporting it live with the
 * data file, so every gateway can start alone from the volume and none waits for a peer.
 *
 * <h2>Where the metadata lives: extended attributes of the data file</h2>
 * Three xattrs, {@code user.glio.lu} ({@link io.glio.engine.backing.glfs.meta.LuIdentity}),
 * {@code user.glio.gateways} ({@link io.glio.engine.backing.glfs.meta.GatewayEntry} list) and
 * {@code user.glio.alua} ({@link io.glio.engine.backing.glfs.meta.AluaPreference}), all
 * JSON, rather than a metadata folder on the volume (gluster-block's {@code /block-meta}):
 * <ul>
 * <li>One {@code fsetxattr} replaces a value atomically on each brick (the brick's file system
 *     sets it in one operation; replicas are healed from a good copy like any other change).
 *     There is no temp file, no rename and no second file, so gluster-block's half-written
 *     metadata after a reboot cannot happen: a reader sees the old value or the new one
 *     ({@code LuMetaVolumeTest} kills a writer with SIGKILL mid-loop and reads a whole record).
 *     A folder would need temp + rename, and DHT renames across subvolumes go through link
 *     files.</li>
 * <li>The metadata travels with the file: renamed with it, removed with it. A metadata file
 *     keyed by path would survive a deleted data file and hand its old wwn to a new file of
 *     the same name.</li>
 * <li>Limit: ext4 bricks keep all of a file's xattrs in one 4 KiB block (gluster's own
 *     {@code trusted.*} ones included); a registry entry is about 150 bytes, so a LU can have
 *     about 20 exports before {@code ENOSPC}. XFS bricks (gluster's recommendation) allow 64 KiB.</li>
 * </ul>
 *
 * <h2>Locking</h2>
 * Every read-modify-write runs under an exclusive {@code glfs_posix_lock} on
 * {@code /.glio/meta.lock} (as gluster-block locks {@code block-meta/meta.lock}), on one byte
 * whose offset is a hash of the data path: gateways of one LU exclude each other, different
 * LUs never wait for each other. The wait is bounded (polling {@code F_SETLK}); a dead peer's
 * lock goes when gluster drops its connection.
 *
 * <h2>Following changes: a poll of the metadata</h2>
 * Each gateway's {@link io.glio.engine.backing.glfs.meta.SharedLu} ticks every heartbeat
 * interval (2 s, {@code glio.lu.heartbeatMillis}) on metadata threads: it reads the three xattrs
 * under the lock, records a resize made here, takes one made elsewhere (the LU then reports CAPACITY
 * DATA HAS CHANGED and the new size), and beats its registry entries. Cost per LU and tick:
 * lock + unlock, three {@code fgetxattr}, one {@code fsetxattr} (the beat), about 1 ms on
 * loopback (docs/performance.md); a resize is seen within two intervals. The metadata is
 * polled rather than the file's size ({@code fstat}) because an existing file may be larger
 * than the LU, so its size alone cannot tell a resize.
 *
 * <h2>ALUA across gateways</h2>
 * Each export in the registry is one target port group with one port; its group id and
 * relative target port id are allocated under the lock ({@code Heartbeats}), so REPORT TARGET
 * PORT GROUPS and the VPD 0x83 port designators agree on every gateway. The states derive from
 * {@code user.glio.alua} alone: all groups active/optimized (multibus, as the seed's
 * multipath.conf), or the preferred gateway's groups active/optimized and the others
 * active/non-optimized; both states serve I/O, so a client that ignores ALUA loses nothing.
 * Every gateway raises ASYMMETRIC ACCESS STATE CHANGED when it reads a changed state.
 *
 * <p>A dead gateway's entry expires and its group is dropped from RTPG, rather than kept as
 * unavailable or offline: Linux's scsi_dh_alua applies the state of every group an RTPG lists
 * to that group's paths, so a gateway whose heartbeats merely stalled (volume slow, gateway
 * still serving its initiators) would have its working paths turned off by the others' answer;
 * a dead gateway's paths are failed by dm-multipath's path checker (TUR) and connection loss
 * anyway. A preferred gateway that expired prefers nothing: the remaining groups become
 * active/optimized again rather than all non-optimized.
 */
package io.glio.engine.backing.glfs.meta;
