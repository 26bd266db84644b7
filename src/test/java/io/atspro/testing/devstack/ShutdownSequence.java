package io.atspro.testing.devstack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * One JVM shutdown hook that closes what was registered, last registered first, one at a time.
 * Separate hooks would run concurrently, so a server could stop before the application using it.
 */
public final class ShutdownSequence {

    private record Entry(String name, AutoCloseable resource) {
    }

    private static final long STARTUP_WAIT_MILLIS = TimeUnit.SECONDS.toMillis(60);
    private static final Deque<Entry> ENTRIES = new ArrayDeque<>();
    private static final Object CLOSING = new Object();
    private static boolean hookInstalled;
    private static boolean jvmExiting;
    private static int startupsInProgress;

    private ShutdownSequence() {
    }

    /**
     * Closes {@code resource} at JVM exit (Ctrl-C included) unless it is removed before. Once the JVM is exiting the
     * resource is still closed, and this throws so that the caller starts nothing more.
     */
    public static synchronized void add(String name, AutoCloseable resource) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownSequence::onJvmExit, "atspro-shutdown-sequence"));
            hookInstalled = true;
        }
        ENTRIES.push(new Entry(name, resource));
        if (jvmExiting) {
            throw new IllegalStateException("Not starting anything more: the JVM is exiting");
        }
    }

    public static synchronized void remove(AutoCloseable resource) {
        ENTRIES.removeIf(entry -> entry.resource() == resource);
    }

    /**
     * Marks a start in progress: a server takes a moment between being launched and being registered, so the exit
     * hook waits (up to a minute) for {@link #startupEnded()} before its last pass.
     */
    public static synchronized void startupBegins() {
        startupsInProgress++;
    }

    public static synchronized void startupEnded() {
        startupsInProgress--;
        ShutdownSequence.class.notifyAll();
    }

    public static synchronized boolean isJvmExiting() {
        return jvmExiting;
    }

    /** Closes everything registered, newest first. Safe to call from any thread, and more than once. */
    public static void closeAll() {
        // one pass at a time, or two callers would close neighbours concurrently
        synchronized (CLOSING) {
            Entry entry;
            while ((entry = next()) != null) {
                try {
                    entry.resource().close();
                } catch (Exception e) {
                    System.err.println("Stopping " + entry.name() + " failed: " + e);
                }
            }
        }
    }

    private static void onJvmExit() {
        synchronized (ShutdownSequence.class) {
            jvmExiting = true;
        }
        closeAll();
        awaitStartups();
        closeAll();
    }

    private static synchronized void awaitStartups() {
        long deadline = System.currentTimeMillis() + STARTUP_WAIT_MILLIS;
        try {
            long left;
            while (startupsInProgress > 0 && (left = deadline - System.currentTimeMillis()) > 0) {
                ShutdownSequence.class.wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static synchronized Entry next() {
        return ENTRIES.poll();
    }
}
