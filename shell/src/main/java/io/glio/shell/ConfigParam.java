package io.glio.shell;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One parameter of a {@code get}/{@code set} group: its type, whether it can be set, the text
 * {@code get} shows (already in configshell's display form) and what {@code set} does with a
 * checked value.
 */
public record ConfigParam(String name, ValueType type, boolean writable, String description,
                          Supplier<String> getter, Consumer<String> setter) {

    public static ConfigParam readOnly(String name, ValueType type, String description, Supplier<String> getter) {
        return new ConfigParam(name, type, false, description, getter, v -> {
            throw new ShellException("Parameter " + name + " is read-only.");
        });
    }
}
