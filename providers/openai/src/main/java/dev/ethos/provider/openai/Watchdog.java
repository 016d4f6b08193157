package dev.ethos.provider.openai;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a response body that has been silent for too long, or that is not finished by a deadline,
 * so that a blocked read returns instead of hanging. {@link #touch()} after every bit of progress;
 * {@link #reason()} says why it fired (null when it did not). One per response.
 */
final class Watchdog implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ethos-openai-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Closeable target;
    private final long idleNanos;
    private final long deadline;
    private final Duration idle;
    private final Duration total;
    private volatile long last;
    private volatile String reason;
    private volatile boolean done;
    private ScheduledFuture<?> next;

    /**
     * @param idle  the most silence allowed between two reads
     * @param total the most time allowed for the whole body, or {@code null} for no limit
     */
    Watchdog(Closeable target, Duration idle, Duration total) {
        this.target = target;
        this.idle = idle;
        this.total = total;
        this.idleNanos = idle.toNanos();
        long now = System.nanoTime();
        this.deadline = total == null ? Long.MAX_VALUE : now + total.toNanos();
        this.last = now;
        schedule(now);
    }

    void touch() {
        last = System.nanoTime();
    }

    /** Why the body was closed, or {@code null} if the watchdog has not fired. */
    String reason() {
        return reason;
    }

    private synchronized void schedule(long now) {
        if (done) {
            return;
        }
        long due = Math.min(last + idleNanos, deadline);
        next = TIMER.schedule(this::check, Math.max(1, due - now), TimeUnit.NANOSECONDS);
    }

    private void check() {
        if (done) {
            return;
        }
        long now = System.nanoTime();
        if (now - last >= idleNanos) {
            fire("no data from the server for " + idle.toMillis() + " ms");
        } else if (deadline != Long.MAX_VALUE && now - deadline >= 0) {
            fire("the response was not complete within " + total.toMillis() + " ms");
        } else {
            schedule(now);
        }
    }

    private void fire(String why) {
        reason = why;
        done = true;
        try {
            target.close();
        } catch (IOException | RuntimeException ignored) {
            // closing is all we can do
        }
    }

    @Override
    public synchronized void close() {
        done = true;
        if (next != null) {
            next.cancel(false);
        }
    }
}
