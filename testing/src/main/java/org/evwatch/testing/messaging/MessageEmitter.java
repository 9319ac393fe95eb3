package org.evwatch.testing.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * An emitter for tests of code that sends messages, without a broker: the test says what becomes of each message
 * ({@link #send(Message)}: acknowledge it, refuse it, or never answer). A payload sent alone goes as a message, and
 * its stage completes when that message is acknowledged or refused.
 */
public abstract class MessageEmitter<T> implements Emitter<T> {

    @Override
    public CompletionStage<Void> send(T payload) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        send(Message.of(payload, () -> {
            done.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            done.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        return done;
    }

    @Override
    public void complete() {
    }

    @Override
    public void error(Exception e) {
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean hasRequests() {
        return true;
    }
}
