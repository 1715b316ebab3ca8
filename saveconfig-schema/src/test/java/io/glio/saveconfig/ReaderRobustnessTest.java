package io.glio.saveconfig;

import static io.glio.saveconfig.RoundTripTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Damaged files end in a SaveConfigException with a location, never in another exception. */
class ReaderRobustnessTest {

    @Test
    void everyTruncationOfARealFileIsRejectedAsTruncatedOrInvalid() throws IOException {
        String text = resource("oracle/fabrics.json");
        int checked = 0;
        for (int length = 0; length < text.length() - 1; length += 5) {
            String cut = text.substring(0, length);
            try {
                SaveConfigReader.parse(cut, "cut.json");
                fail("accepted a file cut at " + length);
            } catch (SaveConfigException e) {
                assertThat(e.problems()).isNotEmpty();
                assertThat(e.getMessage()).startsWith("cut.json:");
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(4000);
    }

    @Test
    void randomlyDamagedFilesAreAcceptedOrRejectedCleanly() throws IOException {
        String text = resource("oracle/fabrics.json");
        Random random = new Random(20261125);
        String alphabet = "{}[],:\"0123456789-.eEtrufalsn \n\\x";
        int rejected = 0;
        for (int round = 0; round < 1500; round++) {
            char[] chars = text.toCharArray();
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            try {
                SaveConfigWriter.toJson(SaveConfigReader.parse(new String(chars), "damaged.json"));
            } catch (SaveConfigException e) {
                assertThat(e.getMessage()).matches("(?s)damaged\\.json:\\d+:\\d+: \\$.*");
                rejected++;
            }
        }
        assertThat(rejected).isGreaterThan(500);
    }
}
