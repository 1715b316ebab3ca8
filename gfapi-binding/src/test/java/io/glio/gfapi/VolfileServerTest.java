package io.glio.gfapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VolfileServerTest {

    @Test
    void hostAloneUsesGlusterdsPort() {
        assertThat(VolfileServer.parse("gl1.example.com")).isEqualTo(new VolfileServer("gl1.example.com", 24007));
    }

    @Test
    void portFollowsAColon() {
        assertThat(VolfileServer.parse("10.0.0.5:24008")).isEqualTo(new VolfileServer("10.0.0.5", 24008));
    }

    @Test
    void ipv6LiteralsAreBracketed() {
        VolfileServer server = VolfileServer.parse("[fd00::5]:24010");
        assertThat(server).isEqualTo(new VolfileServer("fd00::5", 24010));
        assertThat(server).hasToString("[fd00::5]:24010");
        assertThat(VolfileServer.parse("[::1]")).isEqualTo(new VolfileServer("::1", 24007));
    }

    @Test
    void badPortsAreNamed() {
        assertThatThrownBy(() -> VolfileServer.parse("gl1:http"))
                .hasMessage("volfile server 'gl1:http': port 'http' is not a number in 1..65535");
        assertThatThrownBy(() -> VolfileServer.parse("gl1:70000"))
                .hasMessage("volfile server 'gl1:70000': port '70000' is not a number in 1..65535");
        assertThatThrownBy(() -> VolfileServer.parse("gl1:"))
                .hasMessage("volfile server 'gl1:': port '' is not a number in 1..65535");
    }

    @Test
    void emptyHostsAndBareIpv6AreRefused() {
        assertThatThrownBy(() -> VolfileServer.parse(":24007")).hasMessage("volfile server ':24007': host is empty");
        assertThatThrownBy(() -> VolfileServer.parse("")).hasMessage("volfile server is empty");
        assertThatThrownBy(() -> VolfileServer.parse("fd00::5"))
                .hasMessage("volfile server 'fd00::5': write IPv6 addresses in brackets, [addr]:port");
    }
}
