package io.glio.engine.model;

import java.util.regex.Pattern;

/**
 * WWN formats rtslib knows ({@code utils.normalize_wwn}). Each has a textual test applied to
 * the cleansed WWN; naa, eui and ib WWNs are cleansed from their alternative spellings first.
 */
public enum WwnType {
    FREE("free", null),
    IQN("iqn", Pattern.compile("iqn\\.[0-9]{4}-[0-1][0-9]\\..*\\..*", Pattern.DOTALL)),
    NAA("naa", Pattern.compile("naa\\.[125][0-9a-fA-F]{15}")),
    EUI("eui", Pattern.compile("eui\\.[0-9a-f]{16}")),
    IB("ib", Pattern.compile("ib\\.[0-9a-f]{32}")),
    UNIT_SERIAL("unit_serial",
            Pattern.compile("[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}"));

    private final String rtslibName;
    private final Pattern pattern;

    WwnType(String rtslibName, Pattern pattern) {
        this.rtslibName = rtslibName;
        this.pattern = pattern;
    }

    /** Name as rtslib prints it in {@code WWN not valid as: iqn, naa, eui}. */
    public String rtslibName() {
        return rtslibName;
    }

    /**
     * Puts a WWN into rtslib's preferred spelling for this type: trimmed and lower-cased; for
     * naa/eui/ib without a {@code 0x} prefix, {@code -} and {@code :}, and with the type prefix.
     */
    String cleanse(String wwn) {
        String clean = wwn.strip().toLowerCase(java.util.Locale.ROOT);
        if (this == NAA || this == EUI || this == IB) {
            if (clean.startsWith("0x")) {
                clean = clean.substring(2);
            }
            clean = clean.replace("-", "").replace(":", "");
            if (!(clean.startsWith("naa.") || clean.startsWith("eui.") || clean.startsWith("ib."))) {
                clean = rtslibName + "." + clean;
            }
        }
        return clean;
    }

    /** Whether a cleansed WWN is valid for this type. */
    boolean accepts(String cleansed) {
        if (this == FREE) {
            return true;
        }
        if (this == IQN) {
            // re.match anchors only at the start; spaces and underscores are refused anywhere.
            return pattern.matcher(cleansed).lookingAt()
                    && cleansed.indexOf(' ') < 0 && cleansed.indexOf('_') < 0;
        }
        return pattern.matcher(cleansed).matches();
    }
}
