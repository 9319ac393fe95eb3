package org.evwatch.gateway.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the running gateway's console log handler writes, exactly as formatted (JSON lines when JSON logs are on),
 * from {@link #capture()} until {@link #close()}; the lines still reach the console too.
 */
public final class ConsoleLines implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ConsoleHandler> handlers;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private ConsoleLines(List<ConsoleHandler> handlers) {
        this.handlers = handlers;
        PrintStream console = System.out;
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (captured) {
                    captured.write(b, off, len);
                }
                console.write(b, off, len);
            }

            @Override
            public void flush() {
                console.flush();
            }
        };
        handlers.forEach(h -> h.setOutputStream(tee));
    }

    /** Starts copying what the console handlers of the logging context write; fails when there is none. */
    public static ConsoleLines capture() {
        List<ConsoleHandler> found = new ArrayList<>();
        collect(LogContext.getLogContext().getLogger("").getHandlers(), found);
        if (found.isEmpty()) {
            throw new IllegalStateException("no console log handler");
        }
        return new ConsoleLines(found);
    }

    private static void collect(Handler[] handlers, List<ConsoleHandler> found) {
        for (Handler h : handlers) {
            if (h instanceof ConsoleHandler console) {
                found.add(console);
            } else if (h instanceof ExtHandler parent) {
                collect(parent.getHandlers(), found);
            }
        }
    }

    /** The lines written so far. */
    public List<String> lines() {
        String text;
        synchronized (captured) {
            text = captured.toString(StandardCharsets.UTF_8);
        }
        return text.lines().toList();
    }

    /** The lines written so far that are JSON objects. */
    public List<JsonNode> json() {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : lines()) {
            try {
                JsonNode node = JSON.readTree(line);
                if (node != null && node.isObject()) {
                    objects.add(node);
                }
            } catch (JsonProcessingException e) {
                // not a JSON line
            }
        }
        return objects;
    }

    @Override
    public void close() throws IOException {
        handlers.forEach(h -> h.setOutputStream(System.out));
    }
}
