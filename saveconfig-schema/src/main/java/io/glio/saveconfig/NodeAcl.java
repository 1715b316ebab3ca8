package io.glio.saveconfig;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One entry of a TPG's {@code node_acls}: an initiator allowed into the TPG.
 *
 * @param nodeWwn    {@code node_wwn}: the initiator name (required)
 * @param attributes {@code attributes} in file order, values as in the file
 * @param mappedLuns {@code mapped_luns}
 * @param tag        {@code tag}: the ACL group tag (rtslib writes it only when set)
 * @param tcqDepth   {@code tcq_depth} as found in the file (older rtslib; number or string), else {@code null}
 * @param chap       {@code chap_userid}, {@code chap_password}, {@code chap_mutual_userid}, {@code chap_mutual_password}
 * @param extra      keys this model does not know, written back unchanged
 */
public record NodeAcl(String nodeWwn, Map<String, JsonNode> attributes, List<MappedLun> mappedLuns, String tag,
        JsonNode tcqDepth, Chap chap, Map<String, JsonNode> extra) {

    public NodeAcl {
        if (nodeWwn == null) {
            throw new IllegalArgumentException("node ACL node_wwn is required");
        }
        attributes = Copies.values(attributes);
        mappedLuns = Copies.list(mappedLuns);
        chap = chap == null ? Chap.NONE : chap;
        extra = Copies.extra(extra);
    }

    /** A node ACL as rtslib saves it. */
    public static NodeAcl of(String nodeWwn, Map<String, JsonNode> attributes, List<MappedLun> mappedLuns,
            String tag, Chap chap) {
        return new NodeAcl(nodeWwn, attributes == null ? Map.of() : attributes, mappedLuns, tag, null, chap,
                Map.of());
    }

    public NodeAcl withMappedLuns(List<MappedLun> newMappedLuns) {
        return new NodeAcl(nodeWwn, attributes, newMappedLuns, tag, tcqDepth, chap, extra);
    }

    public NodeAcl withChap(Chap newChap) {
        return new NodeAcl(nodeWwn, attributes, mappedLuns, tag, tcqDepth, newChap, extra);
    }

    public NodeAcl withTag(String newTag) {
        return new NodeAcl(nodeWwn, attributes, mappedLuns, newTag, tcqDepth, chap, extra);
    }

    /** Returns a copy with one attribute set (Integer/Long/Boolean/String/JsonNode; ints stay ints). */
    public NodeAcl withAttribute(String key, Object value) {
        return new NodeAcl(nodeWwn, Copies.with(attributes, key, Copies.json(value)), mappedLuns, tag, tcqDepth, chap,
                extra);
    }
}
