package io.glio.saveconfig;

import java.util.regex.Pattern;

/** Builds JSONPath strings the way the error messages show them: {@code $.targets[0].tpgs[1]['odd key']}. */
final class JsonPaths {
    static final String ROOT = "$";
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonPaths() {
    }

    static String key(String parent, String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return parent + "." + key;
        }
        return parent + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
