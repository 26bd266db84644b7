package io.atspro.testing.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A server started as a child process. {@link #close()} stops the whole process tree (a start script and the JVM it
 * launched) and is registered in the {@link ShutdownSequence}, so nothing outlives the JVM that started it.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int LOG_TAIL_LINES = 40;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Duration stopTimeout;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ChildProcess(String name, Process process, Path logFile, Duration stopTimeout) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.stopTimeout = stopTimeout;
    }

    /** Starts {@code command} with its standard output and error appended to {@code logFile}. */
    public static ChildProcess start(String name, ProcessBuilder command, Path logFile, Duration stopTimeout) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the log file " + logFile + " for " + name, e);
        }
        command.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        return launch(name, command, logFile, stopTimeout);
    }

    /** Starts {@code command} with its output on this JVM's console. */
    public static ChildProcess startOnConsole(String name, ProcessBuilder command, Duration stopTimeout) {
        command.inheritIO();
        return launch(name, command, null, stopTimeout);
    }

    private static ChildProcess launch(String name, ProcessBuilder command, Path logFile, Duration stopTimeout) {
        try {
            ChildProcess child = new ChildProcess(name, command.start(), logFile, stopTimeout);
            ShutdownSequence.add(name, child);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + " (" + String.join(" ", command.command()) + ")", e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /**
     * Waits until {@code ready} holds. Fails at once if the process exits, and after {@code timeout} otherwise; the
     * process is stopped in both cases and the message includes the end of its log.
     */
    public void awaitReady(Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!ready.getAsBoolean()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            name + " exited with code " + process.exitValue() + " before it was ready." + logTail());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            name + " was not ready after " + timeout.toSeconds() + " s." + logTail());
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while waiting for " + name);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The last lines of the log file with its path, for error messages; empty when the output goes to the console. */
    public String logTail() {
        if (logFile == null) {
            return "";
        }
        try {
            List<String> lines = Arrays.asList(
                    new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).split("\\R"));
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return "\nLog: " + logFile + "\n--- last lines ---\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "\nLog: " + logFile + " (unreadable: " + e.getMessage() + ")";
        }
    }

    /** Asks the process tree to stop, then kills what is left after the stop timeout. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ShutdownSequence.remove(this);
        // Taken before the parent goes: orphaned children are re-parented and no longer found as descendants.
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + stopTimeout.toNanos();
        for (ProcessHandle handle : tree) {
            awaitExit(handle, Math.max(0, deadline - System.nanoTime()));
        }
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
                awaitExit(handle, TimeUnit.SECONDS.toNanos(5));
            }
        }
    }

    private static void awaitExit(ProcessHandle handle, long timeoutNanos) {
        try {
            handle.onExit().get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // still running: the caller decides
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
