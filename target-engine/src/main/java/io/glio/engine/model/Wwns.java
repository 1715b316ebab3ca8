package io.glio.engine.model;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * WWN validation and generation with rtslib's rules (utils.py {@code normalize_wwn},
 * {@code generate_wwn}); the texts of the errors are rtslib's.
 */
public final class Wwns {

    private Wwns() {
    }

    /**
     * Normalises a user-given WWN for a fabric that accepts {@code types} (tried in order).
     *
     * @throws InvalidValueException {@code WWN not valid as: iqn, naa, eui}
     */
    public static NormalizedWwn normalize(List<WwnType> types, String wwn) {
        for (WwnType type : types) {
            String clean = type.cleanse(wwn);
            if (type.accepts(clean)) {
                return new NormalizedWwn(clean, type);
            }
        }
        StringJoiner names = new StringJoiner(", ");
        types.forEach(t -> names.add(t.rtslibName()));
        throw new InvalidValueException("WWN not valid as: " + names);
    }

    /**
     * Normalises a target WWN: like {@link #normalize} after rtslib's fix-up of the old NAA
     * prefix ({@code naa.6…} becomes {@code naa.5…}).
     */
    public static NormalizedWwn normalizeTarget(Fabric fabric, String wwn) {
        String fixed = wwn.startsWith("naa.6") ? "naa.5" + wwn.substring(5) : wwn;
        return normalize(fabric.wwnTypes(), fixed);
    }

    /**
     * Generates a WWN of the given type as rtslib does: iqn
     * {@code iqn.2003-01.org.linux-iscsi.<host>.<arch>:sn.<12 hex>} (host up to the first dot
     * without underscores, arch without underscores, prefix lower-cased), naa
     * {@code naa.5001405<9 hex>}, eui {@code eui.001405<10 hex>}, unit serial a uuid4.
     */
    public static String generate(WwnType type, ModelEnvironment env) {
        UUID uuid = env.randomUuid();
        String text = uuid.toString();
        String hex = text.replace("-", "");
        switch (type) {
            case FREE:
            case UNIT_SERIAL:
                return text;
            case IQN: {
                String host = env.hostname();
                int dot = host.indexOf('.');
                String local = (dot >= 0 ? host.substring(0, dot) : host).replace("_", "");
                String arch = env.machine().replace("_", "");
                String prefix = ("iqn.2003-01.org.linux-iscsi." + local + "." + arch)
                        .strip().toLowerCase(Locale.ROOT);
                return prefix + ":sn." + text.substring(24);
            }
            case NAA:
                return "naa.5001405" + hex.substring(hex.length() - 9);
            case EUI:
                return "eui.001405" + hex.substring(hex.length() - 10);
            default:
                throw new IllegalArgumentException("Unknown WWN type: " + type.rtslibName());
        }
    }

    /** A LUN or mapped-LUN alias as rtslib makes it: the last 10 characters of a uuid4. */
    static String generateAlias(ModelEnvironment env) {
        String text = env.randomUuid().toString();
        return text.substring(text.length() - 10);
    }
}
