package io.glio.shell;

/** Entry point of the {@code targetcli} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.err.println("glio targetcli: not built yet");
        System.exit(1);
    }
}
