package io.glio.saveconfig;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads rtslib-fb {@code saveconfig.json} files: what the reference targetcli writes and what
 * older rtslib versions wrote ({@code "key": value, } lines, {@code tcm_fc}, {@code eui.} and
 * {@code naa.} names, optional keys missing). Reading never modifies anything.
 *
 * <p>Three stages, each problem reported as {@code file:line:column: $.json.path: message}:
 * <ol>
 *   <li>syntax — empty, truncated, not JSON, duplicate key: always an exception;</li>
 *   <li>shape — {@code saveconfig.schema.json} (types, required keys, ranges): always an exception;</li>
 *   <li>consistency — duplicate storage objects / target wwns / TPG tags / LUN indexes / mapped
 *       LUN indexes / node ACLs, LUNs pointing at a missing storage object, mapped LUNs pointing
 *       at a missing TPG LUN, unknown plugins: an exception in {@link #read}/{@link #parse}
 *       (an admin expects a corrupt file to be rejected with nothing applied); returned as a
 *       list by {@link #readLenient}/{@link #parseLenient} for callers that skip the offending
 *       objects the way rtslib's restore does.</li>
 * </ol>
 */
public final class SaveConfigReader {

    /** A configuration read leniently, with the consistency problems found in it (file order). */
    public record Result(SaveConfig config, List<SaveConfigProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private SaveConfigReader() {
    }

    /** Reads {@code file} strictly; any problem throws {@link SaveConfigException}. */
    public static SaveConfig read(Path file) throws IOException {
        return parse(readText(file), file.toString());
    }

    /** Parses {@code text} strictly; {@code sourceName} prefixes every problem. */
    public static SaveConfig parse(String text, String sourceName) throws SaveConfigException {
        Result result = parseLenient(text, sourceName);
        if (!result.problems().isEmpty()) {
            throw new SaveConfigException(result.problems());
        }
        return result.config();
    }

    /** Reads {@code file}; syntax and shape problems throw, consistency problems are returned. */
    public static Result readLenient(Path file) throws IOException {
        return parseLenient(readText(file), file.toString());
    }

    /** Parses {@code text}; syntax and shape problems throw, consistency problems are returned. */
    public static Result parseLenient(String text, String sourceName) throws SaveConfigException {
        LocatedJsonParser.Located doc = LocatedJsonParser.parse(text, sourceName);
        List<SaveConfigProblem> shape = SchemaValidator.instance().validate(doc);
        if (!shape.isEmpty()) {
            throw new SaveConfigException(shape);
        }
        return new Result(JsonToRecords.saveConfig(doc.root()), SemanticChecks.check(doc));
    }

    /**
     * Parses {@code text} keeping what can be used: every entry of the object lists with a shape
     * problem (wrong type, out of range, missing required key) is left out with everything
     * under it, and its first problem is returned (one per skipped entry, file order); only
     * syntax errors and shape problems outside every entry throw. Consistency problems are left
     * for the restore to skip with rtslib's texts, as {@link #parseLenient} does.
     */
    public static Result parseSkippingInvalid(String text, String sourceName) throws SaveConfigException {
        return InvalidEntries.skip(LocatedJsonParser.parse(text, sourceName));
    }

    /** The text of a saveconfig file, checked to be UTF-8. */
    public static String readText(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new SaveConfigException(List.of(new SaveConfigProblem(file.toString(), line, bad - lineStart + 1,
                    JsonPaths.ROOT, "not UTF-8 text (invalid byte 0x" + String.format("%02x", bytes[bad] & 0xff)
                            + " at offset " + bad + ")")));
        }
        return out.flip().toString();
    }
}
