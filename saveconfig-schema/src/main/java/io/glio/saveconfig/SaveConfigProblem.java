package io.glio.saveconfig;

/**
 * One thing wrong with a saveconfig file, located precisely:
 * {@code saveconfig.json:12:15: $.storage_objects[1].size: expected an integer, got string "10G"}.
 *
 * @param source  the file name given to the reader
 * @param line    1-based line of the offending value (or of the enclosing object for a missing key)
 * @param column  1-based column
 * @param path    JSON path of the offending value, e.g. {@code $.targets[0].tpgs[1].tag}
 * @param message what was expected and what was found
 */
public record SaveConfigProblem(String source, int line, int column, String path, String message) {

    /** The one-line form used in exception messages and warnings. */
    @Override
    public String toString() {
        return source + ":" + line + ":" + column + ": " + path + ": " + message;
    }
}
