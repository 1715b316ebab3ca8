package io.glio.engine.iscsi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NettyDefaultsTest {

    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty(NettyDefaults.MAX_CACHED_BUFFER_CAPACITY);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(NettyDefaults.MAX_CACHED_BUFFER_CAPACITY);
        } else {
            System.setProperty(NettyDefaults.MAX_CACHED_BUFFER_CAPACITY, saved);
        }
    }

    @Test
    void eventLoopsKeepOneMebibyteCommandBuffersForReuse() {
        System.clearProperty(NettyDefaults.MAX_CACHED_BUFFER_CAPACITY);

        NettyDefaults.apply();

        assertThat(System.getProperty(NettyDefaults.MAX_CACHED_BUFFER_CAPACITY)).isEqualTo("1048576");
    }

    @Test
    void aValueGivenOnTheCommandLineIsKept() {
        System.setProperty(NettyDefaults.MAX_CACHED_BUFFER_CAPACITY, "65536");

        NettyDefaults.apply();

        assertThat(System.getProperty(NettyDefaults.MAX_CACHED_BUFFER_CAPACITY)).isEqualTo("65536");
    }
}
