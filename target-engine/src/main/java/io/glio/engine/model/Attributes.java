package io.glio.engine.model;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code attrib/} (or {@code param/}) files of a configfs object (maps returned are
 * sorted snapshots): writable ones, read-only
 * ones, and the names the "kernel" knows at all (a restore may bring back a file of another
 * kernel version). Values are kept as the kernel shows them (strings); saveconfig writes the
 * numeric ones as numbers. Read-only view; the model changes it.
 */
public final class Attributes {

    private final TreeMap<String, String> writable;
    private final TreeMap<String, String> readOnly;
    private final Set<String> known;

    Attributes(Map<String, String> writable, Map<String, String> readOnly, Set<String> known) {
        this.writable = new TreeMap<>(writable);
        this.readOnly = new TreeMap<>(readOnly);
        this.known = Set.copyOf(known);
    }

    Attributes copy() {
        return new Attributes(writable, readOnly, known);
    }

    /** Writable attributes by name, sorted: what {@code set} offers and saveconfig writes. */
    public Map<String, String> writable() {
        return Collections.unmodifiableMap(new TreeMap<>(writable));
    }

    /** Read-only attributes by name, sorted (shown with {@code [ro]}). */
    public Map<String, String> readOnly() {
        return Collections.unmodifiableMap(new TreeMap<>(readOnly));
    }

    /** The value of a writable or read-only attribute. */
    public Optional<String> get(String name) {
        String v = writable.get(name);
        return Optional.ofNullable(v != null ? v : readOnly.get(name));
    }

    /** The value as a number, or {@code fallback} when absent or not numeric. */
    public long getLong(String name, long fallback) {
        try {
            return get(name).map(Long::parseLong).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public boolean isEmpty() {
        return writable.isEmpty() && readOnly.isEmpty();
    }

    boolean isWritable(String name) {
        return writable.containsKey(name);
    }

    boolean isReadOnly(String name) {
        return readOnly.containsKey(name);
    }

    /** Whether a file of this name exists on some kernel (restore of other kernels' files). */
    boolean isKnown(String name) {
        return writable.containsKey(name) || known.contains(name);
    }

    void put(String name, String value) {
        writable.put(name, value);
    }

    void putReadOnly(String name, String value) {
        readOnly.put(name, value);
    }

    /** Keeps exactly the given writable names (a restored object shows its file's set). */
    void retainWritable(Set<String> names) {
        writable.keySet().retainAll(names);
    }

    @Override
    public String toString() {
        return writable.toString();
    }
}
