/**
 * The iSCSI target (RFC 7143) in front of the SCSI layer.
 *
 * <h2>Use</h2>
 * <pre>
 * IscsiServer server = new IscsiServer(model, nexusOpener);   // NexusOpener: the SCSI layer
 * server.start();              // binds the portals of every enabled iSCSI TPG, follows ModelEvents
 * server.sessions();           // List&lt;SessionInfo&gt; for the shell's sessions command
 * server.listeningPortals();   // "ip:port" bound now; failedPortals(): could not bind (logged)
 * server.close();
 * </pre>
 *
 * <h2>Layers</h2>
 * <ul>
 *   <li>{@link io.glio.engine.iscsi.pdu}: framing ({@code PduParser}, a byte-level state
 *   machine checking lengths before allocating), CRC32C digests, one record per PDU type.</li>
 *   <li>{@link io.glio.engine.iscsi.login}: the login phase: text keys, operational
 *   negotiation against the TPG {@code parameter} group, CHAP (MD5, one-way and mutual).</li>
 *   <li>{@link io.glio.engine.iscsi.session}: a connection's full feature phase on a Netty
 *   channel: CmdSN window, R2T/Data-Out assembly, Data-In with status collapse, NOP, task
 *   management, SendTargets, logout, Reject; the session registry (TSIH, reinstatement).</li>
 *   <li>This package: the server (listeners per ip:port, shared by TPGs) and the model as a
 *   portal sees it ({@code PortalServices}: target lookup, access via
 *   {@link io.glio.engine.model.InitiatorAccess}, discovery CHAP, SendTargets).</li>
 * </ul>
 *
 * <h2>Limits (what is not implemented)</h2>
 * ErrorRecoveryLevel 0 only (SNACK is rejected; a Data-Out whose DataSN is out of order ends its
 * command with CHECK CONDITION, PROTOCOL SERVICE CRC ERROR, RFC 7143 §7.1.1 option b; a Data-Out
 * at the wrong offset drops the connection); one
 * connection per session (MaxConnections=1, no connection reinstatement, no Async Messages);
 * no multi-PDU text requests; bidirectional commands are rejected; CHAP with MD5 only. A
 * command's data is buffered whole (up to 64 MiB, CHECK CONDITION beyond); a connection holds
 * at most 128 MiB of command buffers and answers TASK SET FULL beyond that.
 *
 * <h2>Data path</h2>
 * Write data is received from the socket buffer straight into the command's buffer (immediate
 * data and in-order Data-Out, {@code PduParser.DataPlacement}): one copy. Read data goes out
 * without a copy: each Data-In is a composite of its header and a retained slice of the
 * command's read buffer.
 */
package io.glio.engine.iscsi;
