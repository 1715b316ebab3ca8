package io.glio.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineParserTest {

    @Test
    void pathCommandPositionalAndKeywordParameters() {
        ParsedLine p = LineParser.parse("/backstores/fileio create disk1 /srv/a.img size=1G write_back=false");
        assertThat(p.path()).isEqualTo("/backstores/fileio");
        assertThat(p.command()).isEqualTo("create");
        assertThat(p.positional()).containsExactly("disk1", "/srv/a.img");
        assertThat(p.keywords()).containsExactly(Map.entry("size", "1G"), Map.entry("write_back", "false"));
    }

    @Test
    void bareChildNameIsACommandNotAPath() {
        ParsedLine p = LineParser.parse("iscsi ls");
        assertThat(p.path()).isEmpty();
        assertThat(p.command()).isEqualTo("iscsi");
        assertThat(p.positional()).containsExactly("ls");
    }

    @Test
    void relativePathNeedsASlashDotsOrABookmark() {
        assertThat(LineParser.parse("luns/ create x").path()).isEqualTo("luns/");
        assertThat(LineParser.parse(".. ls").path()).isEqualTo("..");
        assertThat(LineParser.parse("@tgt ls").path()).isEqualTo("@tgt");
        assertThat(LineParser.parse("* ls").path()).isEqualTo("*");
    }

    @Test
    void laterDuplicateKeywordWinsAndValuesMayHoldEquals() {
        ParsedLine p = LineParser.parse("set auth userid=a userid=b password=x=y");
        assertThat(p.keywords()).containsExactly(Map.entry("userid", "b"), Map.entry("password", "x=y"));
    }

    @Test
    void textFromAnUnparsableCharacterOnIsDropped() {
        assertThat(LineParser.parse("ls /a|b").positional()).containsExactly("/a");
        assertThat(LineParser.parse("create \"a b\"").positional()).isEmpty();
        assertThat(LineParser.parse("/iscsi/* ls 0")).isEqualTo(new ParsedLine("/iscsi/", "", List.of(), Map.of()));
    }

    @Test
    void emptyLineIsEmpty() {
        assertThat(LineParser.parse("   ").isEmpty()).isTrue();
    }
}
