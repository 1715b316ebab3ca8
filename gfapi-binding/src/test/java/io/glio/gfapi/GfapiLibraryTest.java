package io.glio.gfapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GfapiLibraryTest {

    @Test
    void aMissingLibraryIsOneLineNamingTheDebianPackage() {
        assertThatThrownBy(() -> Gfapi.load("libgfapi-glio-missing.so.0"))
                .isInstanceOfSatisfying(GlfsException.class, e -> {
                    assertThat(e.libraryMissing()).isTrue();
                    assertThat(e.errno()).isZero();
                    assertThat(e.getCause()).isNull();
                })
                .hasMessageStartingWith("libgfapi-glio-missing.so.0 cannot be loaded (")
                .hasMessageEndingWith("install the Debian package libgfapi0 (apt-get install libgfapi0)")
                .message().doesNotContain("\n");
    }

    @Test
    void errnoValuesHaveTheirSymbolicNames() {
        assertThat(ErrnoNames.name(2)).isEqualTo("ENOENT");
        assertThat(ErrnoNames.name(107)).isEqualTo("ENOTCONN");
        assertThat(ErrnoNames.name(122)).isEqualTo("EDQUOT");
        assertThat(ErrnoNames.name(4242)).isEqualTo("errno 4242");
    }
}
