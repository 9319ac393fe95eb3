package org.evwatch.gateway.scheduling;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task on a daemon thread of its own, at a fixed delay and whenever {@link #now()} asks: the loop of an outbox
 * sender that looks for due deliveries. One run at a time, never two at once.
 */
public final class Poller {

    private final Runnable task;
    private final ScheduledExecutorService executor;

    public Poller(String name, Runnable task) {
        this.task = task;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the task every {@code interval} (100 ms at least), the first time after one interval. */
    public void start(Duration interval) {
        long every = Math.max(100, interval.toMillis());
        executor.scheduleWithFixedDelay(task, every, every, TimeUnit.MILLISECONDS);
    }

    /** Runs the task as soon as the thread is free; nothing once stopped. */
    public void now() {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // Stopped: the next start runs it.
        }
    }

    public void stop() {
        executor.shutdownNow();
    }
}
