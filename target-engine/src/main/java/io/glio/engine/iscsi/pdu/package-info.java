/**
 * iSCSI PDUs (RFC 7143 §11): {@link io.glio.engine.iscsi.pdu.PduParser} frames a byte stream
 * into {@link io.glio.engine.iscsi.pdu.RawPdu}s, one record per PDU type decodes or encodes
 * the header fields (wire layout drawn in each Javadoc), {@link io.glio.engine.iscsi.pdu.PduEncoder}
 * writes a PDU with padding and digests. Nothing here touches a socket.
 */
package io.glio.engine.iscsi.pdu;
