package io.glio.shell.service;

import io.glio.shell.Completions;
import io.glio.shell.ShellException;
import io.glio.shell.ShellSession;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * A shell that runs in the {@code targetcli serve} process: each line goes to the service, whose
 * output frames are printed here as they come, until the line's DONE frame.
 */
public final class RemoteSession implements ShellSession {

    /** Where the client's output goes and what its terminal is like (sent in the hello). */
    public record ClientIo(PrintStream out, PrintStream err, boolean terminal, IntSupplier width) {
    }

    private final FrameChannel channel;
    private final ClientIo io;
    private final Path socket;
    private final long servicePid;
    private String prompt;
    private boolean exitRequested;
    private boolean lost;

    private RemoteSession(FrameChannel channel, ClientIo io, Path socket, Messages.Welcome welcome) {
        this.channel = channel;
        this.io = io;
        this.socket = socket;
        this.servicePid = welcome.pid();
        this.prompt = welcome.prompt();
    }

    /**
     * Attaches to the service on {@code socket} when one answers there and serves
     * {@code configFile}; empty when none does (no socket file, or a stale one nobody listens on)
     * or it serves another file. A service that refuses this client is a {@link ShellException}
     * with the service's reason.
     */
    public static Optional<RemoteSession> connect(Path socket, Path configFile, Messages.Hello hello, ClientIo io) {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        SocketChannel ch;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            throw new ShellException("Cannot open a Unix socket: " + e.getMessage());
        }
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            close(ch);
            if ("Connection refused".equals(e.getMessage())) {
                return Optional.empty();
            }
            throw new ShellException("Cannot connect to the targetcli service on " + socket + ": " + e.getMessage());
        }
        FrameChannel fc = new FrameChannel(ch);
        try {
            fc.send(hello.frame());
            Frame answer = fc.receive();
            if (answer == null) {
                throw new IOException("the service closed the connection");
            }
            if (answer.type() == Frame.Type.REFUSED) {
                throw new ShellException(Messages.text(answer));
            }
            Messages.Welcome welcome = Messages.Welcome.of(answer);
            if (!Path.of(welcome.configFile()).equals(configFile)) {
                fc.send(new Frame(Frame.Type.BYE, new byte[0]));
                fc.close();
                return Optional.empty();
            }
            return Optional.of(new RemoteSession(fc, io, socket, welcome));
        } catch (IOException | FrameException e) {
            fc.close();
            throw new ShellException("The targetcli service on " + socket + " did not answer: " + e.getMessage());
        }
    }

    private static void close(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // never connected: nothing to release
        }
    }

    @Override
    public boolean run(String line) {
        try {
            channel.send(new Messages.Line(io.width().getAsInt(), line).frame());
            for (;;) {
                Frame f = channel.receive();
                if (f == null) {
                    return lost("the service closed the connection");
                }
                switch (f.type()) {
                    case OUT -> write(io.out(), f.payload());
                    case ERR -> write(io.err(), f.payload());
                    case DONE -> {
                        Messages.Done done = Messages.Done.of(f);
                        prompt = done.prompt();
                        exitRequested = done.exitRequested();
                        return done.ok();
                    }
                    default -> throw new FrameException("frame type: " + f.type() + " (expected: OUT, ERR or DONE)");
                }
            }
        } catch (IOException | FrameException e) {
            return lost(e.getMessage());
        }
    }

    private static void write(PrintStream to, byte[] bytes) {
        to.write(bytes, 0, bytes.length);
        to.flush();
    }

    /** The service went away (stopped, crashed): say so once and end the shell. */
    private boolean lost(String why) {
        if (!lost) {
            io.err().println("Lost the targetcli service on " + socket + ": " + why);
        }
        lost = true;
        exitRequested = true;
        return false;
    }

    @Override
    public boolean exitRequested() {
        return exitRequested;
    }

    @Override
    public String prompt() {
        return prompt;
    }

    @Override
    public List<Completions.Item> complete(String before) {
        try {
            channel.send(Messages.text(Frame.Type.COMPLETE, before));
            Frame f = channel.receive();
            return f == null ? List.of() : Messages.candidates(f);
        } catch (IOException | FrameException e) {
            return List.of();
        }
    }

    @Override
    public String bannerNote() {
        return "Attached to the targetcli service on " + socket + " (pid " + servicePid + ").\n";
    }

    @Override
    public boolean finish() {
        // The service holds the configuration: it saves on saveconfig and when it stops.
        return !lost;
    }

    @Override
    public void close() {
        try {
            channel.send(new Frame(Frame.Type.BYE, new byte[0]));
        } catch (IOException e) {
            // the service is gone already
        }
        channel.close();
    }
}
