package io.glio.saveconfig;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One entry of {@code fabric_modules}: rtslib writes it only for a fabric with discovery
 * authentication enabled (in practice {@code iscsi}).
 *
 * <pre>{"discovery_enable_auth": true, "discovery_password": "pw", "discovery_userid": "u", "name": "iscsi"}</pre>
 *
 * @param name                {@code name}, the fabric (required)
 * @param discoveryEnableAuth {@code discovery_enable_auth}, or {@code null} when absent
 * @param discoveryAuth       {@code discovery_userid}, {@code discovery_password}, {@code discovery_mutual_userid},
 *                            {@code discovery_mutual_password}; absent ones are {@code null}
 * @param extra               keys this model does not know, kept in file order and written back unchanged
 */
public record FabricModule(String name, Boolean discoveryEnableAuth, Chap discoveryAuth, Map<String, JsonNode> extra) {

    public FabricModule {
        if (name == null) {
            throw new IllegalArgumentException("fabric module name is required");
        }
        discoveryAuth = discoveryAuth == null ? Chap.NONE : discoveryAuth;
        extra = Copies.extra(extra);
    }

    /** A fabric module entry with discovery authentication enabled, as {@code set discovery_auth enable=1 …} saves it. */
    public static FabricModule discoveryAuth(String name, Chap credentials) {
        return new FabricModule(name, true, credentials, Map.of());
    }
}
