package io.glio.shell;

/**
 * What {@code ls} shows in brackets: a text and a health flag (true green, false red, null
 * plain). An empty text shows as {@code OK}, {@code ERROR} or {@code ...}.
 */
public record Summary(String text, Boolean healthy) {
    public static final Summary NONE = new Summary("", null);

    public static Summary of(String text) {
        return new Summary(text, null);
    }

    public String shown() {
        if (!text.isEmpty()) {
            return text;
        }
        return healthy == null ? "..." : healthy ? "OK" : "ERROR";
    }
}
