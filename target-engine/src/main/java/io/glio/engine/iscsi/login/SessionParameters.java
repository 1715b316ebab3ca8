package io.glio.engine.iscsi.login;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a login negotiated (RFC 7143 §13), as the full feature phase uses it.
 *
 * @param headerDigest                  CRC32C header digests on
 * @param dataDigest                    CRC32C data digests on
 * @param initiatorMaxRecvDataSegment   the initiator's MaxRecvDataSegmentLength: the largest
 *                                      data segment we may send
 * @param targetMaxRecvDataSegment      the MaxRecvDataSegmentLength we declared: the largest
 *                                      data segment we accept
 * @param negotiated                    every key with its final value, for the session view
 */
public record SessionParameters(boolean headerDigest, boolean dataDigest,
                                int initiatorMaxRecvDataSegment, int targetMaxRecvDataSegment,
                                int maxBurstLength, int firstBurstLength, boolean initialR2T,
                                boolean immediateData, int maxOutstandingR2T, int maxConnections,
                                int defaultTime2Wait, int defaultTime2Retain, int errorRecoveryLevel,
                                Map<String, String> negotiated) {

    public SessionParameters {
        negotiated = Collections.unmodifiableMap(new LinkedHashMap<>(negotiated));
    }
}
