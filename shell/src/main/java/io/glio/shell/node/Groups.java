package io.glio.shell.node;

import io.glio.shell.ConfigGroup;
import io.glio.shell.ConfigParam;
import io.glio.engine.model.Attributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** The {@code attribute} and {@code parameter} groups built from the model's attribute files. */
final class Groups {

    private Groups() {
    }

    /**
     * A group over a node's attribute (or parameter) files: writable and read-only ones, typed
     * and described as targetcli does, values read afresh on every {@code get}.
     */
    static ConfigGroup fromAttributes(String groupName, Descriptions.Scope scope, Supplier<Attributes> attrs,
                                      BiConsumer<String, String> setter) {
        Map<String, ConfigParam> params = new TreeMap<>();
        Attributes now = attrs.get();
        now.writable().keySet().forEach(n -> {
            Descriptions.Desc d = Descriptions.of(scope, n);
            params.put(n, new ConfigParam(n, d.type(), true, d.text(), () -> attrs.get().get(n).orElse(""),
                    value -> setter.accept(n, value)));
        });
        now.readOnly().keySet().forEach(n -> {
            Descriptions.Desc d = Descriptions.of(scope, n);
            params.put(n, ConfigParam.readOnly(n, d.type(), d.text(), () -> attrs.get().get(n).orElse("")));
        });
        return new ConfigGroup(groupName, List.copyOf(params.values()));
    }

    /** A group showing attribute (or parameter) files that cannot be set from this node. */
    static ConfigGroup readOnly(String groupName, Descriptions.Scope scope, Supplier<Attributes> attrs) {
        Map<String, ConfigParam> params = new TreeMap<>();
        Attributes now = attrs.get();
        java.util.Set<String> names = new java.util.TreeSet<>(now.writable().keySet());
        names.addAll(now.readOnly().keySet());
        for (String n : names) {
            Descriptions.Desc d = Descriptions.of(scope, n);
            params.put(n, ConfigParam.readOnly(n, d.type(), d.text(), () -> attrs.get().get(n).orElse("")));
        }
        return new ConfigGroup(groupName, List.copyOf(params.values()));
    }

    /**
     * A group of fixed parameters, sorted by name as configshell lists them; a parameter without
     * a description gets configshell's {@code The <param> <group> parameter.}
     */
    static ConfigGroup of(String name, List<ConfigParam> params) {
        List<ConfigParam> sorted = new ArrayList<>();
        for (ConfigParam p : params) {
            sorted.add(p.description() != null ? p : new ConfigParam(p.name(), p.type(), p.writable(),
                    "The " + p.name() + " " + name + " parameter.", p.getter(), p.setter()));
        }
        sorted.sort(Comparator.comparing(ConfigParam::name));
        return new ConfigGroup(name, sorted);
    }
}
