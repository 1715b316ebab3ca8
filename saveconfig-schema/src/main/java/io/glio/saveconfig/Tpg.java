package io.glio.saveconfig;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One entry of a target's {@code tpgs}: a target portal group. Every {@code null} component
 * means "key absent in the file" and is not written.
 *
 * @param tag        {@code tag}; rtslib picks the lowest free tag when absent
 * @param enable     {@code enable}; rtslib enables the TPG when absent
 * @param attributes {@code attributes} in file order, values as in the file
 * @param parameters {@code parameters} (iSCSI keys such as {@code MaxRecvDataSegmentLength}; strings)
 * @param luns       {@code luns}
 * @param portals    {@code portals}
 * @param nodeAcls   {@code node_acls}
 * @param chap       {@code chap_userid}, {@code chap_password}, {@code chap_mutual_userid}, {@code chap_mutual_password}
 * @param extra      keys this model does not know, kept in file order and written back unchanged
 */
public record Tpg(Integer tag, Boolean enable, Map<String, JsonNode> attributes, Map<String, JsonNode> parameters,
        List<Lun> luns, List<Portal> portals, List<NodeAcl> nodeAcls, Chap chap, Map<String, JsonNode> extra) {

    public Tpg {
        attributes = Copies.values(attributes);
        parameters = Copies.values(parameters);
        luns = Copies.list(luns);
        portals = Copies.list(portals);
        nodeAcls = Copies.list(nodeAcls);
        chap = chap == null ? Chap.NONE : chap;
        extra = Copies.extra(extra);
    }

    /**
     * A TPG as rtslib saves it: every list and map present (empty ones too), {@code parameters}
     * only when given (rtslib writes them for iSCSI only, so pass {@code null} for loopback).
     */
    public static Tpg of(int tag, boolean enable, Map<String, JsonNode> attributes, Map<String, JsonNode> parameters,
            List<Lun> luns, List<Portal> portals, List<NodeAcl> nodeAcls, Chap chap) {
        return new Tpg(tag, enable, attributes == null ? Map.of() : attributes, parameters, luns, portals, nodeAcls,
                chap, Map.of());
    }

    public Tpg withLuns(List<Lun> newLuns) {
        return new Tpg(tag, enable, attributes, parameters, newLuns, portals, nodeAcls, chap, extra);
    }

    public Tpg withPortals(List<Portal> newPortals) {
        return new Tpg(tag, enable, attributes, parameters, luns, newPortals, nodeAcls, chap, extra);
    }

    public Tpg withNodeAcls(List<NodeAcl> newNodeAcls) {
        return new Tpg(tag, enable, attributes, parameters, luns, portals, newNodeAcls, chap, extra);
    }

    public Tpg withChap(Chap newChap) {
        return new Tpg(tag, enable, attributes, parameters, luns, portals, nodeAcls, newChap, extra);
    }

    public Tpg withEnable(Boolean newEnable) {
        return new Tpg(tag, newEnable, attributes, parameters, luns, portals, nodeAcls, chap, extra);
    }

    /** Returns a copy with one attribute set (Integer/Long/Boolean/String/JsonNode; ints stay ints). */
    public Tpg withAttribute(String key, Object value) {
        return new Tpg(tag, enable, Copies.with(attributes, key, Copies.json(value)), parameters, luns, portals,
                nodeAcls, chap, extra);
    }

    /** Returns a copy with one parameter set (rtslib writes parameters as strings). */
    public Tpg withParameter(String key, String value) {
        return new Tpg(tag, enable, attributes, Copies.with(parameters, key, Copies.json(value)), luns, portals,
                nodeAcls, chap, extra);
    }
}
