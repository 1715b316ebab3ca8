package io.glio.saveconfig;

import static io.glio.saveconfig.RoundTripTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected texts were produced once by CPython 3.11 {@code json.dumps(json.load(f), sort_keys=True, indent=2)}. */
class PythonJsonTest {

    @Test
    void numbersStringsEscapesAndKeyOrderMatchCpython() throws IOException {
        String input = resource("python/numbers-and-strings.json");

        SaveConfig config = SaveConfigReader.parse(input, "numbers-and-strings.json");

        assertThat(SaveConfigWriter.toJson(config)).isEqualTo(resource("python/numbers-and-strings.expected"));
    }

    @Test
    @SuppressWarnings("FloatingPointLiteralPrecision") // 1e23 is the point: Python prints the nearest double as 1e+23
    void floatsUseReprWithItsExponentThresholds() {
        assertThat(PythonJson.floatRepr(1.0)).isEqualTo("1.0");
        assertThat(PythonJson.floatRepr(0.0001)).isEqualTo("0.0001");
        assertThat(PythonJson.floatRepr(0.00001)).isEqualTo("1e-05");
        assertThat(PythonJson.floatRepr(1e15)).isEqualTo("1000000000000000.0");
        assertThat(PythonJson.floatRepr(1e16)).isEqualTo("1e+16");
        assertThat(PythonJson.floatRepr(-2.5e20)).isEqualTo("-2.5e+20");
        assertThat(PythonJson.floatRepr(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(PythonJson.floatRepr(-0.0)).isEqualTo("-0.0");
        assertThat(PythonJson.floatRepr(Double.NaN)).isEqualTo("NaN");
        assertThat(PythonJson.floatRepr(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(PythonJson.floatRepr(2e-323)).isEqualTo("2e-323");
        assertThat(PythonJson.floatRepr(1e23)).isEqualTo("1e+23");
    }

    @Test
    void keysSortByCodePointNotByUtf16Unit() {
        List<String> keys = new ArrayList<>(List.of("\ud83d\ude00", "\ue000", "b", "B", "a"));

        keys.sort(PythonJson.CODE_POINT_ORDER);

        assertThat(keys).containsExactly("B", "a", "b", "\ue000", "\ud83d\ude00");
    }

    @Test
    void stringsAreAsciiEscapedWithLowercaseHex() {
        assertThat(PythonJson.quote("\u00c9t\u00e9 \u001b \"x\" \\")).isEqualTo("\"\\u00c9t\\u00e9 \\u001b \\\"x\\\" \\\\\"");
    }

    @Test
    void emptyContainersStayOnOneLine() {
        var f = JsonNodeFactory.instance;
        var root = f.objectNode();
        root.putArray("a");
        root.putObject("b");
        root.putArray("c").addObject();

        assertThat(PythonJson.dumps(root)).isEqualTo("{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    {}\n  ]\n}");
    }

    @Test
    void randomFloatsMatchCpythonRepr() throws IOException {
        // python/float-repr.txt: "<IEEE-754 bits as long> <repr(x)>" for ~600 random doubles, from CPython 3.11.
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String line : resource("python/float-repr.txt").split("\n")) {
            String[] parts = line.split(" ");
            double value = Double.longBitsToDouble(Long.parseLong(parts[0]));
            if (!PythonJson.floatRepr(value).equals(parts[1])) {
                mismatches.add(parts[1] + " -> " + PythonJson.floatRepr(value));
            }
            checked++;
        }

        assertThat(checked).isGreaterThan(500);
        assertThat(mismatches).isEmpty();
    }
}
