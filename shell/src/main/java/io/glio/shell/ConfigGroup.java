package io.glio.shell;

import java.util.List;
import java.util.Optional;

/** A named {@code get}/{@code set} group of a node ({@code global}, {@code attribute}, ...). */
public record ConfigGroup(String name, List<ConfigParam> params) {

    public Optional<ConfigParam> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }
}
