package org.evwatch.fetcher.testsupport;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.evwatch.events.tracing.RecordLog;
import org.jboss.logging.MDC;

/** What one class logs while open, each line with the record its logging context named (MDC {@code recordId}). */
public final class LogCapture extends Handler implements AutoCloseable {

    /** A line: its message with any arguments kept apart, and the record named when it was logged (null: none). */
    public record Line(String text, String recordId) {
    }

    private final Logger logger;
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
    }

    public static LogCapture of(Class<?> type) {
        LogCapture capture = new LogCapture(Logger.getLogger(type.getName()));
        capture.logger.addHandler(capture);
        return capture;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        Object[] args = record.getParameters() == null ? new Object[0] : record.getParameters();
        lines.add(new Line(record.getMessage() + " " + Arrays.toString(args), (String) MDC.get(RecordLog.RECORD_ID)));
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
